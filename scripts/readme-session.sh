#!/usr/bin/env bash
# The README's "caseworker's morning" and the evaluation export's data dictionary are produced by
# the tool itself. This script runs that session on a fresh database in a scratch directory and
#   prints it                      readme-session.sh TOOL
#   checks the README against it   readme-session.sh --check TOOL README.md   (a ctest test)
#   rewrites the README's block    readme-session.sh --update TOOL README.md
# The blocks sit between <!-- NAME:begin --> and <!-- NAME:end --> for NAME readme-session,
# evaluation-dictionary, programme-session and programme-dictionary.
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

# The pilot of the demo data, seen by the Utrecht caseworker: who takes part, one participant,
# and the outcome report as it may leave the municipality.
pilot() {
  local commands=(
    'inburgering programma 1'
    'inburgering deelname 1 100122'
    'inburgering programma-resultaten 1 --voor-buiten'
  )
  local first=1
  for c in "${commands[@]}"; do
    ((first)) || echo
    first=0
    echo "\$ $c"
    eval "$c" 2>&1
  done
}

# Block name, code fence or not, and its text: kept in files, read back by name.
mkdir "$scratch/blocks"
session >"$scratch/blocks/readme-session.fenced"
inburgering evaluatie-export --woordenboek >"$scratch/blocks/evaluation-dictionary.plain"
pilot >"$scratch/blocks/programme-session.fenced"
inburgering programma-export --woordenboek >"$scratch/blocks/programme-dictionary.plain"

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
    for file in "$scratch"/blocks/*; do
      cat "$file"
      echo
    done
    ;;
  check)
    status=0
    for file in "$scratch"/blocks/*; do
      name="$(basename "${file%.*}")"
      want="$(cat "$file")"
      have="$(block_of "$name")"
      if [[ "$have" != "$want" ]]; then
        echo "README's $name block differs from what the tool prints now; run" >&2
        echo "  bash scripts/readme-session.sh --update build/debug/examples/inburgering README.md" >&2
        diff <(printf '%s\n' "$have") <(printf '%s\n' "$want") >&2 || true
        status=1
      fi
    done
    ((status == 0)) && echo "README sessions and dictionaries match the tool's output"
    exit $status
    ;;
  update)
    python3 - "$readme" "$scratch"/blocks/* <<'PY'
import os, sys
path = sys.argv[1]
text = open(path).read()
for file in sys.argv[2:]:
    name, kind = os.path.basename(file).rsplit(".", 1)
    body = open(file).read()
    if not body.endswith("\n"):
        body += "\n"
    begin, end = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"
    i, j = text.index(begin) + len(begin), text.index(end)
    text = text[:i] + ("```text\n" + body + "```\n" if kind == "fenced" else body) + text[j:]
open(path, "w").write(text)
PY
    ;;
esac
