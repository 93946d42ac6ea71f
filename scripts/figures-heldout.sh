#!/usr/bin/env bash
# Prints the table of reports/figures-heldout.md: the figure rules on the hand-labelled check
# sets in corpus/figures-heldout/ (their sentences are read from ../shared/data). With
# --errors, every missed, wrong and spurious figure too.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--errors" ]; then export NEWSMINE_ERRORS=1; fi
cargo test --release --locked --test figures_heldout report_table -- --nocapture 2>/dev/null | grep -E '^(\||  )'
