#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs libtorch (scripts/setup.sh), then runs
# every unit, integration, property and model-backed test in release mode (the model tests
# use the committed model in models/ner). Tests that need ../shared/data skip when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo test --release --locked "$@"
