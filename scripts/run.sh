#!/usr/bin/env bash
# The main job on a fresh machine: installs libtorch (scripts/setup.sh), builds, and runs
# `newsmine extract` over seeds/ into output/. Extra arguments go to `newsmine extract`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --locked
./target/release/newsmine extract "$@"
