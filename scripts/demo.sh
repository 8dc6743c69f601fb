#!/bin/bash
# The main job: build vm390 and run the demo guest, the self-checking
# bench390 CPU benchmark (bench/guest/bench390.s), with vm390 run, DAT off
# and DAT on; each run prints the guest's self-check result and its MIPS.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
for variant in bench390 bench390-dat; do
    echo "== $variant"
    build/vm390 run "build/bench/$variant.bin"
done
