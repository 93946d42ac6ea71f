#!/usr/bin/env bash
# Submits a sharded newsmine run to Slurm: an array job of N extract tasks (extract.sbatch) and a
# merge job (merge.sbatch) that starts only when every task succeeded (--dependency=afterok).
#   scripts/slurm/submit.sh INPUT OUT N [SBATCH_OPTION...]
# INPUT: a folder or file (as `newsmine extract` takes); OUT: a folder; both, and this folder, on
# storage every node sees. OUT gets shard-0 … shard-(N-1), logs/ and, at the end, merged/ with
# the seven tables. Options after N go to both sbatch calls (--partition=…, --account=…,
# --cpus-per-task=4, …; not --chdir).
# newsmine: NEWSMINE (a path) or the `newsmine` on PATH, resolved here and passed to the jobs.
# Prints the two job ids on stdout: "ARRAY_JOB_ID MERGE_JOB_ID"; what it did on stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 3 ] || ! [[ $3 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 INPUT OUT N [SBATCH_OPTION...]" >&2
  exit 2
fi
input=$1 out=$2 n=$3
shift 3
[ -e "$input" ] || { echo "submit: no input $input" >&2; exit 1; }
newsmine=$(command -v "${NEWSMINE:-newsmine}" || true)
[ -n "$newsmine" ] || { echo "submit: newsmine is not on PATH; install it (scripts/install.sh) or set NEWSMINE=PATH" >&2; exit 1; }
newsmine=$(realpath "$newsmine")
# The jobs start in this folder (sbatch's default), maybe on another node. INPUT is passed as
# given, so that documents.csv's source column reads as with `newsmine extract INPUT` run here.
mkdir -p "$out/logs"
out=$(realpath "$out")

array=$(sbatch --parsable "$@" --array="0-$((n - 1))" --export="ALL,NEWSMINE=$newsmine,NEWSMINE_SHARDS=$n" \
  --output="$out/logs/extract-%A_%a.out" "$here/extract.sbatch" "$out" "$input")
array=${array%%;*}
merge=$(sbatch --parsable "$@" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --export="ALL,NEWSMINE=$newsmine" --output="$out/logs/merge-%j.out" "$here/merge.sbatch" "$out" "$n")
merge=${merge%%;*}
echo "submit: extract array job $array (tasks 0-$((n - 1))), merge job $merge after it; tables in $out/merged, logs in $out/logs" >&2
echo "$array $merge"
