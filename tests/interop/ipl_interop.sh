#!/bin/bash
# IPL across vm390 and Hercules (Debian package hercules).
# usage: ipl_interop.sh CASE VM390 GUESTDIR   (exit 0 passed, 1 failed, 77 skipped)
#   dasdinit   a volume made by Hercules' dasdinit IPLed by vm390: its IPL1
#              record (a BC-mode wait PSW X'00060000 0000000F' and a NOP)
#              is loaded, and the PSW, invalid in ESA/390 (bit 12 zero), is
#              an early specification exception (SA22-7201 chapter 17)
#   update     vm390 mkdisk --update --ipl puts ipl_boot.bin on a volume
#              that Hercules' dasdload made (VTOC, a data set): it IPLs
#              under vm390 and Hercules, and Hercules' dasdls still finds
#              the data set
#   tape       a tape made by vm390 mktape --ipl (ipl_at.bin at X'20000')
#              IPLs under Hercules; tapemap sees its blocks
set -u
case=${1:?usage: ipl_interop.sh CASE VM390 GUESTDIR}
vm390=${2:?}
guest=${3:?}
here=$(cd "$(dirname "$0")" && pwd)
need() { for t in "$@"; do command -v "$t" >/dev/null || { echo "skipped: $t is not installed"; exit 77; }; done; }
work=$(mktemp -d /tmp/vm390-iplx-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

# Hercules IPLs the image: its PSW and (console 0009) its hardcopy log
herc_ipl() {
    mkdir -p "$work/herc"
    out=$(python3 "$here/herc_ipl.py" "$1" "$2" "$work/herc" 60)
    echo "hercules: $out"
    [ "$out" = "PSW=000A0000 00000000" ] || fail "Hercules did not stop with the success PSW"
    grep -aq "$3" "$work/herc/herc.log" || fail "Hercules console shows no '$3'"
}

case $case in
dasdinit)
    need dasdinit
    dasdinit "$work/h.ckd" 3390 HERC01 5 >/dev/null 2>&1 || fail "dasdinit"
    # the program-interruption new PSW is a wait, so the exception ends there
    cat > "$work/case.json" <<JSON
{ "format": "vm390-test/1", "id": "dasdinit_ipl", "name": "IPL of a dasdinit volume",
  "config": { "mainsize_bytes": 1048576, "numcpu": 1,
    "devices": [ { "devnum": "0190", "type": "3390", "subchannel": 1,
                   "image": { "copy": "$work/h.ckd" } } ] },
  "steps": [ { "op": "sysclear" },
             { "op": "store", "addr": "0x68", "hex": "000A00000000DEAD" },
             { "op": "ipl", "devnum": "0190", "clear": false },
             { "op": "run", "method": "start", "timeout_s": 2 } ],
  "expected": [
    { "kind": "wait", "psw": "000A00000000DEAD" },
    { "kind": "storage", "addr": "0x0", "hex": "000600000000000F0300000000000001", "label": "IPL1" },
    { "kind": "storage", "addr": "0x28", "hex": "000600000000000F", "label": "program old PSW" },
    { "kind": "storage", "addr": "0x8C", "hex": "00000006", "label": "ILC 0, specification" },
    { "kind": "storage", "addr": "0xB8", "hex": "0001000100000000", "label": "subchannel of the IPL" } ] }
JSON
    "$vm390" test "$work/case.json" || fail "vm390 IPL of the dasdinit volume"
    ;;
update)
    need dasdload dasdls
    head -c 800 /dev/zero > "$work/data.bin"
    printf 'HERC01 3390-1 20\nMY.DATA SEQ data.bin TRK 1 0 0 PS FB 80 800\n' > "$work/ctl.txt"
    (cd "$work" && dasdload ctl.txt h.ckd 0) >/dev/null 2>&1 || fail "dasdload"
    "$vm390" mkdisk --ipl "$guest/ipl_boot.bin" --update "$work/h.ckd" || fail "mkdisk --update"
    out=$("$vm390" run -q -D 0009,3215 -D "0190,3390,$work/h.ckd ro" --ipl 0190 2>&1)
    echo "vm390: $out"
    echo "$out" | grep -q "IPL OK" && echo "$out" | grep -q "PSW 000A0000 00000000" ||
        fail "vm390 IPL of the updated volume"
    (cd "$work" && dasdls h.ckd) >"$work/dasdls.txt" 2>&1 || fail "dasdls: $(cat "$work/dasdls.txt")"
    grep -q "MY.DATA" "$work/dasdls.txt" || fail "dasdls does not see the data set: $(cat "$work/dasdls.txt")"
    need hercules python3
    herc_ipl "$work/h.ckd" 3390 "IPL OK"
    ;;
tape)
    need tapemap hercules python3
    "$vm390" mktape --ipl "$guest/ipl_at.bin@20000" "$work/ipl.aws" || fail "mktape --ipl"
    map=$(tapemap "$work/ipl.aws" 2>&1)
    echo "$map" | grep -q "File 1: Blocks=3, block size min=8, max=[0-9]" || fail "tapemap: $map"
    herc_ipl "$work/ipl.aws" 3480 "IPL AT OK"
    ;;
*)
    echo "unknown case $case"; exit 2 ;;
esac
echo "passed"
