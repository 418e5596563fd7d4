#!/usr/bin/env bash
# Prints the summary lines of the test runners that `make test` ran, from their logs:
# cargo test's totals over every test binary, the bad-corpus build check, and
# Playwright's own closing lines.
#
#   scripts/test-summary.sh LOG_DIR
set -euo pipefail

logs=${1:?usage: test-summary.sh LOG_DIR}

echo
echo "== summary"
if [ -f "$logs/cargo-test.log" ]; then
    awk '/^test result: / {
            n_suites++
            for (i = 1; i <= NF; i++) {
                if ($(i + 1) ~ /^passed/) n_passed += $i
                if ($(i + 1) ~ /^failed/) n_failed += $i
                if ($(i + 1) ~ /^ignored/) n_ignored += $i
            }
         }
         END {
            printf "cargo test:  %d passed; %d failed; %d ignored (%d test binaries and doc-test runs)\n",
                n_passed, n_failed, n_ignored, n_suites
         }' "$logs/cargo-test.log"
fi
if [ -f "$logs/bad-corpus.log" ]; then
    printf 'bad corpus:  %s\n' "$(tail -n 1 "$logs/bad-corpus.log" | sed 's/^bad corpus build: //')"
fi
if [ -f "$logs/e2e.log" ]; then
    grep -E '^ +[0-9]+ (passed|failed|flaky|skipped|did not run|interrupted)' "$logs/e2e.log" \
        | sed 's/^ */playwright:  /'
fi
