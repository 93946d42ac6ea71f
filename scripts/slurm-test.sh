#!/usr/bin/env bash
# Runs the Slurm job scripts for real and checks them: starts a single-node Slurm cluster on this
# machine (scripts/slurm/local-cluster.sh), submits a 3-shard extract array and its merge job with
# scripts/slurm/submit.sh over seeds/ plus a few more documents, and compares every table of the
# merged output with a single `newsmine extract` of the same inputs, byte for byte.
#   bash scripts/slurm-test.sh        # tests/slurm.rs runs it
# Needs root; installs slurmctld, slurmd, slurm-client and munge with apt-get when they are
# missing. Exits 0 when the tables are equal, 1 on any difference or failed job, 77 (skipped,
# with the reason) when it cannot run here: not root, no Slurm and no apt-get, or a newsmine
# without `merge`.
# Environment: NEWSMINE (the binary; default the release build, else `newsmine` on PATH),
# NEWSMINE_MODEL (default models/ner), NEWSMINE_SLURM_TIMEOUT (seconds to wait for the jobs,
# default 600), NEWSMINE_SLURM_KEEP=1 (keep the temporary folder: cluster logs, both outputs).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
SKIP=77
skip() { echo "slurm-test: skipped: $*"; exit "$SKIP"; }
fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }
started=$(date +%s)

newsmine=${NEWSMINE:-${CARGO_TARGET_DIR:-target}/release/newsmine}
[ -x "$newsmine" ] || newsmine=$(command -v newsmine || true)
if [ -z "$newsmine" ] || ! [ -x "$newsmine" ]; then skip "no newsmine binary (build it, or set NEWSMINE=PATH)"; fi
newsmine=$(realpath "$newsmine")
# submit.sh hands the jobs this binary.
export NEWSMINE=$newsmine
"$newsmine" merge --help >/dev/null 2>&1 || skip "$newsmine has no \`merge\` command"
export NEWSMINE_MODEL=${NEWSMINE_MODEL:-$repo/models/ner}

[ "$(id -u)" = 0 ] || skip "not root (the daemons of the local cluster run as root)"
daemons=(munged mungekey slurmctld slurmd sbatch)
missing=()
for tool in "${daemons[@]}"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || skip "Slurm is not installed (no ${missing[*]}) and there is no apt-get"
  echo "slurm-test: installing slurmctld slurmd slurm-client munge" >&2
  packages=(slurmctld slurmd slurm-client munge)
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" ||
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"; }; } >&2 ||
    skip "apt-get could not install ${packages[*]}"
fi

