#!/bin/bash
# Hercules attaches a volume made by vm390 mkdisk and IPLs from it: the IPL
# record vm390 writes loads a disabled-wait PSW X'000A0000 00000000'.
# usage: hercules_ipl.sh VM390   (exit 77 when hercules or python3 is missing)
set -u
vm390=${1:?usage: hercules_ipl.sh VM390}
command -v hercules >/dev/null && command -v python3 >/dev/null || { echo "skipped"; exit 77; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/vm390-hercipl-XXXXXX)
trap 'rm -rf "$work"' EXIT
rc=0
for opt in "" "-z"; do
    img="$work/ipl$opt.ckd"
    "$vm390" mkdisk $opt -c 10 "$img" 3390-1 IPL001 >/dev/null || exit 1
    out=$(python3 "$here/herc_ipl.py" "$img" 3390 "$work" 60)
    echo "mkdisk $opt: $out"
    [ "$out" = "PSW=000A0000 00000000" ] || rc=1
done
exit $rc
