#!/usr/bin/env bash
# Flash-sale benchmark, one run: the packaged app on its own core, the load generator on another,
# a fresh PostgreSQL floating over both; no-op throughput, checkout alone, checkout with V viewers,
# fan-out cost against a bare Vert.x baseline, pgbench's per-order minimum. See docs/benchmarks.md.
#
#   bench/run.sh                      # V = 0, 2000, 10000, 20000; 30 s windows
#   BENCH_QUICK=1 bench/run.sh        # smoke: V = 0, 2000; 5 s windows
#   BENCH_BUS=nats bench/run.sh       # the app on NATS: the machine's nats-server on a free port, pinned with the app
#
# Knobs (env): BENCH_VIEWERS=0,2000,10000,20000 BENCH_BUYERS=64 BENCH_SECONDS=30 BENCH_WARMUP_SECONDS=10
# BENCH_FANOUT_SECONDS=15 BENCH_SOURCE_ADDRESSES=32 BENCH_PROBE_INTERVAL_MS=50 BENCH_GEN_CPU=0
# BENCH_APP_CPU=1 BENCH_PIN=1 BENCH_APP_JAR=target/quarkus-app/quarkus-run.jar BENCH_APP_JAVA_OPTS=
# BENCH_PG_PORT=55432 BENCH_PORT=18080 BENCH_BASELINE_PORT=18090 BENCH_BUS=postgres|nats
# ORIGINLIVE_NATS_SERVER=/usr/sbin/nats-server.
# Needs the machine's PostgreSQL binaries (pgbench) and taskset: apt-get install postgresql util-linux
# (and nats-server for BENCH_BUS=nats).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  export BENCH_VIEWERS=${BENCH_VIEWERS:-0,2000} BENCH_SECONDS=${BENCH_SECONDS:-5}
  export BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-3} BENCH_FANOUT_SECONDS=${BENCH_FANOUT_SECONDS:-5}
fi
BUYERS=${BENCH_BUYERS:-64}
SECONDS_=${BENCH_SECONDS:-30}
PGPORT=${BENCH_PG_PORT:-55432}
APPPORT=${BENCH_PORT:-18080}
BASEPORT=${BENCH_BASELINE_PORT:-18090}
BUS=${BENCH_BUS:-postgres}
case "$BUS" in
  postgres) ;;
  nats)
    NATS_BIN=${ORIGINLIVE_NATS_SERVER:-/usr/sbin/nats-server}
    [ -x "$NATS_BIN" ] || { echo "no nats-server at $NATS_BIN (apt-get install nats-server)" >&2; exit 1; } ;;
  *) echo "BENCH_BUS is postgres or nats, not $BUS" >&2; exit 1 ;;
esac
WORK=$(mktemp -d /tmp/originlive-bench.XXXX)
chmod 777 "$WORK"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
STAMP=$(date -u +%Y%m%d-%H%M)
SUFFIX=""; [ "$BUS" = nats ] && SUFFIX=-nats
[ "${BENCH_QUICK:-0}" = 1 ] && SUFFIX=$SUFFIX-quick
RESULT="$RESULTS/run-$STAMP$SUFFIX.md"
pin_setup

