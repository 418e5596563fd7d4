#!/usr/bin/env bash
# The benchmark's synthetic corpus (issue #6 "Scale"): N articles (default 1,000)
# recombined deterministically from seeds/ by the engine's own generator
# (parallax_engine::synth, the one the criterion bench uses), written as a normal corpus
# folder — article files, corpus.toml, a copy of actors.toml — that the app bundles with
#   PARALLAX_SEEDS=target/synth-corpus trunk build --release --offline --dist target/dist-synth
#
#   scripts/make-synth-corpus.sh [OUT_DIR] [N_ARTICLES] [SEED]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out="${1:-target/synth-corpus}"
n="${2:-1000}"
seed="${3:-42}"
cargo run --quiet --release --offline -p parallax-engine --example synth_corpus -- \
  seeds "$out" "$n" "$seed"
