#!/usr/bin/env bash
# Regenerates every committed score in reports/: the seed gold (output/ is refreshed too),
# CoNLL-2003 valid (NER) and PolNeAR dev (attributions, and speaker identity: speakers-dev.md).
# Needs ../shared/data for the last two; skips them with a note when it is absent. The speed
# report, reports/bench.md, is made by scripts/bench-anchor.sh (side by side with spaCy + textacy,
# installed from PyPI; ~15 min).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --locked
bin=./target/release/newsmine
data=../shared/data
mkdir -p reports

$bin extract seeds -o output --quiet
$bin eval --gold corpus/gold --pred output --report reports/seeds.md > /dev/null

if [ -d "$data/conll2003" ]; then
  $bin eval --gold "$data/conll2003/valid.txt" --gold-format conll --report reports/conll-valid.md > /dev/null
else
  echo "evaluate: $data/conll2003 absent, CoNLL report not regenerated" >&2
fi

if [ -d "$data/polnear/dev" ]; then
  tmp=$(mktemp -d)
  $bin extract "$data/polnear/dev/text" -o "$tmp" --quiet
  $bin eval --gold "$data/polnear/dev" --pred "$tmp" --gold-format brat --report reports/polnear-dev.md > /dev/null
  $bin eval --gold "$data/polnear/dev" --pred "$tmp" --gold-format brat --speakers --report reports/speakers-dev.md > /dev/null
  rm -rf "$tmp"
else
  echo "evaluate: $data/polnear absent, PolNeAR report not regenerated" >&2
fi
echo "evaluate: reports/ regenerated" >&2
