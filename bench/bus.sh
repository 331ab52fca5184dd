#!/usr/bin/env bash
# Bus fan-out, one run (issue 26): 200 simulated replicas (subscriber connections in 4 processes) on
# the machine's nats-server and on a fresh PostgreSQL's LISTEN/NOTIFY, side by side; a publisher at
# fixed rates; publish→deliver p50/p99/max, gaps, duplicates, server CPU per delivery. Prints one
# table and writes it to bench/results/bus-<time>.md (and bus-latest.md). See docs/benchmarks.md (Bus).
#
# Usage:
#   bench/bus.sh                     # the full run, ~6 min: NATS at 100, 1000 and 5000 events/s, and 1000 sent in
#                                    # 5 and 20 ms rounds; NOTIFY at 25, 50, 100, 200, 300, 400 up to the first rate
#                                    # it falls behind at; 20 s measured per row after 5 s at the rate
#   BUS_QUICK=1 bench/bus.sh         # smoke, ~2 min: 5 s rows after 3 s, NATS 100, 1000 and 5000, NOTIFY 50, 100,
#                                    # 200, 400 (stops at the first it falls behind at)
#   BUS_BUSES=nats bench/bus.sh      # one bus only (nats or postgres)
# Run it on a quiet machine: the table's "other processes" column shows what else ran.
#
# Knobs (env): BUS_REPLICAS=200 BUS_PROCESSES=4 BUS_SALES=10 BUS_SECONDS=20 BUS_WARMUP_SECONDS=5
# BUS_GRACE_SECONDS=2 BUS_NATS_RATES=100,1000,5000,1000/5,1000/20 ("/5": published in 5 ms rounds, as the relay batches)
# BUS_NOTIFY_RATES=25,50,100,200,300,400 BUS_NATS_CLIENT=wire (or jnats: the replicas read with jnats, as the app does)
# BUS_NOTIFY_PUBLISHERS=4 BUS_BUSES=nats,postgres BUS_REPLICA_JVM="-Xmx256m -XX:+UseSerialGC"
# BENCH_PIN=0: nothing pinned by default (200 replicas' receiving side needs more than the one core pinning
# would leave it); BENCH_PIN=1 BENCH_GEN_CPU=0 BENCH_APP_CPU=1 pins the servers to one CPU, every client to the other.
# ORIGINLIVE_NATS_SERVER=/usr/sbin/nats-server. Needs: apt-get install nats-server postgresql util-linux.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
if [ "${BUS_QUICK:-0}" = 1 ]; then
  export BUS_SECONDS=${BUS_SECONDS:-5} BUS_WARMUP_SECONDS=${BUS_WARMUP_SECONDS:-3}
  export BUS_NATS_RATES=${BUS_NATS_RATES:-100,1000,5000} BUS_NOTIFY_RATES=${BUS_NOTIFY_RATES:-50,100,200,400}
fi
NATS_BIN=${ORIGINLIVE_NATS_SERVER:-/usr/sbin/nats-server}
[ -x "$NATS_BIN" ] || { echo "no nats-server at $NATS_BIN (apt-get install nats-server)" >&2; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
NATS_PORT=$(free_port)
NATS_MONITOR=$(free_port)
PGPORT=$(free_port)
WORK=$(mktemp -d /tmp/originlive-bus.XXXX)
chmod 777 "$WORK"
mkdir -p "$ROOT/bench/results"
SUFFIX=""; [ "${BUS_QUICK:-0}" = 1 ] && SUFFIX=-quick
RESULT="$ROOT/bench/results/bus-$(date -u +%Y%m%d-%H%M)$SUFFIX.md"
BENCH_PIN=${BENCH_PIN:-0} pin_setup
if [ -n "$ON_APP" ]; then
  PINNING="nats-server and PostgreSQL (postmaster and every backend) pinned to CPU $APP_CPU, the publisher and every replica process to CPU $GEN_CPU with taskset"
else
  PINNING="No CPU pinning: nats-server, PostgreSQL, the publisher and the replica processes share all $(nproc) CPUs"
fi

# The bench JVM ends its replica processes (a shutdown hook; they also quit when its pipe closes).
cleanup() {
  for pid in ${BENCH_PID:-} ${NATS_PID:-}; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  stop_pg "$WORK"
  [ "${BENCH_KEEP_WORK:-0}" = 1 ] && echo "work dir kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

./mvnw -q -f bench/pom.xml -DskipTests package
echo "== $PINNING"

echo "== nats-server $("$NATS_BIN" --version | awk '{print $2}') on port $NATS_PORT (monitor $NATS_MONITOR)"
$ON_APP "$NATS_BIN" -a 127.0.0.1 -p "$NATS_PORT" -m "$NATS_MONITOR" > "$WORK/nats.log" 2>&1 < /dev/null &
NATS_PID=$!

echo "== PostgreSQL $($PGBIN/postgres --version | awk '{print $3}') on port $PGPORT"
start_pg "$WORK" "$PGPORT"
PG_PID=$(pg_pid "$WORK")
if [ -n "$ON_APP" ]; then
  # Backends are forked by the postmaster and inherit its CPU; its helpers already run.
  for pid in $PG_PID $(pgrep -P "$PG_PID"); do taskset -a -p -c "$APP_CPU" "$pid" > /dev/null; done
fi
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT") 2>/dev/null && break; sleep 0.1; done

BUS_NATS_URL="nats://127.0.0.1:$NATS_PORT" BUS_NATS_PID=$NATS_PID BUS_NATS_MONITOR="http://127.0.0.1:$NATS_MONITOR/varz" \
BUS_PG_PORT=$PGPORT BUS_PG_PID=$PG_PID BUS_WORK="$WORK" BUS_RESULTS_FILE="$WORK/table.md" \
  $ON_GEN java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" org.originlive.bench.BusBench > /dev/null &
# In the background so that a signal reaches the trap now, not when the bench is done.
BENCH_PID=$!
wait "$BENCH_PID"
BENCH_PID=""

{
  cat "$WORK/table.md"
  echo
  echo "$PINNING. nats-server $("$NATS_BIN" --version | awk '{print $2}'), PostgreSQL $($PGBIN/postgres --version | awk '{print $3}') (synchronous_commit=on)."
  echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$RESULT"
cp "$RESULT" "$ROOT/bench/results/bus-latest.md"
cat "$RESULT"
echo "written to $RESULT"
