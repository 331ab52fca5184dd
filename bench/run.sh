#!/usr/bin/env bash
# Flash-sale benchmark: the packaged app and pgbench on one fresh PostgreSQL, in one run.
# Usage: bench/run.sh   (env: BENCH_BUYERS=64 BENCH_VIEWERS=10000 BENCH_SECONDS=30 BENCH_WARMUP_SECONDS=10)
# Needs the machine's PostgreSQL binaries (pgbench): apt-get install postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUYERS=${BENCH_BUYERS:-64}
SECONDS_=${BENCH_SECONDS:-30}
PGPORT=${BENCH_PG_PORT:-55432}
APPPORT=${BENCH_PORT:-18080}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/originlive-bench.XXXX)
chmod 777 "$WORK"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  (cd "$WORK" && as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1) || true
  rm -rf "$WORK"
}
trap cleanup EXIT

APP_JAR=${BENCH_APP_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$APP_JAR" ] || ./mvnw -q -DskipTests package
./mvnw -q -f bench/pom.xml -DskipTests package

echo "== PostgreSQL $($PGBIN/postgres --version | awk '{print $3}') on port $PGPORT"
(cd "$WORK" && as_pg "$PGBIN/initdb" -D "$WORK/data" -U postgres --auth=trust >/dev/null)
(cd "$WORK" && as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" \
  -o "-p $PGPORT -k $WORK -c max_connections=300 -c shared_buffers=256MB -c synchronous_commit=on" start >/dev/null)

echo "== app on port $APPPORT"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
QUARKUS_HTTP_PORT=$APPPORT \
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://localhost:$PGPORT/postgres \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PGPORT/postgres \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
ORIGINLIVE_ADMIN_EMAIL=admin@bench.originlive.org ORIGINLIVE_ADMIN_PASSWORD=bench-admin-password \
ORIGINLIVE_AUTH_BCRYPT_COST=4 ORIGINLIVE_AUTH_TOKEN_LIFETIME=2h \
  java ${BENCH_APP_JAVA_OPTS:-} -jar "$APP_JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 120); do curl -sf localhost:$APPPORT/q/health/ready >/dev/null && break; sleep 1; done

echo "== rush: $BUYERS buyers, ${BENCH_VIEWERS:-10000} viewers, ${SECONDS_}s after ${BENCH_WARMUP_SECONDS:-10}s warm-up"
APP_JSON=$(BENCH_PORT=$APPPORT java -Xmx2g -cp "bench/target/classes:bench/target/lib/*" org.originlive.bench.FlashSaleBench)
echo "$APP_JSON"
SALE_ID=$(echo "$APP_JSON" | python3 -c 'import sys,json; print(json.load(sys.stdin)["saleId"])')
DB_ORDERS=$("$PGBIN/psql" -h localhost -p $PGPORT -U postgres -Atc "select count(*) from customer_order where sale_id = '$SALE_ID'")
DB_SOLD=$("$PGBIN/psql" -h localhost -p $PGPORT -U postgres -Atc "select quantity - remaining from sale_item where sale_id = '$SALE_ID'")

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
PGB=$("$PGBIN/pgbench" -n -h localhost -p $PGPORT -U postgres -c "$BUYERS" -j 2 -T "$SECONDS_" -f "$WORK/order.sql" postgres 2>&1)
PG_TPS=$(echo "$PGB" | awk '/^tps/ {print int($3); exit}')
PG_LAT=$(echo "$PGB" | awk '/latency average/ {print $4}')

python3 - "$APP_JSON" "$PG_TPS" "$PG_LAT" "$DB_ORDERS" "$DB_SOLD" "$RESULTS" <<'PY'
import json, sys, datetime, os, platform, subprocess
app = json.loads(sys.argv[1]); pg_tps = int(sys.argv[2]); pg_lat = sys.argv[3]
db_orders, db_sold, results = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
cpu = subprocess.run("lscpu | awk -F: '/Model name/ {print $2; exit}'", shell=True, capture_output=True, text=True).stdout.strip()
mem = os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30
ratio = app["ordersPerSecond"] / pg_tps if pg_tps else 0
now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")
table = f"""### Run of {now}
Machine: {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} {platform.release()}, Java {platform.python_version() and os.popen('java -version 2>&1 | head -1').read().strip()}

| measure | value |
|---|---|
| buyers (closed loop, 1 unit per order) | {app['buyers']} |
| measured window | {app['seconds']} s after warm-up |
| app hot-item checkout | **{app['ordersPerSecond']} orders/s** |
| app latency p50 / p95 / p99 | {app['p50Ms']} / {app['p95Ms']} / {app['p99Ms']} ms |
| non-201 answers | {json.dumps(app['non201'])} |
| pgbench per-order minimum, same concurrency | **{pg_tps} tx/s** (avg latency {pg_lat} ms) |
| **ratio app ÷ pgbench** | **{ratio:.2f}** |
| orders created (whole run) / stock sold / orders in DB | {app['ordersCreatedTotal']} / {db_sold} / {db_orders} — exact: {app['ordersCreatedTotal'] == db_sold == db_orders} |
| viewers connected | {app['viewers']} |
| commit-to-frame delay p50 / p99 | {app['frameDelayP50Ms']} / {app['frameDelayP99Ms']} ms |
| stock frames per viewer per second | {app['stockFramesPerViewerPerSecond']} |
| frames dropped / viewers dropped | {int(app['framesDropped'])} / {int(app['viewersDropped'])} |
| app heap after run / CPU seconds in window | {app['appHeapMb']} MB / {app['appCpuSecondsInWindow']} s |
"""
print(table)
path = os.path.join(results, "latest.md")
open(path, "w").write(table)
print("written to", path)
PY
