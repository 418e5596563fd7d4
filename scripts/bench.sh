#!/usr/bin/env bash
# `make bench`: Parallax's benchmark (issue #6), every figure of BENCHMARKS.md in one run.
#
#   scripts/bench.sh [--quick] [options of tests/bench/bench.mjs]
#
# 1. installs the benchmark's own npm packages (Lighthouse, pinned in
#    tests/bench/package-lock.json) when missing — here only, never in `make test`;
# 2. builds the 1,000-article synthetic corpus (scripts/make-synth-corpus.sh) and the app
#    over it through the normal seeds path, into target/dist-synth/;
# 3. builds the release site of the five seeds into dist/ and prints its first-load sizes
#    (scripts/check-size-budget.sh);
# 4. runs the criterion benchmark of the engine (10 → 1,000 articles), log in
#    target/bench/criterion.log;
# 5. runs tests/bench/bench.mjs: headless Chromium against both builds and a generated
#    static page, on loopback, several runs, then Lighthouse; the report goes to stdout,
#    target/bench/latest.md and target/bench/latest.json.
#
# `--quick` skips the criterion run (reusing its last log) and runs fewer browser runs;
# other options go to bench.mjs (`--runs 9`, `--no-lighthouse`, …). Expect 10–20 minutes on
# two cores, most of it in the two release builds and criterion.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

quick=0
args=()
for arg in "$@"; do
  if [[ "$arg" == --quick ]]; then quick=1; else args+=("$arg"); fi
done
if ((quick)); then args=(--runs 3 --synth-runs 2 --lighthouse-runs 1 "${args[@]}"); fi

step() { printf '\n== %s\n' "$*"; }
out=target/bench
mkdir -p "$out"

for tool in trunk wasm-bindgen node npm; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run \`make setup\` first" >&2; exit 1; }
done
[[ -x "$CHROME_PATH" ]] || { echo "bench: no Chromium at $CHROME_PATH; run \`make setup\` first" >&2; exit 1; }
[[ -d tests/e2e/node_modules/playwright-core ]] || { echo "bench: tests/e2e has no node_modules; run \`make setup\`" >&2; exit 1; }

# npm ci only when the lock file changed since the last install (npm writes its own copy
# of the lock into node_modules/.package-lock.json).
if [[ ! -f tests/bench/node_modules/.package-lock.json \
  || tests/bench/package-lock.json -nt tests/bench/node_modules/.package-lock.json ]]; then
  step "npm ci in tests/bench (Lighthouse, pinned)"
  (cd tests/bench && npm ci --no-audit --no-fund --loglevel=error)
fi

step "synthetic corpus: 1,000 articles from seeds/ (target/synth-corpus)"
scripts/make-synth-corpus.sh target/synth-corpus 1000 42

step "release build over the synthetic corpus (target/dist-synth)"
PARALLAX_SEEDS=target/synth-corpus trunk build --release --offline --dist target/dist-synth

# The seeds' build last, so that the crate state left behind is the normal one.
step "release build of the seeds (dist)"
trunk build --release --offline

step "first-load sizes (dist)"
scripts/check-size-budget.sh dist || true

if ((quick)) && [[ -s "$out/criterion.log" ]]; then
  step "criterion: skipped (--quick), reusing $out/criterion.log"
else
  step "criterion: native engine throughput, 5 seeds and 10 → 1,000 synthetic articles"
  cargo bench --offline -p parallax-engine --bench engine 2>&1 | tee "$out/criterion.log"
fi

step "browser measures and Lighthouse (headless Chromium, loopback)"
node tests/bench/bench.mjs "${args[@]}"
