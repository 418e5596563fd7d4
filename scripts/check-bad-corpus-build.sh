#!/usr/bin/env bash
# Checks, for real, that a bad corpus fails the app's build with a message naming the file
# and line at fault: bundles one folder of engine/testdata/bad_corpus/ (invalid UTF-8 by
# default) through build.rs, with `PARALLAX_SEEDS=<folder> cargo check -p parallax`.
#
# The loader's other cases are covered, quicker, by engine/tests/bad_corpus.rs; this one
# proves that build.rs really uses that loader and that cargo shows its message.
#
#   scripts/check-bad-corpus-build.sh [case-folder-name]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

case_name=${1:-invalid_utf8}
case_dir=engine/testdata/bad_corpus/$case_name
[ -f "$case_dir/case.toml" ] || { echo "no case $case_dir/case.toml" >&2; exit 2; }

# The file and line the case says the error names (see engine/tests/bad_corpus.rs).
field() { sed -n "s/^$1 = \"\{0,1\}\([^\"]*\)\"\{0,1\}$/\1/p" "$case_dir/case.toml" | head -n 1; }
file=$(field file)
line=$(field line)
expected="$case_dir/$file${line:+:$line}:"

log=$(mktemp "${TMPDIR:-/tmp}/parallax-bad-corpus.XXXXXX")
trap 'rm -f "$log"' EXIT

echo "bad corpus build: PARALLAX_SEEDS=$case_dir cargo check -p parallax (must fail)"
if PARALLAX_SEEDS="$case_dir" cargo check -p parallax --quiet >"$log" 2>&1; then
    echo "bad corpus build: FAILED: the build accepted $case_dir" >&2
    exit 1
fi
if ! grep -qF -- "$expected" "$log"; then
    echo "bad corpus build: FAILED: the build failed without naming $expected; it said:" >&2
    cat "$log" >&2
    exit 1
fi
echo "bad corpus build: ok, refused with: $(grep -F -- "$expected" "$log" | head -n 1 | sed 's/^ *//')"
