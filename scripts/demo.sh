#!/bin/bash
# The main job: build vm390 and run the demo guest (the bench390 CPU
# benchmark, self-checking) with vm390 run, printing its result and MIPS.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
build/vm390 run build/bench/bench390.bin
