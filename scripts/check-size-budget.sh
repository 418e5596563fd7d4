#!/usr/bin/env bash
# The first-load size budget of issue #6: every file the first view of the release build
# loads, summed raw and gzip -9 compressed; fails when the gzip total exceeds the budget.
#
#   scripts/check-size-budget.sh [DIST_DIR]        (default: dist, after `trunk build --release`)
#
# The budget is 250 KB = 250,000 bytes (decimal kilobytes, the stricter reading), gzipped;
# PARALLAX_SIZE_BUDGET_BYTES overrides it. Deterministic: no browser, no network, so it runs
# in `make test` after the release build.
#
# The files are found by scripts/first-load.mjs as the browser finds them: index.html's
# `src` and `<link href>` references, then the references inside what those load — the
# loader script names the wasm-bindgen glue and the wasm, a style sheet its `url(…)`s — so
# a file the page starts loading is counted wherever it is named. The benchmark uses the
# same walk.
set -euo pipefail
exec node "$(dirname "${BASH_SOURCE[0]}")/first-load.mjs" --budget "${PARALLAX_SIZE_BUDGET_BYTES:-250000}" "${1:-dist}"
