#!/usr/bin/env bash
# Installs newsmine under PREFIX (default ~/.local) so that it runs after the clone is deleted:
#   PREFIX/bin/newsmine                   the binary, its rpath rewritten to $ORIGIN/../lib/newsmine
#   PREFIX/lib/newsmine/                  libtorch's shared libraries (about 490 MB)
#   PREFIX/share/newsmine/models/ner      the model (about 45 MB), found beside the binary
# Usage: scripts/install.sh [PREFIX]
# It builds the release binary first (cargo build --release --locked), installing libtorch with
# scripts/setup.sh when LIBTORCH is not set. NEWSMINE_BIN=PATH installs that binary instead of
# building (the install test does so with the binary cargo just built).
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${1:-$HOME/.local}"

if [ -z "${LIBTORCH:-}" ]; then
  bash scripts/setup.sh
  LIBTORCH="$PWD/.libtorch"
fi
export LIBTORCH LIBTORCH_CXX11_ABI="${LIBTORCH_CXX11_ABI:-0}"
if [ -z "${NEWSMINE_BIN:-}" ]; then
  cargo build --release --locked
  NEWSMINE_BIN="${CARGO_TARGET_DIR:-target}/release/newsmine"
fi
command -v patchelf >/dev/null || { echo "install: patchelf is needed (scripts/setup.sh installs it)" >&2; exit 1; }

mkdir -p "$PREFIX/bin" "$PREFIX/lib/newsmine" "$PREFIX/share/newsmine/models"
# The libraries find each other through their own rpath, $ORIGIN (set by scripts/setup.sh).
cp -f "$LIBTORCH"/lib/*.so* "$PREFIX/lib/newsmine/"
rm -rf "$PREFIX/share/newsmine/models/ner"
cp -R models/ner "$PREFIX/share/newsmine/models/ner"
# Through a temporary file so that a running copy of an earlier install is not overwritten.
install -m 755 "$NEWSMINE_BIN" "$PREFIX/bin/.newsmine.tmp"
# build.rs embeds the clone's absolute libtorch folder; the installed copy looks beside itself only.
patchelf --set-rpath '$ORIGIN/../lib/newsmine' "$PREFIX/bin/.newsmine.tmp"
mv -f "$PREFIX/bin/.newsmine.tmp" "$PREFIX/bin/newsmine"
echo "install: newsmine installed in $PREFIX ($(du -sh "$PREFIX/lib/newsmine" | cut -f1) of libtorch); run $PREFIX/bin/newsmine" >&2
