#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and run the caseworker demo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DINBURGERING_BUILD_TESTS=OFF -DINBURGERING_BUILD_BENCHMARKS=OFF "${launcher[@]}"
cmake --build build/release --target caseworker_demo
./build/release/examples/caseworker_demo "$@"
