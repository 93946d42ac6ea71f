#!/usr/bin/env bash
# Peak memory against corpus size: extracts N and 10×N short documents (paragraphs of the
# PolNeAR train texts, as JSONL records) with the default thread count and reports each run's
# peak RSS (/usr/bin/time -v) and wall time into reports/bench-memory.md.
# Usage: bash scripts/bench-memory.sh [N]   (default 200; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
src=../shared/data/polnear/train/text
[ -d "$src" ] || { echo "bench-memory: $src absent" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --locked
tmp=$(mktemp -d)
python3 - "$src" "$tmp" "$n" <<'PY'
import json, os, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
paras = []
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8").read()
    paras += [p.strip() for p in text.split("\n\n") if 200 <= len(p.strip()) <= 1000]
for k in (n, 10 * n):
    assert len(paras) >= k, f"only {len(paras)} paragraphs"
    with open(os.path.join(out, f"docs-{k}.jsonl"), "w", encoding="utf-8") as f:
        for i, p in enumerate(paras[:k]):
            f.write(json.dumps({"id": f"p{i:06d}", "text": p}) + "\n")
PY
{
  echo "| documents | characters | wall s | peak RSS (MiB) |"
  echo "|---:|---:|---:|---:|"
  for k in "$n" "$((10 * n))"; do
    /usr/bin/time -v ./target/release/newsmine extract "$tmp/docs-$k.jsonl" -o "$tmp/out-$k" --quiet 2> "$tmp/time-$k"
    chars=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text']) for l in open(sys.argv[1])))" "$tmp/docs-$k.jsonl")
    wall=$(grep 'Elapsed (wall' "$tmp/time-$k" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$tmp/time-$k" | awk '{print int($NF/1024)}')
    echo "| $k | $chars | $wall | $rss |"
  done
} > "$tmp/table.md"
{
  echo "# Peak memory against corpus size"
  echo
  echo "\`bash scripts/bench-memory.sh $n\` on $(nproc) cores, $(date -u +%Y-%m-%d): short documents (paragraphs of"
  echo "200–1,000 characters from PolNeAR train, JSONL), default threads. Documents are read when a worker"
  echo "takes them and their rows streamed to the tables chunk by chunk, so memory should not grow with"
  echo "the number of documents."
  echo
  cat "$tmp/table.md"
} > reports/bench-memory.md
cat reports/bench-memory.md
rm -rf "$tmp"