cleanup() {
  for pid in ${APP_PID:-} ${BASE_PID:-} ${NATS_PID:-}; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  stop_pg "$WORK"
  [ "${BENCH_KEEP_WORK:-0}" = 1 ] && echo "work dir kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

APP_JAR=${BENCH_APP_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$APP_JAR" ] || ./mvnw -q -DskipTests package
./mvnw -q -f bench/pom.xml -DskipTests package
BENCH_CP="bench/target/classes:bench/target/lib/*"

# 20,000 viewers are 20,000 sockets in the app and as many in the generator.
ulimit -Hn 1048576 2>/dev/null || true
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "== $PINNING; open files: $(ulimit -n)"

echo "== PostgreSQL $($PGBIN/postgres --version | awk '{print $3}') on port $PGPORT"
start_pg "$WORK" "$PGPORT"

if [ "$BUS" = nats ]; then
  NATS_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "== nats-server $("$NATS_BIN" --version | awk '{print $2}') on port $NATS_PORT"
  # A server process like the app: on the app's CPU.
  $ON_APP "$NATS_BIN" -a 127.0.0.1 -p "$NATS_PORT" > "$WORK/nats.log" 2>&1 < /dev/null &
  NATS_PID=$!
  export ORIGINLIVE_NATS_URL=nats://127.0.0.1:$NATS_PORT
fi

echo "== app on port $APPPORT"
# Load tests connect from one address: the per-address limits must be off. One replica: start-up
# keys are fine (prod refuses to start without keys unless told so).
QUARKUS_HTTP_PORT=$APPPORT \
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://localhost:$PGPORT/postgres \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PGPORT/postgres \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
ORIGINLIVE_ADMIN_EMAIL=admin@bench.originlive.org ORIGINLIVE_ADMIN_PASSWORD=bench-admin-password \
ORIGINLIVE_AUTH_BCRYPT_COST=4 ORIGINLIVE_AUTH_TOKEN_LIFETIME=2h \
ORIGINLIVE_RATE_LIMIT_ENABLED=false ORIGINLIVE_JWT_EPHEMERAL_KEYS=true \
ORIGINLIVE_BUS=$BUS \
  $ON_APP java ${BENCH_APP_JAVA_OPTS:-} -jar "$APP_JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!

echo "== baseline (bare Vert.x WebSocket server) on port $BASEPORT"
BENCH_BASELINE_PORT=$BASEPORT $ON_APP java -Xmx512m -cp "$BENCH_CP" org.originlive.bench.BaselineServer \
  > "$WORK/baseline.log" 2>&1 &
BASE_PID=$!

for i in $(seq 1 120); do curl -sf localhost:$APPPORT/q/health/ready >/dev/null && break; sleep 1; done
curl -sf localhost:$APPPORT/q/health/ready >/dev/null || { echo "app did not start:"; tail -50 "$WORK/app.log"; exit 1; }
# Readiness leaves the bus out (losing it stops no sale); the run waits until the app hears it.
for i in $(seq 1 30); do curl -sf localhost:$APPPORT/q/health/well >/dev/null && break; sleep 1; done
curl -sf localhost:$APPPORT/q/health/well >/dev/null || { echo "app does not hear its bus ($BUS):"; tail -50 "$WORK/app.log"; exit 1; }

echo "== load generator: $BUYERS buyers, viewers ${BENCH_VIEWERS:-0,2000,10000,20000}, bus $BUS"
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / hz}' "/proc/$1/stat"; }
[ -n "${NATS_PID:-}" ] && NATS_CPU0=$(cpu_seconds "$NATS_PID")
GEN_T0=$(date +%s.%N)
BENCH_PORT=$APPPORT BENCH_BASELINE_PORT=$BASEPORT BENCH_APP_PID=$APP_PID BENCH_BASELINE_PID=$BASE_PID \
BENCH_PINNING="$PINNING" BENCH_RESULTS_FILE="$RESULT" BENCH_MAX_OPEN_FILES=$(ulimit -n) \
  $ON_GEN java -Xmx2g -cp "$BENCH_CP" org.originlive.bench.FlashSaleBench
if [ -n "${NATS_PID:-}" ]; then
  NATS_CPU=$(awk -v a="$NATS_CPU0" -v b="$(cpu_seconds "$NATS_PID")" 'BEGIN {printf "%.2f", b - a}')
  NATS_WALL=$(awk -v a="$GEN_T0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}')
  BUS_LINE="Bus: **nats** (nats-server $("$NATS_BIN" --version | awk '{print $2}'), on the app's CPU): $NATS_CPU CPU-seconds over the load generator's $NATS_WALL s ($(awk -v c="$NATS_CPU" -v w="$NATS_WALL" 'BEGIN {printf "%.1f", 100 * c / w}')% of a core)."
else
  BUS_LINE="Bus: **postgres** (LISTEN/NOTIFY)."
fi

SALE_ID=$(grep -o 'Sale `[0-9a-f-]*`' "$RESULT" | tr -d '`' | awk '{print $2}')
DB_ORDERS=$("$PGBIN/psql" -h localhost -p $PGPORT -U postgres -Atc "select count(*) from customer_order where sale_id = '$SALE_ID'")
DB_SOLD=$("$PGBIN/psql" -h localhost -p $PGPORT -U postgres -Atc "select quantity - remaining from sale_item where sale_id = '$SALE_ID'")
CONFIRMED=$(grep -o '[0-9]* orders confirmed' "$RESULT" | awk '{print $1}')

echo "== pgbench: per-order minimum (one conditional decrement + one insert per transaction), $BUYERS clients"
"$PGBIN/psql" -q -h localhost -p $PGPORT -U postgres <<SQL
create table bench_item (id int primary key, remaining bigint not null check (remaining >= 0));
insert into bench_item values (1, 100000000);
create table bench_order (id bigserial primary key, item int not null, quantity int not null, created_at timestamptz not null default now());
SQL
cat > "$WORK/order.sql" <<'SQL'
BEGIN;
UPDATE bench_item SET remaining = remaining - 1 WHERE id = 1 AND remaining >= 1;
INSERT INTO bench_order (item, quantity) VALUES (1, 1);
END;
SQL
PGB=$($ON_GEN "$PGBIN/pgbench" -n -h localhost -p $PGPORT -U postgres -c "$BUYERS" -j 1 -T "$SECONDS_" -f "$WORK/order.sql" postgres 2>&1)
PG_TPS=$(echo "$PGB" | awk '/^tps/ {print int($3); exit}')
PG_LAT=$(echo "$PGB" | awk '/latency average/ {print $4}')
{
  echo
  echo "$BUS_LINE"
  echo "Stock accounting: $CONFIRMED orders confirmed (201) / $DB_SOLD units the sale lost / $DB_ORDERS orders in the database — exact: $([ "$CONFIRMED" = "$DB_SOLD" ] && [ "$DB_SOLD" = "$DB_ORDERS" ] && echo yes || echo NO)."
  echo "pgbench per-order minimum, $BUYERS clients, same PostgreSQL: **$PG_TPS tx/s** (avg latency $PG_LAT ms)."
  echo "Machine: $(nproc) CPUs ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -1)."
} >> "$RESULT"
cp "$RESULT" "$RESULTS/latest.md"
echo
cat "$RESULT"
echo "written to $RESULT"
