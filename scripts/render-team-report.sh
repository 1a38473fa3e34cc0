#!/usr/bin/env bash
# Renders the team lead's report (inburgering teamrapport) in headless Chromium and checks that
# its charts are drawn: the five SVG charts are in the rendered DOM with their bars, and the
# screenshot is not blank (it has pixels of the bar colour). ctest runs it (example.team_report);
# with a third argument the screenshot is kept there (the README's docs/team-report.png).
#   render-team-report.sh TOOL [SCREENSHOT.png]
# Exits 77 (ctest: skipped) when Chromium is not installed; scripts/install-deps.sh installs it.
set -euo pipefail
tool="$(realpath "$1")"
keep="${2:-}"
[[ -n "$keep" ]] && keep="$(realpath -m "$keep")"
chromium="$(command -v chromium || true)"
if [[ -z "$chromium" ]]; then
  echo "chromium is not installed: skipped (bash scripts/install-deps.sh installs it)"
  exit 77
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
export INBURGERING_DB=report.db INBURGERING_USER=teamleider INBURGERING_MUNICIPALITY=0344
export INBURGERING_TODAY=2026-12-07
unset INBURGERING_ROLE INBURGERING_LANG
"$tool" demodata --aantal 600 --seed 1 >/dev/null
"$tool" teamrapport --bestand report.html >/dev/null
flags=(--headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
  --user-data-dir="$scratch/profile" --window-size=1000,1900)
"$chromium" "${flags[@]}" --dump-dom "file://$scratch/report.html" >dom.html 2>/dev/null
"$chromium" "${flags[@]}" --screenshot="$scratch/report.png" "file://$scratch/report.html" \
  >/dev/null 2>&1
python3 - dom.html report.png <<'PY'
import re, struct, sys, zlib

dom = open(sys.argv[1], encoding="utf-8").read()
charts = re.findall(r'<svg id="([a-z]+)" class="chart"', dom)
expected = ["caseload", "deadlines", "routes", "cohorts", "caseworkers"]
assert charts == expected, f"charts in the rendered page: {charts}"
bars = [int(w) for w in re.findall(r'<rect class="bar[^"]*"[^>]* width="(\d+)"', dom)]
drawn = sum(1 for w in bars if w > 0)
assert drawn >= 15, f"only {drawn} of {len(bars)} bars have a width"
assert "<script" not in dom.lower() and " src=" not in dom and " href=" not in dom

# The screenshot: decode the PNG (8-bit RGB or RGBA) and count the pixels of the bar colour.
data = open(sys.argv[2], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), f"unexpected PNG format {depth}/{ctype}"
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
bpp = 3 if ctype == 2 else 4
stride = width * bpp
previous = bytearray(stride)
bar, non_white = 0, 0
for y in range(height):
    start = y * (stride + 1)
    kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = previous[i]
        c = previous[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + a) & 255
        elif kind == 2:
            line[i] = (line[i] + b) & 255
        elif kind == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        r, g, bl = line[x], line[x + 1], line[x + 2]
        if (r, g, bl) != (255, 255, 255):
            non_white += 1
        if abs(r - 0x15) < 12 and abs(g - 0x42) < 12 and abs(bl - 0x73) < 12:
            bar += 1
    previous = line
assert bar > 2000, f"the screenshot shows {bar} pixels of the bar colour: charts not drawn"
print(f"rendered: {len(charts)} charts, {drawn} bars, {bar} bar pixels, {non_white} non-white "
      f"of {width}x{height}")
PY
if [[ -n "$keep" ]]; then cp report.png "$keep"; fi
