#!/usr/bin/env bash
# HLS origin benchmark (issue 22): how many segments a second, and MB/s, one nginx media engine
# serves, with the production config (k8s/base/media/nginx.conf.template, ports and folders moved).
# ffmpeg publishes a 1280x720 30 fps test pattern at ~2.5 Mbit/s (keyframe every second) through
# the ingest application (a stub stands in for the app's callbacks and renames the stream), then
# stops so the encoder does not compete for CPU; wrk fetches playlist and fragments alternately
# (a viewer with 1 s fragments asks for one of each a second). See docs/benchmarks.md.
#
#   bench/media.sh                  # 30 s of load, 64 connections
# Knobs (env): BENCH_MEDIA_SECONDS=30 BENCH_MEDIA_CONNECTIONS=64 BENCH_MEDIA_PUBLISH_SECONDS=15
# BENCH_MEDIA_RTMP_PORT=19350 BENCH_MEDIA_HLS_PORT=18081 BENCH_MEDIA_CONTROL_PORT=18082
# BENCH_MEDIA_HOOKS_PORT=18083 BENCH_PIN=1 (nginx on CPU 1, wrk on CPU 0).
# Needs nginx libnginx-mod-rtmp libnginx-mod-stream gettext-base ffmpeg wrk (apt-get install).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
SECS=${BENCH_MEDIA_SECONDS:-30}
CONNS=${BENCH_MEDIA_CONNECTIONS:-64}
PUBLISH=${BENCH_MEDIA_PUBLISH_SECONDS:-15}
RTMP=${BENCH_MEDIA_RTMP_PORT:-19350}
HLS=${BENCH_MEDIA_HLS_PORT:-18081}
CTRL=${BENCH_MEDIA_CONTROL_PORT:-18082}
HOOKS=${BENCH_MEDIA_HOOKS_PORT:-18083}
STREAM=bench-sale-0001
WORK=$(mktemp -d /tmp/originlive-media-bench.XXXX)
mkdir -p "$WORK/run" "$WORK/hls" "$WORK/tls"
# As root, nginx's workers run as nobody (the pod runs nginx as one non-root user instead).
chmod 777 "$WORK" "$WORK/hls"
pin_setup
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
RESULT="$RESULTS/media-$(date -u +%Y%m%d-%H%M).md"

cleanup() {
  [ -n "${FF_PID:-}" ] && kill "$FF_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${STUB_PID:-}" ] && kill "$STUB_PID" 2>/dev/null || true
  sleep 0.5
  [ "${BENCH_KEEP_WORK:-0}" = 1 ] && echo "work dir kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

# The production template with this machine's ports and folders.
sed -e "s# /tmp/# $WORK/#g; s#error_log stderr#error_log $WORK/error.log#; s#/run/nginx/#$WORK/run/#" \
    -e "s#alias /var/lib/media/hls/;#alias $WORK/serve/;#; s#/var/lib/media/hls#$WORK/hls#" \
    -e "s#/var/lib/media/storage#$WORK/storage#" \
    -e "s#listen 1935;#listen 127.0.0.1:$RTMP;#; s#127.0.0.1:1937#127.0.0.1:$((RTMP + 2))#g" \
    -e "s#listen 8080;#listen 127.0.0.1:$HLS;#; s#listen 8082;#listen 127.0.0.1:$CTRL;#" \
    k8s/base/media/nginx.conf.template > "$WORK/nginx.conf.template"
ORIGINLIVE_MEDIA_HOOK_SECRET=$(openssl rand -hex 32) ORIGINLIVE_MEDIA_ENGINE_ID=bench \
MEDIA_HOOKS_URL=http://127.0.0.1:$HOOKS/api/media/hooks MEDIA_CONF_DIR=$WORK/run \
MEDIA_TEMPLATE=$WORK/nginx.conf.template MEDIA_TLS_DIR=$WORK/tls MEDIA_STORAGE_DIR=$WORK/storage \
  sh k8s/base/media/render.sh >/dev/null
chmod 777 "$WORK/storage/recordings"
python3 bench/media/hooks-stub.py "$HOOKS" "$STREAM" & STUB_PID=$!
$ON_APP nginx -e "$WORK/error.log" -c "$WORK/run/nginx.conf"
sleep 0.5
NGINX_WORKER=$(pgrep -P "$(cat "$WORK/nginx.pid")" | head -1)

echo "== publishing ${PUBLISH}s of 1280x720 30 fps, ~2.5 Mbit/s, keyframe every second"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)
W0=$(cpu "$NGINX_WORKER")
$ON_GEN ffmpeg -nostdin -loglevel error -re -f lavfi -i testsrc=size=1280x720:rate=30 -f lavfi -i sine \
  -c:v libx264 -preset veryfast -g 30 -keyint_min 30 -sc_threshold 0 \
  -b:v 2500k -minrate 2500k -maxrate 2500k -bufsize 2500k -x264-params nal-hrd=cbr \
  -c:a aac -b:a 128k -t "$PUBLISH" -f flv "rtmp://127.0.0.1:$RTMP/live/not-a-real-key" & FF_PID=$!
