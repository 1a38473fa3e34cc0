#!/usr/bin/env bash
# The README's "caseworker's morning" is produced by the tool itself. This script runs that
# session on a fresh database in a scratch directory and
#   prints it                      readme-session.sh TOOL
#   checks the README against it   readme-session.sh --check TOOL README.md   (a ctest test)
#   rewrites the README's block    readme-session.sh --update TOOL README.md
# The block sits between the lines <!-- readme-session:begin --> and <!-- readme-session:end -->.
set -euo pipefail

mode=print
if [[ "${1:-}" == --check || "${1:-}" == --update ]]; then
  mode="${1#--}"
  shift
fi
tool="$(realpath "$1")"
readme="${2:+$(realpath "$2")}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
mkdir bin
ln -s "$tool" bin/inburgering
export PATH="$scratch/bin:$PATH"
# Nothing of the caller's environment may change the output.
unset INBURGERING_ROLE INBURGERING_LANG
export INBURGERING_DB=utrecht.db INBURGERING_USER=km-jansen INBURGERING_MUNICIPALITY=0344
export INBURGERING_TODAY=2026-12-07

session() {
  echo '$ export INBURGERING_DB=utrecht.db INBURGERING_USER=km-jansen INBURGERING_MUNICIPALITY=0344 \'
  echo '    INBURGERING_TODAY=2026-12-07'
  local commands=(
    'inburgering demodata --aantal 300 --seed 1'
    'inburgering werklijst'
    'inburgering toon 1001'
    'inburgering voortgangsgesprek 1001 --datum 2026-12-07 --beoordeling on_track --notities "lezen B1 gehaald; luisteren oefenen"'
    'inburgering uren 1001 --datum 2026-12-07 --uren 3 --aanbieder "Taalschool Utrecht"'
    'inburgering werklijst'
  )
  for c in "${commands[@]}"; do
    echo
    echo "\$ $c"
    eval "$c" 2>&1
  done
}

out="$(session)"
case "$mode" in
  print)
    printf '%s\n' "$out"
    ;;
  check)
    block="$(sed -n '/^<!-- readme-session:begin -->$/,/^<!-- readme-session:end -->$/p' "$readme" |
      sed '1,2d;$d' | sed '$d')"
    if [[ "$block" != "$out" ]]; then
      echo "README's session differs from what the tool prints now; run" >&2
      echo "  bash scripts/readme-session.sh --update build/debug/examples/inburgering README.md" >&2
      diff <(printf '%s\n' "$block") <(printf '%s\n' "$out") >&2 || true
      exit 1
    fi
    echo "README session matches the tool's output"
    ;;
  update)
    printf '%s\n' "$out" >"$scratch/session.txt"
    python3 - "$readme" "$scratch/session.txt" <<'PY'
import sys
path, session = sys.argv[1], open(sys.argv[2]).read()
text = open(path).read()
begin, end = "<!-- readme-session:begin -->\n", "<!-- readme-session:end -->"
i, j = text.index(begin) + len(begin), text.index(end)
open(path, "w").write(text[:i] + "```text\n" + session + "```\n" + text[j:])
PY
    ;;
esac