work=$(mktemp -d /tmp/newsmine-slurm.XXXXXX)
cleanup() {
  local status=$?
  bash "$repo/scripts/slurm/local-cluster.sh" stop "$work/cluster" || true
  if [ "$status" != 0 ] && [ "$status" != "$SKIP" ]; then
    for log in "$work"/cluster/log/slurmctld.log "$work"/cluster/log/slurmd.log "$work"/out/logs/*; do
      [ -f "$log" ] && { echo "--- $log (last lines)"; tail -n 15 "$log"; }
    done >&2
  fi
  if [ "${NEWSMINE_SLURM_KEEP:-0}" = 1 ]; then echo "slurm-test: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# The inputs: the seeds, six short PolNeAR dev articles when ../shared has them (else three written
# here), and a JSONL file of records, so that documents from folders and from records are sharded.
# Its third record is broken: a `failed` row, so that the single run, its shard and the merge exit
# 3 (tables written, some documents failed) and the scripts must still carry the run through.
input=$work/input
mkdir -p "$input/seeds" "$input/more"
cp seeds/*.txt "$input/seeds/"
polnear=$repo/../shared/data/polnear/dev/text
if [ -d "$polnear" ]; then
  # The six shortest, to keep the run short.
  find "$polnear" -name '*.txt' -printf '%s %p\n' | sort -n | head -n 6 | cut -d' ' -f2- | xargs -I{} cp {} "$input/more/"
else
  cat >"$input/more/budget.txt" <<'EOF'
Council approves budget

The city council approved a budget of $4.2 million on Monday, Mayor Ann Lee said.
EOF
  cat >"$input/more/plant.txt" <<'EOF'
Plant to close

"We had no choice," said John Smith, a spokesman for Acme Corp., which employs 300 people.
EOF
  cat >"$input/more/rates.txt" <<'EOF'
Rates hold

The European Central Bank kept rates at 4%, its president Christine Lagarde told reporters.
EOF
fi
cat >"$input/more/records.jsonl" <<'EOF'
{"id": "wire-1", "title": "Strike ends", "text": "The union said on Friday that 1,200 workers would return to work after a deal with Northern Rail."}
{"id": "wire-2", "title": "Election", "text": "\"It was a fair vote,\" the observer, Maria Costa, told Reuters. Turnout was 61 percent."}
{"id": "wire-3", "text": "a record cut short
EOF
documents=$(find "$input" -name '*.txt' | wc -l)
echo "slurm-test: $documents text files and 3 records (one broken) in $input; newsmine is $newsmine"

echo "slurm-test: single run: newsmine extract $input -o $work/single --threads 2 --quiet"
status=0
"$newsmine" extract "$input" -o "$work/single" --threads 2 --quiet || status=$?
[ "$status" = 3 ] || fail "the single run exited with $status, not 3 (a document failed)"

eval "$(bash scripts/slurm/local-cluster.sh start "$work/cluster")"
echo "slurm-test: cluster up ($(sinfo -h -N -o '%N %T %c CPUs %m MB'), Slurm $(sinfo -V | cut -d' ' -f2))"

shards=3
# One document per part (newsmine's test hook; the tables do not change), so that task 0 has
# recorded some of its shard when it is requeued below.
export NEWSMINE_TEST_GROUP_SIZE=1
read -r array merge < <(bash scripts/slurm/submit.sh "$input" "$work/out" "$shards")
unset NEWSMINE_TEST_GROUP_SIZE
echo "slurm-test: submitted: scripts/slurm/submit.sh $input $work/out $shards -> array job $array, merge job $merge"

# A requeue, as after a node failure or a preemption: Slurm kills task 0 once it has recorded a
# document and queues it again; rerun with --resume, it must continue from what was recorded.
parts=$work/out/shard-0/.newsmine-work
deadline=$(($(date +%s) + 120))
until compgen -G "$parts/part-*" >/dev/null; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "task 0 recorded no document in 120 s"
  sleep 0.2
done
scontrol requeue "${array}_0"
echo "slurm-test: requeued task ${array}_0 after it recorded $(compgen -G "$parts/part-*" | wc -l) part(s)"

# Waits for the merge job; the tasks are checked as they finish, so a failed task fails the test at
# once (the merge job is then cancelled by --kill-on-invalid-dep). The merge job ends FAILED with
# newsmine's exit code 3, for the broken record.
job_field() { scontrol -o show job "$1" 2>/dev/null | tr ' ' '\n' | grep "^$2=" | cut -d= -f2- || true; }
deadline=$(($(date +%s) + ${NEWSMINE_SLURM_TIMEOUT:-600}))
while :; do
  for state in $(job_field "$array" JobState); do
    case $state in FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE)
      fail "a task of array job $array ended $state" ;;
    esac
  done
  state=$(job_field "$merge" JobState)
  case $state in
    COMPLETED | FAILED) break ;;
    PENDING | CONFIGURING | RUNNING | COMPLETING) ;;
    *) fail "merge job $merge ended ${state:-unknown}" ;;
  esac
  [ "$(date +%s)" -lt "$deadline" ] || fail "the jobs did not finish in ${NEWSMINE_SLURM_TIMEOUT:-600} s"
  sleep 2
done

code=$(job_field "$merge" ExitCode)
[ "$code" = 3:0 ] || fail "merge job $merge ended $state with exit code $code, not 3:0 (tables written, a document failed)"

echo "slurm-test: jobs (scontrol show job):"
for job in "$array" "$merge"; do
  scontrol -o show job "$job" | tr ' ' '\n' | grep -E '^(JobId|ArrayTaskId|JobName|JobState|ExitCode|RunTime)=' |
    paste -sd' ' | sed 's/ JobId=/\nJobId=/g'
done | sort -V | sed 's/^/  /'
echo "slurm-test: sacct --completion (jobcomp/filetxt; each array task is listed under its own job id):"
sacct --completion --format=JobID,JobName%18,State,ExitCode,Start,End,Elapsed 2>/dev/null | sed 's/^/  /'
for log in "$work"/out/logs/*; do echo "slurm-test: $(basename "$log"):"; sed 's/^/  /' "$log"; done
log0=$work/out/logs/extract-${array}_0.out
if ! grep -q 'restart 1' "$log0" || ! grep -q 'resumed' "$log0"; then
  fail "task 0 was not rerun with documents resumed ($log0)"
fi

echo "slurm-test: comparing $work/out/merged with the single run:"
different=0
for table in documents.csv quotes.csv attributions.csv entities.csv figures.csv speakers.csv organizations.csv manifest.json; do
  if cmp "$work/single/$table" "$work/out/merged/$table"; then
    echo "  $table: identical ($(wc -l <"$work/single/$table") lines, $(wc -c <"$work/single/$table") bytes)"
  else
    echo "  $table: DIFFERENT"
    different=1
  fi
done
for k in $(seq 0 $((shards - 1))); do
  echo "  shard-$k: $(($(wc -l <"$work/out/shard-$k/documents.csv") - 1)) documents"
done
[ "$different" = 0 ] || fail "the merged tables differ from the single run's"
echo "slurm-test: ok: the merged tables of $shards Slurm shards equal the single run's, in $(($(date +%s) - started)) s"
