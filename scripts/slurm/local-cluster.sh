#!/usr/bin/env bash
# A throw-away single-node Slurm cluster on this machine, everything under one folder, to try the
# job scripts in scripts/slurm/ without a real cluster (scripts/slurm-test.sh uses it).
#   scripts/slurm/local-cluster.sh start DIR   # prints `export SLURM_CONF=DIR/slurm.conf`
#   scripts/slurm/local-cluster.sh stop DIR
# Needs root and the Debian packages slurmctld, slurmd, slurm-client and munge. munged,
# slurmctld and slurmd run as root with their own key, socket, free TCP ports, state, spool and
# logs in DIR, so nothing in /etc or a system-wide daemon is used or changed. No cgroups
# (ProctrackType=proctrack/linuxproc, TaskPlugin=task/none): containers rarely allow them.
# A requeued job waits cred_expire seconds before it starts again (120 by default) and the
# scheduler looks at pending jobs every sched_interval (60): both short here, so that a requeue
# takes half a minute. Accounting has no database (slurmdbd): finished jobs are written by
# jobcomp/filetxt, which `sacct --completion` reads.
set -euo pipefail

die() { echo "local-cluster: $*" >&2; exit 1; }

# A TCP port nobody listens on, from a range away from the common services.
free_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 20000))
    if ! ss -Htan "sport = :$port" | grep -q .; then echo "$port"; return; fi
  done
  die "no free TCP port found"
}

start() {
  local dir=$1
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  for tool in munged mungekey slurmctld slurmd sinfo ss; do
    command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install slurmctld slurmd slurm-client munge)"
  done
  [ "$(id -u)" = 0 ] || die "the daemons run as root here; run as root"
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
  chmod 700 "$dir/munge"

  mungekey --create --keyfile="$dir/munge/munge.key"
  # --force: munged refuses to run as root without it.
  munged --force --socket="$dir/munge/socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/seed"
  munge -n -S "$dir/munge/socket" | unmunge -S "$dir/munge/socket" >/dev/null ||
    die "munge does not decode its own credential (see $dir/log/munged.log)"

  # The node as slurmd sees it (CPUs, sockets, memory), so that it is not drained for a mismatch.
  local host node
  host=$(hostname -s)
  node=$(slurmd -C | head -1 | sed "s/^NodeName=[^ ]*/NodeName=$host NodeAddr=127.0.0.1/")
  cat >"$dir/slurm.conf" <<EOF
ClusterName=localtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/socket,cred_expire=30
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
PlugStackConfig=$dir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.log
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=3600
SchedulerParameters=sched_interval=5
$node State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  : >"$dir/plugstack.conf"
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF"
  slurmd -f "$SLURM_CONF"

  # Idle once slurmd has registered with slurmctld.
  local state=""
  for _ in $(seq 60); do
    state=$(sinfo -h -N -o %T 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && break
    sleep 1
  done
  [ "$state" = idle ] || { tail -20 "$dir"/log/slurm*.log >&2; die "the node is '$state', not idle, after 60 s"; }
  echo "export SLURM_CONF=$SLURM_CONF"
}

# Cancels the cluster's jobs, then stops what start left running, by the ids in its pid files.
stop() {
  local dir=$1 file pid
  if [ -s "$dir/slurmctld.pid" ] && kill -0 "$(cat "$dir/slurmctld.pid")" 2>/dev/null; then
    export SLURM_CONF="$dir/slurm.conf"
    scancel --user="$(id -un)" 2>/dev/null || true
    for _ in $(seq 30); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  for file in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -s "$file" ] || continue
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

case "${1:-}" in
  start) [ $# = 2 ] || die "usage: $0 start DIR"; start "$2" ;;
  stop) [ $# = 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
