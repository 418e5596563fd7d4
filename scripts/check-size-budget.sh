#!/usr/bin/env bash
# The first-load size budget of issue #6: every file the first view of the release build
# loads — index.html and what it references (the JS glue, the wasm, the CSS) — summed raw
# and gzip -9 compressed. Fails when the gzip total exceeds the budget.
#
#   scripts/check-size-budget.sh [DIST_DIR]        (default: dist, after `trunk build --release`)
#
# The budget is 250 KB = 250,000 bytes (decimal kilobytes, the stricter reading), gzipped.
# Deterministic: no browser, no network; it runs in `make test` after the release build.
# The files are read from index.html's own references (href/src attributes and the quoted
# `./name.ext` paths of Trunk's inline loader), so a new file the page loads is counted.
set -euo pipefail

dist="${1:-dist}"
budget_bytes="${PARALLAX_SIZE_BUDGET_BYTES:-250000}"
index="$dist/index.html"

if [[ ! -f "$index" ]]; then
  echo "size budget: $index is missing; run \`trunk build --release --offline\` first" >&2
  exit 1
fi

# Every local file index.html names: attribute values and quoted relative paths ending in
# an extension. Absolute URLs (http:, data:, //) are not files of the build.
mapfile -t refs < <(
  grep -oE "(href|src)=\"[^\"]+\"|['\"]\./[^'\"]+\.[A-Za-z0-9]+['\"]" "$index" \
    | sed -E "s/^(href|src)=//; s/^['\"]//; s/['\"]$//" \
    | grep -vE '^(https?:|data:|//|#|mailto:)' \
    | sed -E 's#^\./##; s#[?#].*$##' \
    | sort -u
)

files=("index.html")
for ref in "${refs[@]}"; do
  [[ -z "$ref" ]] && continue
  if [[ ! -f "$dist/$ref" ]]; then
    echo "size budget: index.html references $ref, which is not in $dist/" >&2
    exit 1
  fi
  files+=("$ref")
done

gz_size() { gzip -9 -n -c -- "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }

total_raw=0
total_gz=0
wasm_raw=0
wasm_gz=0
printf '%-48s %12s %12s\n' "file (first load of $dist/)" "raw bytes" "gzip -9"
printf '%-48s %12s %12s\n' "------------------------------------------------" "------------" "------------"
for f in "${files[@]}"; do
  raw=$(wc -c <"$dist/$f")
  gz=$(gz_size "$dist/$f")
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  if [[ "$f" == *.wasm ]]; then
    wasm_raw=$((wasm_raw + raw))
    wasm_gz=$((wasm_gz + gz))
  fi
  printf '%-48s %12d %12d\n' "$f" "$raw" "$gz"
done
printf '%-48s %12d %12d\n' "total (${#files[@]} files)" "$total_raw" "$total_gz"
echo
echo "wasm alone: $(kb "$wasm_raw") KB raw, $(kb "$wasm_gz") KB gzip"
echo "first load: $(kb "$total_raw") KB raw, $(kb "$total_gz") KB gzip" \
  "(budget $(kb "$budget_bytes") KB gzip)"

if ((wasm_raw == 0)); then
  echo "size budget: FAIL — index.html loads no .wasm file; is $dist/ a Trunk release build?" >&2
  exit 1
fi
if ((total_gz > budget_bytes)); then
  echo "size budget: FAIL — $total_gz bytes gzipped > $budget_bytes" >&2
  exit 1
fi
echo "size budget: ok"
