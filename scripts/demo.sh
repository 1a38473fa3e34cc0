#!/usr/bin/env bash
# Quick start 1: install what is missing, build the caseworker programme `inburgering`, fill an
# SQLite file (or the PostgreSQL database INBURGERING_DB names) with demo data (once) and show a
# caseworker's worklist. With arguments, runs the
# programme on that file with them instead, as caseworker km-jansen of Utrecht (0344), e.g.
#   bash scripts/demo.sh toon 1001
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DINBURGERING_BUILD_EXAMPLES=ON -DINBURGERING_BUILD_TESTS=OFF -DINBURGERING_BUILD_BENCHMARKS=OFF \
  "${launcher[@]}" >/dev/null
cmake --build build/release --target inburgering_cli

export INBURGERING_DB="${INBURGERING_DB:-$PWD/inburgering-demo.db}"
export INBURGERING_USER="${INBURGERING_USER:-km-jansen}"
export INBURGERING_MUNICIPALITY="${INBURGERING_MUNICIPALITY:-0344}"
tool=./build/release/examples/inburgering
if (($# > 0)); then
  exec "$tool" "$@"
fi
# Demo data once: when the store is not there yet (a missing file, or a PostgreSQL schema without
# one, e.g. INBURGERING_DB=postgresql://localhost/wi?schema=demo), which a read says with exit 3,
# or holds no trajectory (a refused first command on PostgreSQL leaves empty tables).
status=0
listed=$("$tool" --json lijst --max 1 2>/dev/null) || status=$?
if ((status == 3)) || { ((status == 0)) && [[ "$listed" == *'"items": []'* ]]; }; then
  "$tool" demodata --aantal 2000 --seed 1
elif ((status != 0)); then
  "$tool" lijst --max 1 >/dev/null  # shows why
fi
"$tool" werklijst
echo
echo "Verder / next: bash scripts/demo.sh toon 1001   (of: --help, termijnen, zoek --bsn 999990019)"
