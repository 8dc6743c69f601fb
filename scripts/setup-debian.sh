#!/bin/bash
# Install the Debian 12 packages vm390 needs to build, test and benchmark;
# with --fuzz also clang and its libFuzzer runtime (scripts/fuzz.sh).
# Runs apt-get as root (directly, or through sudo when not root).
set -euo pipefail
packages=(
    build-essential cmake pkg-config python3
    libcunit1-dev libcjson-dev zlib1g-dev libsqlite3-dev libcap-dev libffi-dev
    binutils-s390x-linux-gnu gcc-s390x-linux-gnu lib32gcc-12-dev-s390x-cross
    valgrind hercules
)
[ "${1:-}" = --fuzz ] && packages+=(clang libclang-rt-14-dev)
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
