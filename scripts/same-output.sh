#!/usr/bin/env bash
# Checks that a change meant only to make the engine faster leaves its output as it was:
# the `analyze` CLI's JSON at BASE (a commit; default: HEAD) and in the working tree,
# compared byte for byte on the seeds and on two synthetic corpora (1,000 articles of
# seed 42, as the benchmark's, and 300 of seed 7). The twentieth round of BENCHMARKS.md
# kept a change only when this held.
#
#   scripts/same-output.sh [BASE]
#
# Both builds use the bench profile (optimised, quick to link); BASE is built from a
# temporary worktree into target/same-output. Exits non-zero when any output differs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

base="${1:-HEAD}"
base_commit="$(git rev-parse --verify "$base^{commit}")"
out=target/same-output
mkdir -p "$out"

# The corpora: the seeds, and the synthetic ones made by the working tree's generator
# (the same input for both builds).
[ -f "$out/synth-42/corpus.toml" ] || scripts/make-synth-corpus.sh "$out/synth-42" 1000 42 >/dev/null
[ -f "$out/synth-7/corpus.toml" ] || scripts/make-synth-corpus.sh "$out/synth-7" 300 7 >/dev/null

build() { # SOURCE_DIR TARGET_DIR
  (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --quiet --offline --profile bench \
    -p parallax-engine --bin analyze)
}

src="$out/base-src"
git worktree remove --force "$src" 2>/dev/null || rm -rf "$src"
git worktree add --quiet --detach "$src" "$base_commit"
trap 'git worktree remove --force "$src" 2>/dev/null || true' EXIT
echo "building analyze at ${base_commit:0:7} and in the working tree"
build "$src" "$PWD/$out/target-base"
build . "$PWD/target/eng"

status=0
for corpus in seeds "$out/synth-42" "$out/synth-7"; do
  name="$(basename "$corpus")"
  "$out/target-base/release/analyze" "$corpus"/*.txt >"$out/$name.base.json"
  target/eng/release/analyze "$corpus"/*.txt >"$out/$name.new.json"
  n="$(find "$corpus" -maxdepth 1 -name '*.txt' | wc -l)"
  if cmp -s "$out/$name.base.json" "$out/$name.new.json"; then
    echo "$name ($n articles): identical"
  else
    echo "$name ($n articles): DIFFERENT (diff $out/$name.base.json $out/$name.new.json)"
    status=1
  fi
done
exit "$status"
