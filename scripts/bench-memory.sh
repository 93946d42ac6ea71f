#!/usr/bin/env bash
# Peak memory against corpus size, two ways, each N against 10×N documents with the default
# thread count, reporting each run's peak RSS (/usr/bin/time -v) and wall time into
# reports/bench-memory.md:
#   - short documents: N and 10×N paragraphs of the PolNeAR train texts, as JSONL records;
#   - news articles: PolNeAR train's first 84 articles against all 840, as text files.
# Usage: bash scripts/bench-memory.sh [N]   (default 200; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
src=../shared/data/polnear/train/text
[ -d "$src" ] || { echo "bench-memory: $src absent" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
# NEWSMINE_BIN=PATH measures that binary instead of building one.
bin=${NEWSMINE_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --locked
  bin=./target/release/newsmine
fi
tmp=$(mktemp -d)
python3 - "$src" "$tmp" "$n" <<'PY'
import json, os, shutil, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(os.listdir(src))
paras = []
for name in names:
    text = open(os.path.join(src, name), encoding="utf-8").read()
    paras += [p.strip() for p in text.split("\n\n") if 200 <= len(p.strip()) <= 1000]
for k in (n, 10 * n):
    assert len(paras) >= k, f"only {len(paras)} paragraphs"
    with open(os.path.join(out, f"docs-{k}.jsonl"), "w", encoding="utf-8") as f:
        for i, p in enumerate(paras[:k]):
            f.write(json.dumps({"id": f"p{i:06d}", "text": p}) + "\n")
assert len(names) >= 840, f"only {len(names)} PolNeAR train texts"
for k in (84, 840):
    os.makedirs(os.path.join(out, f"articles-{k}"))
    for name in names[:k]:
        shutil.copy(os.path.join(src, name), os.path.join(out, f"articles-{k}", name))
PY
# One table row: INPUT LABEL; characters counted by the run itself (documents.csv).
measure() {
  local input=$1 label=$2 out=$tmp/out-$2
  /usr/bin/time -v "$bin" extract "$input" -o "$out" --quiet 2> "$tmp/time-$label" || true
  local docs chars wall rss
  docs=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1]))))" "$out/documents.csv")
  chars=$(python3 -c "import csv,sys; print(sum(int(r['chars']) for r in csv.DictReader(open(sys.argv[1]))))" "$out/documents.csv")
  wall=$(grep 'Elapsed (wall' "$tmp/time-$label" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$tmp/time-$label" | awk '{print int($NF/1024)}')
  echo "| $docs | $chars | $wall | $rss |"
}
header="| documents | characters | wall (m:s) | peak RSS (MiB) |
|---:|---:|---:|---:|"
short=$(printf '%s\n%s\n%s\n' "$header" "$(measure "$tmp/docs-$n.jsonl" "short-$n")" "$(measure "$tmp/docs-$((10 * n)).jsonl" "short-$((10 * n))")")
articles=$(printf '%s\n%s\n%s\n' "$header" "$(measure "$tmp/articles-84" articles-84)" "$(measure "$tmp/articles-840" articles-840)")
ratio() { awk -F'|' 'NR>2 {r[NR]=$5} END {printf "%.2f", r[4]/r[3]}' <<<"$1"; }
{
  echo "# Peak memory against corpus size"
  echo
  echo "\`bash scripts/bench-memory.sh $n\` on $(nproc) cores, $(date -u +%Y-%m-%d), default threads, each run a"
  echo "fresh \`newsmine extract\` (model loading included; peak RSS and wall time from \`/usr/bin/time -v\`)."
  echo "Documents are read when a worker takes them; each group of 64 documents' rows is written to a part"
  echo "file of the work area and dropped, and the tables are built from the parts one at a time, so memory"
  echo "should not grow with the number of documents (target: 10× the documents, at most 1.15× the peak)."
  echo "The machine may be shared with other jobs: wall times are noisy, peak memory much less so."
  echo
  echo "News articles (PolNeAR train, text files: the first 84, then all 840), 10× the peak: $(ratio "$articles")×"
  echo
  echo "$articles"
  echo
  echo "Short documents (paragraphs of 200–1,000 characters from PolNeAR train, JSONL), 10× the peak: $(ratio "$short")×"
  echo
  echo "$short"
} > reports/bench-memory.md
cat reports/bench-memory.md
rm -rf "$tmp"
