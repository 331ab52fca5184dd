# Shared by bench/run.sh and bench/notify-sim.sh: a throwaway PostgreSQL from the machine's binaries.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# start_pg <work dir> <port>: initdb and start, trust auth, sockets in the work dir.
start_pg() {
  local work=$1 port=$2
  (cd "$work" && as_pg "$PGBIN/initdb" -D "$work/data" -U postgres --auth=trust >/dev/null)
  (cd "$work" && as_pg "$PGBIN/pg_ctl" -D "$work/data" -l "$work/pg.log" \
    -o "-p $port -k $work -c max_connections=400 -c shared_buffers=256MB -c synchronous_commit=on" start >/dev/null)
}

stop_pg() {
  local work=$1
  (cd "$work" && as_pg "$PGBIN/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1) || true
}

# The postmaster's pid (its backends are its children).
pg_pid() { head -1 "$1/data/postmaster.pid"; }

# CPU pinning: the load generator on one core, the server under test on another; PostgreSQL floats.
# BENCH_GEN_CPU / BENCH_APP_CPU override; with one core (or BENCH_PIN=0) nothing is pinned.
pin_setup() {
  if [ "${BENCH_PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    GEN_CPU=${BENCH_GEN_CPU:-0}
    APP_CPU=${BENCH_APP_CPU:-1}
    ON_GEN="taskset -c $GEN_CPU"
    ON_APP="taskset -c $APP_CPU"
    PINNING="Load generator (and pgbench) pinned to CPU $GEN_CPU, app and baseline server to CPU $APP_CPU with taskset, PostgreSQL floats over all $(nproc) CPUs"
  else
    ON_GEN=""; ON_APP=""
    PINNING="No CPU pinning (one core, BENCH_PIN=0 or no taskset): generator, app and PostgreSQL share $(nproc) CPU(s)"
  fi
}
