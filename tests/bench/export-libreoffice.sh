#!/usr/bin/env bash
# Opens an exported CSV in LibreOffice headless (Debian: apt-get install libreoffice-calc-nogui),
# saves it as .xlsx and prints what the spreadsheet holds: rows, columns, header, formulas (must be
# 0) and the cells with accents, quotes, delimiters or line breaks.
#   tests/bench/export-libreoffice.sh assinaturas-….csv [;|,]
# Headless conversion has no Text Import dialog to read the BOM and guess the separator, so the
# options it would pick are given explicitly: separator, '"' as text delimiter, UTF-8 (76).
set -euo pipefail
csv="$1"
separator="${2:-;}"
out="$(mktemp -d)"
code=$(printf '%d' "'$separator")
soffice --headless --norestore --infilter="CSV:${code},34,76,1" --convert-to xlsx --outdir "$out" "$csv" >/dev/null 2>&1
xlsx="$out/$(basename "${csv%.*}").xlsx"
python3 - "$xlsx" <<'PY'
import re, sys, zipfile
from html import unescape
book = zipfile.ZipFile(sys.argv[1])
sheet = book.read("xl/worksheets/sheet1.xml").decode()
strings = [unescape(re.sub(r"<[^>]+>", "", s)) for s in re.findall(r"<si>(.*?)</si>", book.read("xl/sharedStrings.xml").decode(), re.S)]
rows = re.findall(r"<row .*?</row>", sheet, re.S)
def cells(row):
    return [strings[int(v)] if t == "s" else v for t, v in re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")?(?: t="(\w+)")?[^>]*>(?:<f>.*?</f>)?<v>(.*?)</v></c>', row)]
print(f"rows: {len(rows)} (header + {len(rows) - 1})")
print(f"columns: {len(cells(rows[0]))}")
print("header:", " | ".join(cells(rows[0])))
print("formulas:", len(re.findall(r"<f[ >]", sheet)))
special = [s for s in strings if re.search(r'[;"\n]|^\'|[^\x00-\x7f]', s)]
print("cells with accents, quotes, ; or line breaks (first 12):")
for text in special[:12]:
    print("  ", repr(text))
PY
rm -rf "$out"
