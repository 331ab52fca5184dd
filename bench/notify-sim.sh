#!/usr/bin/env bash
# NOTIFY at scale, by simulation: N listening connections (one per replica) on one fresh PostgreSQL
# while a publisher sends NOTIFYs in transactions like the app's. See docs/operations.md (Scaling).
#
#   bench/notify-sim.sh
#   NOTIFY_LISTENERS=1,50,100,200 NOTIFY_RATES=100,500,1000 NOTIFY_SECONDS=10 NOTIFY_PUBLISHERS=4
#   NOTIFY_SALES=4 NOTIFY_PAYLOAD_BYTES=200 NOTIFY_QUICK=1 (2 s windows, N = 1,50,200, rates 100,1000)
# The simulation (publisher and all listeners) is pinned to one CPU; PostgreSQL floats.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
if [ "${NOTIFY_QUICK:-0}" = 1 ]; then
  export NOTIFY_LISTENERS=${NOTIFY_LISTENERS:-1,50,200} NOTIFY_RATES=${NOTIFY_RATES:-100,1000} NOTIFY_SECONDS=${NOTIFY_SECONDS:-2}
fi
PGPORT=${NOTIFY_PG_PORT:-55433}
WORK=$(mktemp -d /tmp/originlive-notify.XXXX)
chmod 777 "$WORK"
mkdir -p "$ROOT/bench/results"
RESULT="$ROOT/bench/results/notify-$(date -u +%Y%m%d-%H%M).md"
pin_setup
trap 'stop_pg "$WORK"; rm -rf "$WORK"' EXIT

./mvnw -q -f bench/pom.xml -DskipTests package
[ -n "$ON_GEN" ] && PINNING="Simulation (publisher and every listener) pinned to CPU $GEN_CPU with taskset, PostgreSQL floats over all $(nproc) CPUs"
echo "== PostgreSQL $($PGBIN/postgres --version | awk '{print $3}') on port $PGPORT; $PINNING"
start_pg "$WORK" "$PGPORT"
{
  echo "### NOTIFY simulation of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "PostgreSQL $($PGBIN/postgres --version | awk '{print $3}'), synchronous_commit=on; $PINNING (the simulation plays every listener, so its CPU is all replicas' receiving side together)."
  echo
} > "$RESULT"
NOTIFY_PG_PORT=$PGPORT NOTIFY_PG_PID=$(pg_pid "$WORK") NOTIFY_RESULTS_FILE="$WORK/table.md" \
  $ON_GEN java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" org.originlive.bench.NotifySim > /dev/null
cat "$WORK/table.md" >> "$RESULT"
echo "Machine: $(nproc) CPUs, $(uname -sr), $(java -version 2>&1 | head -1)." >> "$RESULT"
cp "$RESULT" "$ROOT/bench/results/notify-latest.md"
cat "$RESULT"
echo "written to $RESULT"
