#!/bin/bash
# iobench_check.sh VM390 IOBENCH_BIN [hercules] -- the ctest check of the
# bench/io guest (not timed): it writes and reads back a fresh 3-cylinder
# 3390 under vm390, or with `hercules` under Hercules 3.13 (exit 77, skipped,
# when Hercules is not installed).
set -u
vm390=${1:?usage: iobench_check.sh VM390 IOBENCH_BIN [hercules]}; bin=${2:?}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/vm390-iobench-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$vm390" mkdisk -c 3 "$work/disk.ckd" 3390 >/dev/null || exit 1
if [ "${3:-}" = hercules ]; then
    command -v hercules >/dev/null && command -v python3 >/dev/null || { echo "skipped"; exit 77; }
    out=$(HERC_DEVICES="0190 3390 $work/disk.ckd" TIMEOUT=60 "$here/hercules/run.sh" "$bin" 10000 2>&1)
else
    out=$("$vm390" run -q -d 10000.40 --dev "0190,3390,$work/disk.ckd" "$bin" 2>&1)
fi
rc=$?
echo "$out"
exit $rc
