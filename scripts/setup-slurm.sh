#!/usr/bin/env bash
# Install and start a single-node Slurm cluster on this machine (Debian/Ubuntu).
#
#   sudo bash scripts/setup-slurm.sh            # install (if needed), configure, start, wait
#   SLURM_SETUP_TIMEOUT=120 bash scripts/setup-slurm.sh
#
# Used by .ci/run before the real-Slurm integration test of `runner slurm`
# (packages/runner/src/scale-out/slurm.integration.test.ts) and handy on a laptop.
#
# Idempotent: packages already installed are not reinstalled; the munge key is kept;
# daemons already running with the same slurm.conf are left alone; a changed
# slurm.conf, or a daemon that is not running, restarts the daemons cleanly.
# Works without systemd (containers, CI sandboxes): daemons are started directly.
set -euo pipefail

TIMEOUT="${SLURM_SETUP_TIMEOUT:-90}"
CONF_DIR=/etc/slurm
CONF="$CONF_DIR/slurm.conf"
LOG_DIR=/var/log/slurm
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid

say() { printf 'setup-slurm: %s\n' "$*"; }
die() {
  printf 'setup-slurm: ERROR: %s\n' "$*" >&2
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo --preserve-env=SLURM_SETUP_TIMEOUT bash "$0" "$@"
  fi
  die "must run as root (or with sudo available)"
fi

# --- 1. packages --------------------------------------------------------------
need_install=0
for bin in slurmctld slurmd sbatch squeue sinfo scancel munged; do
  command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || need_install=1
done
if [ "$need_install" -eq 1 ]; then
  say "installing slurm-wlm and munge from apt"
  export DEBIAN_FRONTEND=noninteractive
  # Keep package scripts from trying to start services (no init system here);
  # this script starts the daemons itself.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=1
  fi
  # Another apt-get may hold the locks (CI images, parallel setup): wait for it.
  apt_get() { apt-get -o DPkg::Lock::Timeout=600 "$@"; }
  apt_get update -qq || { sleep 10; apt_get update -qq; }
  apt_get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
  if [ "$created_policy" -eq 1 ]; then rm -f "$policy"; fi
else
  say "slurm and munge already installed"
fi
export PATH="$PATH:/usr/sbin:/sbin"

# --- 2. munge -----------------------------------------------------------------
id munge >/dev/null 2>&1 || die "user 'munge' missing; the munge package did not install correctly"
install -d -o munge -g munge -m 700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  say "creating a random /etc/munge/munge.key"
  umask 077
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 400 /etc/munge/munge.key

munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
if ! munge_ok; then
  say "starting munged as user munge"
  # A stale socket or pid file from a dead munged would stop a new one.
  if [ -f /run/munge/munged.pid ] && ! kill -0 "$(cat /run/munge/munged.pid)" 2>/dev/null; then
    rm -f /run/munge/munged.pid /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock
  fi
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 1 20); do
    munge_ok && break
    sleep 0.5
  done
  munge_ok || die "munged did not start (see /var/log/munge/munged.log)"
fi
say "munge works"

# --- 3. slurm.conf ------------------------------------------------------------
HOST="$(hostname -s)"
CPUS="$(nproc)"
install -d -m 755 "$CONF_DIR" "$LOG_DIR" /var/spool/slurmctld /var/spool/slurmd
new_conf="$(mktemp)"
trap 'rm -f "$new_conf"' EXIT
cat >"$new_conf" <<EOF
# Single-node cluster written by scripts/setup-slurm.sh; re-run it to regenerate.
ClusterName=ansatz
SlurmctldHost=${HOST}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=${CTLD_PID}
SlurmdPidFile=${SLURMD_PID}
SlurmctldLogFile=${LOG_DIR}/slurmctld.log
SlurmdLogFile=${LOG_DIR}/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=60
InactiveLimit=0
MinJobAge=300
KillWait=10
Waittime=0
MaxArraySize=10001
NodeName=${HOST} NodeAddr=127.0.0.1 CPUs=${CPUS} State=UNKNOWN
PartitionName=debug Nodes=${HOST} Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_daemon() { # pidfile name
  if running "$1"; then
    local pid
    pid="$(cat "$1")"
    say "stopping $2 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

restart=0
if ! cmp -s "$new_conf" "$CONF"; then
  say "writing $CONF (node ${HOST}, ${CPUS} CPUs)"
  install -m 644 "$new_conf" "$CONF"
  restart=1
fi
if ! running "$CTLD_PID" || ! running "$SLURMD_PID"; then restart=1; fi

# --- 4. daemons ---------------------------------------------------------------
if [ "$restart" -eq 1 ]; then
  stop_daemon "$SLURMD_PID" slurmd
  stop_daemon "$CTLD_PID" slurmctld
  say "starting slurmctld and slurmd"
  slurmctld || die "slurmctld failed to start (see $LOG_DIR/slurmctld.log)"
  slurmd || die "slurmd failed to start (see $LOG_DIR/slurmd.log)"
else
  say "slurmctld and slurmd already running with this configuration"
fi

# --- 5. wait for the node ---------------------------------------------------------
deadline=$((SECONDS + TIMEOUT))
state=""
while [ "$SECONDS" -lt "$deadline" ]; do
  state="$(sinfo -h -n "$HOST" -o '%T' 2>/dev/null | head -n1 || true)"
  case "$state" in
  idle | mixed | allocated | completing) break ;;
  down* | drain* | fail*)
    # Left over from an earlier run of the daemons; bring it back.
    scontrol update NodeName="$HOST" State=RESUME >/dev/null 2>&1 || true
    ;;
  esac
  sleep 1
done
case "$state" in
idle | mixed | allocated | completing) ;;
*)
  tail -n 20 "$LOG_DIR/slurmctld.log" "$LOG_DIR/slurmd.log" >&2 2>/dev/null || true
  die "node ${HOST} not ready after ${TIMEOUT}s (sinfo state: '${state:-no answer}'); logs above"
  ;;
esac
say "ready: node ${HOST} is ${state} with ${CPUS} CPUs ($(sinfo --version))"
