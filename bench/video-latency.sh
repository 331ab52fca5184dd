#!/usr/bin/env bash
# End-to-end live video figures (issue 22), against the packaged app in the demo profile (its own
# PostgreSQL and local nginx engine, in a throwaway folder on free ports): publish → first `video`
# LIVE frame and → first playable segment over N publishes, the app JVM's CPU with a publisher
# live vs idle, and headless Chromium's distance to the live edge on /live/{id} (a wall clock
# burnt into the picture, read back from screenshots). See docs/benchmarks.md.
#
#   ./mvnw -q -DskipTests package      # once: target/quarkus-app/quarkus-run.jar
#   bench/video-latency.sh
# Knobs (env): BENCH_VIDEO_PUBLISHES=5 BENCH_VIDEO_CPU_SECONDS=30 BENCH_VIDEO_EDGE_SECONDS=48 BENCH_VIDEO_JOINS=3
# BENCH_VIDEO_CHROMIUM=1 (0 skips the browser) BENCH_APP_JAR=target/quarkus-app/quarkus-run.jar
# BENCH_KEEP_WORK=1 keeps the work dir (app log, ffmpeg logs, the last decoded screenshot).
# Needs nginx libnginx-mod-rtmp ffmpeg chromium chromium-driver (apt-get install).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
APP_JAR=${BENCH_APP_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$APP_JAR" ] || { echo "no $APP_JAR: run ./mvnw -q -DskipTests package first"; exit 1; }
WORK=$(mktemp -d /tmp/originlive-video-bench.XXXX)
chmod 755 "$WORK"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
RESULT="$RESULTS/video-$(date -u +%Y%m%d-%H%M).md"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port); RTMP_PORT=$(free_port); HLS_PORT=$(free_port); DRIVER_PORT=$(free_port)

# Every process this script starts, and theirs, found by parent pid (never by name).
descendants() { local c; for c in $(pgrep -P "$1" || true); do descendants "$c"; echo "$c"; done; }
stop_tree() {
  local pid=$1 p
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  local tree; tree="$(descendants "$pid") $pid"
  kill $tree 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  for p in $tree; do kill -9 "$p" 2>/dev/null || true; done
}
cleanup() {
  set +e
  stop_tree "${BENCH_PID:-}"
  stop_tree "${DRIVER_PID:-}"
  # SIGTERM: the app stops its nginx and its PostgreSQL itself (shutdown hooks); wait, then make sure.
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    stop_tree "$APP_PID"
  fi
  for f in "$WORK"/media/engine-*/nginx.pid "$WORK"/pgdata/postmaster.pid; do
    [ -f "$f" ] && { p=$(head -1 "$f"); kill -0 "$p" 2>/dev/null && { echo "stopping leftover pid $p ($f)"; kill "$p"; sleep 1; kill -9 "$p" 2>/dev/null; }; }
  done
  [ "${BENCH_KEEP_WORK:-0}" = 1 ] && echo "work dir kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

./mvnw -q -f bench/pom.xml -DskipTests package
BENCH_CP="bench/target/classes:bench/target/lib/*"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== app (demo profile) on port $APP_PORT, RTMP $RTMP_PORT, HLS $HLS_PORT; work dir $WORK; load $LOAD_START"
QUARKUS_HTTP_PORT=$APP_PORT ORIGINLIVE_MEDIA_RTMP_PORT=$RTMP_PORT ORIGINLIVE_MEDIA_HTTP_PORT=$HLS_PORT \
ORIGINLIVE_MEDIA_DIR=$WORK/media ORIGINLIVE_LOCAL_DB_DIR=$WORK/pgdata \
  java -Dquarkus.profile=demo -jar "$APP_JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do curl -sf "localhost:$APP_PORT/q/health/ready" >/dev/null && break; kill -0 $APP_PID || break; sleep 1; done
curl -sf "localhost:$APP_PORT/q/health/ready" >/dev/null || { echo "app did not start:"; tail -50 "$WORK/app.log"; exit 1; }
grep -i "media\|nginx" "$WORK/app.log" | head -3 || true

DRIVER=
if [ "${BENCH_VIDEO_CHROMIUM:-1}" = 1 ]; then
  chromedriver --port="$DRIVER_PORT" > "$WORK/chromedriver.log" 2>&1 &
  DRIVER_PID=$!
  for _ in $(seq 1 50); do curl -sf "localhost:$DRIVER_PORT/status" >/dev/null && break; sleep 0.2; done
  DRIVER=http://localhost:$DRIVER_PORT
fi

echo "== measuring"
BENCH_PORT=$APP_PORT BENCH_APP_PID=$APP_PID BENCH_CHROMEDRIVER=$DRIVER BENCH_WORK=$WORK \
BENCH_NGINX_PID_FILE=$WORK/media/engine-$RTMP_PORT/nginx.pid BENCH_RESULTS_FILE=$WORK/figures.md \
  java -Xmx256m -cp "$BENCH_CP" org.originlive.bench.VideoLatency &
BENCH_PID=$!
wait $BENCH_PID
BENCH_PID=

{
  echo "# Live video end to end ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Load average at the start: $LOAD_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs, shared)."
  echo "Packaged app, demo profile (its own PostgreSQL and nginx $(nginx -v 2>&1 | cut -d/ -f2) + RTMP module, 1 s fragments, 6 s playlist);"
  echo "publisher: ffmpeg $(ffmpeg -version | head -1 | cut -d' ' -f3), testsrc 1280x720 30 fps, libx264 veryfast zerolatency, -g 30, AAC, FLV over RTMP."
  echo
  cat "$WORK/figures.md"
  echo
  echo "Machine: $(nproc) CPUs ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')), $(uname -sr), $(java -version 2>&1 | head -1)."
} > "$RESULT"
cp "$RESULT" "$RESULTS/video-latest.md"
echo; cat "$RESULT"; echo "written to $RESULT"