# The module deletes a stream's files after its publisher stops: /hls/ serves a copy of the last
# live set (the only change to the production config besides ports and folders).
mkdir -p "$WORK/serve"
sleep $((PUBLISH - 2)); cp -a "$WORK/hls/." "$WORK/serve/"
wait "$FF_PID"; FF_PID=
W1=$(cpu "$NGINX_WORKER")
REMUX=$(awk -v d=$((W1 - W0)) -v t="$TICKS" -v s="$PUBLISH" 'BEGIN {printf "%.1f", 100 * d / t / s}')
PLAYLIST=/hls/$STREAM.m3u8
curl -sf "http://127.0.0.1:$HLS$PLAYLIST" > "$WORK/playlist.m3u8" || { echo "no playlist:"; ls -la "$WORK/hls"; cat "$WORK/error.log"; exit 1; }
SEGMENTS=$(grep -v '^#' "$WORK/playlist.m3u8" | sed "s#^#/hls/#")
NSEG=$(echo "$SEGMENTS" | wc -l)
SEG_BYTES=$(for s in $SEGMENTS; do curl -sf "http://127.0.0.1:$HLS$s" | wc -c; done | awk '{t += $1} END {printf "%d", t / NR}')
SEG_SECS=$(awk -F'[:,]' '/^#EXTINF/ {t += $2; n++} END {printf "%.2f", t / n}' "$WORK/playlist.m3u8")
KEYS_IN_NAMES=$(ls "$WORK/serve" | grep -c not-a-real-key || true)
echo "== playlist: $NSEG fragments of ${SEG_SECS}s, ${SEG_BYTES} bytes on average; files named after the key: $KEYS_IN_NAMES"

echo "== wrk: $CONNS connections, ${SECS}s, playlist and fragment alternately"
# shellcheck disable=SC2086
WRK=$($ON_GEN wrk -t1 -c"$CONNS" -d"${SECS}s" --latency -s bench/media/fetch.lua "http://127.0.0.1:$HLS" -- "$PLAYLIST" $SEGMENTS)
echo "$WRK"
if echo "$WRK" | grep -q Non-2xx; then echo "failed requests: see above"; BENCH_KEEP_WORK=1; exit 1; fi
RPS=$(echo "$WRK" | awk '/^Requests\/sec/ {print $2}')
NON2XX=$(echo "$WRK" | awk '/Non-2xx/ {print $NF}')
BYTES=$(echo "$WRK" | awk '/requests in/ {print $5}')
P99=$(echo "$WRK" | awk '$1 == "99%" {print $2}')
MBPS=$(echo "$WRK" | awk '/^Transfer\/sec/ {v = $2; u = substr(v, length(v) - 1); n = v + 0; if (u == "GB") n *= 1024; if (u == "KB") n /= 1024; printf "%.0f", n}')
SEGS=$(awk -v r="$RPS" 'BEGIN {printf "%.0f", r / 2}')
BY_BANDWIDTH=$(awk -v m="$MBPS" 'BEGIN {printf "%.0f", m * 1048576 * 8 / 2500000}')
BY_REQUESTS=$(awk -v r="$RPS" 'BEGIN {printf "%.0f", r / 2}')
{
  echo "# HLS origin: one nginx media engine ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "$PINNING. Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Stream: 1280x720 30 fps test pattern, ~2.5 Mbit/s CBR + AAC, $NSEG fragments of ${SEG_SECS}s, ${SEG_BYTES} bytes each on average; no file named after the key ($KEYS_IN_NAMES)."
  echo "Remuxing that one publisher (RTMP in, HLS out) cost the nginx worker ${REMUX}% of a core."
  echo
  echo "| connections | requests/s | fragments/s | MB/s | p99 | non-2xx | viewers at 2.5 Mbit/s | viewers at 1 playlist + 1 fragment/s |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| $CONNS | $RPS | $SEGS | $MBPS | $P99 | ${NON2XX:-0} | $BY_BANDWIDTH | $BY_REQUESTS |"
  echo
  echo "Over loopback: a real origin's NIC is the tighter bound (10 Gbit/s ≈ 4,000 viewers at 2.5 Mbit/s)."
  echo "Machine: $(nproc) CPUs ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')), $(uname -sr), $(nginx -v 2>&1 | cut -d' ' -f3), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
} > "$RESULT"
cp "$RESULT" "$RESULTS/media-latest.md"
echo; cat "$RESULT"; echo "written to $RESULT"
