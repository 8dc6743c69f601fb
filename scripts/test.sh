#!/bin/bash
# Build and run every test (unit, guest programs, conformance).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
