#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs libtorch (scripts/setup.sh), checks the
# formatting (cargo fmt) and lints (clippy, warnings are errors), then runs every unit,
# integration, property and model-backed test in release mode, the training code included
# (feature `train`; the model tests use the committed model in models/ner). Tests that need
# ../shared/data skip, saying so, when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The HTML viewer's test loads the pages in a real browser (Debian's Chromium); it skips,
# saying so, where Chromium cannot be installed.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "test: chromium not installed" >&2
fi
cargo fmt --check
cargo clippy --release --locked --all-targets --features train -- -D warnings
cargo test --release --locked --features train "$@"
