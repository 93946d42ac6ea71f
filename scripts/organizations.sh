#!/usr/bin/env bash
# The organization checks of reports/organizations.md (scripts/organizations_check.py says how
# each is scored): per-document organization sets on CoNLL-2003 valid (or the split given),
# and the junk count on PolNeAR dev. Needs ../shared/data; BIN picks the binary (default the
# release build), so an older build can be measured the same way.
#   bash scripts/organizations.sh [valid|train] [--errors]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-./target/release/newsmine}
data=../shared/data
split=${1:-valid}
if [ ! -d "$data/conll2003" ] || [ ! -d "$data/polnear/dev" ]; then
  echo "organizations: $data/conll2003 or $data/polnear/dev absent, nothing measured" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/organizations_check.py conll-docs "$data/conll2003/$split.txt" "$tmp/conll"
"$bin" extract "$tmp/conll/docs.jsonl" -o "$tmp/conll-out" --quiet
echo "CoNLL-2003 $split, per-document organizations: | documents | P (rows) | R (names) | F1 |"
python3 scripts/organizations_check.py score "$tmp/conll/gold.csv" "$tmp/conll-out" ${2:-}
"$bin" extract "$data/polnear/dev/text" -o "$tmp/polnear" --quiet
echo "PolNeAR dev organizations: | rows | function words | markup | fragments | persons |"
python3 scripts/organizations_check.py junk "$tmp/polnear"
