#!/usr/bin/env bash
# Quick start 2: install what is missing, check formatting, build and run the whole test suite
# with ctest, once normally (with the consumer projects and the fuzz targets, which build their
# own clang tree, and the storage tests and the caseworker programme's on SQLite and on a
# throwaway PostgreSQL server) and once with ASan + UBSan (both backends too).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "== format check (clang-format, .clang-format)"
mapfile -t sources < <(git ls-files '*.hpp' '*.cpp' 2>/dev/null || find include src tests examples bench -name '*.[ch]pp')
clang-format --dry-run --Werror "${sources[@]}"

echo "== debug build + tests"
cmake -S . -B build/debug -G Ninja -DCMAKE_BUILD_TYPE=Debug "${launcher[@]}"
cmake --build build/debug -j "$jobs"
# The storage tests run on PostgreSQL too, against a throwaway server: pg_virtualenv creates a
# cluster, sets the PG* variables, runs ctest and drops the cluster again (also when it fails).
with_postgres() {
  if command -v pg_virtualenv >/dev/null && [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    # -t: a temporary cluster directory, also as root (no clash with another throwaway cluster).
    pg_virtualenv -t -v 15 -o fsync=off env INBURGERING_TEST_POSTGRES= "$@"
  else
    echo "(no PostgreSQL 15 server here: the PostgreSQL tests are skipped)"
    "$@"
  fi
}
with_postgres ctest --test-dir build/debug --output-on-failure -j "$jobs"

echo "== ASan + UBSan build + tests"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DINBURGERING_SANITIZE=ON \
  -DINBURGERING_BUILD_BENCHMARKS=OFF -DINBURGERING_BUILD_EXAMPLES=OFF \
  -DINBURGERING_TEST_CONSUMER=OFF -DINBURGERING_FUZZ=OFF "${launcher[@]}"
cmake --build build/asan -j "$jobs"
# The PostgreSQL tests run here too (libpq and libpqxx under LeakSanitizer).
with_postgres env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"
