#!/usr/bin/env bash
# The README's "caseworker's morning" and the evaluation export's data dictionary are produced by
# the tool itself. This script runs that session on a fresh database in a scratch directory and
#   prints it                      readme-session.sh TOOL
#   checks the README against it   readme-session.sh --check TOOL README.md   (a ctest test)
#   rewrites the README's block    readme-session.sh --update TOOL README.md
# The blocks sit between <!-- readme-session:begin --> and <!-- readme-session:end -->, and
# between <!-- evaluation-dictionary:begin --> and <!-- evaluation-dictionary:end -->.
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
dictionary="$(inburgering evaluatie-export --woordenboek)"

# The text between the README's markers of block $1, without the code fence (if any).
block_of() {
  python3 - "$readme" "$1" <<'PY'
import sys
path, name = sys.argv[1], sys.argv[2]
text = open(path).read()
begin, end = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"
body = text[text.index(begin) + len(begin):text.index(end)]
if body.startswith("```text\n"):
    body = body[len("```text\n"):-len("```\n")]
sys.stdout.write(body)
PY
}

case "$mode" in
  print)
    printf '%s\n\n%s\n' "$out" "$dictionary"
    ;;
  check)
    status=0
    for name in readme-session evaluation-dictionary; do
      want="$out"
      [[ $name == evaluation-dictionary ]] && want="$dictionary"
      have="$(block_of "$name")"
      if [[ "$have" != "$want" ]]; then
        echo "README's $name block differs from what the tool prints now; run" >&2
        echo "  bash scripts/readme-session.sh --update build/debug/examples/inburgering README.md" >&2
        diff <(printf '%s\n' "$have") <(printf '%s\n' "$want") >&2 || true
        status=1
      fi
    done
    ((status == 0)) && echo "README session and dictionary match the tool's output"
    exit $status
    ;;
  update)
    printf '%s\n' "$out" >"$scratch/session.txt"
    printf '%s\n' "$dictionary" >"$scratch/dictionary.txt"
    python3 - "$readme" "$scratch/session.txt" "$scratch/dictionary.txt" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
for name, file, fence in (("readme-session", sys.argv[2], True),
                          ("evaluation-dictionary", sys.argv[3], False)):
    body = open(file).read()
    begin, end = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"
    i, j = text.index(begin) + len(begin), text.index(end)
    text = text[:i] + ("```text\n" + body + "```\n" if fence else body) + text[j:]
open(path, "w").write(text)
PY
    ;;
esac
