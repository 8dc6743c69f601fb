#!/bin/bash
# scripts/fuzz.sh [TARGET] [SECONDS] [LIBFUZZER-OPTIONS...] -- build the
# libFuzzer targets with clang, AddressSanitizer and UBSan into build-fuzz/
# and run TARGET (default fuzz_insn) for SECONDS (default 600).  Inputs
# may be up to 4 KiB long from the start (-max_len=4096 -len_control=0;
# later options override).  The corpus is kept in build-fuzz/corpus/TARGET;
# a crash leaves its input in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh --fuzz
target=${1:-fuzz_insn}
secs=${2:-600}
shift $(( $# < 2 ? $# : 2 ))
CC=clang cmake -S . -B build-fuzz -DVM390_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "$target"
mkdir -p "build-fuzz/corpus/$target"
cd build-fuzz
exec "tests/fuzz/$target" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
     -max_len=4096 -len_control=0 -print_final_stats=1 "$@" "corpus/$target"
