#!/usr/bin/env bash
# Replay benchmark (issue 25): how long the replay worker takes from claiming a sale's job to
# reporting it done, for a synthetic 10-minute show, and the CPU it took. The real worker
# (k8s/base/media/replay-worker.sh, the media pod's and the local engine's) runs against a stub of
# the app's job endpoints (bench/replay/app-stub.py) under /usr/bin/time -v; see docs/benchmarks.md.
#
#   1. A short show through the production engine: k8s/base/media/nginx.conf.template rendered
#      with render.sh (ports and folders moved), ffmpeg publishes BENCH_REPLAY_LIVE_SECONDS of a
#      test pattern to `live`, `rec` records it; that recording becomes a job with 2 clips, and the
#      replay and a clip are fetched back from /vod/ (headers checked).
#   2. For each size in BENCH_REPLAY_SIZES: a BENCH_REPLAY_MINUTES-minute show as the recorder
#      writes it (FLV, H.264 + AAC, keyframe every second), split into BENCH_REPLAY_RECORDINGS
#      files, with BENCH_REPLAY_CLIPS pins back to back (one clip each, as a show pinned throughout
#      gets). Generated once into BENCH_REPLAY_CACHE (longer shows: copies of 10 minutes joined).
#
#   bench/replay.sh
# Knobs (env): BENCH_REPLAY_MINUTES=10 BENCH_REPLAY_CLIPS=20 BENCH_REPLAY_SIZES=640x360,1280x720
# BENCH_REPLAY_RECORDINGS=1 BENCH_REPLAY_LIVE_SECONDS=20 (0 skips step 1) BENCH_REPLAY_BASELINE=1
# (each show once more without pins: join and HLS alone)
# BENCH_REPLAY_CACHE=/tmp/originlive-replay-bench-cache BENCH_REPLAY_PORT=18090 (RTMP, HLS and
# the stub on the next ones) BENCH_PIN=1 (the worker on CPU 1) BENCH_KEEP_WORK=0.
# Needs bash curl ffmpeg python3 and GNU time (apt-get install time); step 1 also nginx
# libnginx-mod-rtmp gettext-base.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
MINUTES=${BENCH_REPLAY_MINUTES:-10}
CLIPS=${BENCH_REPLAY_CLIPS:-20}
SIZES=${BENCH_REPLAY_SIZES:-640x360,1280x720}
PARTS=${BENCH_REPLAY_RECORDINGS:-1}
LIVE=${BENCH_REPLAY_LIVE_SECONDS:-20}
CACHE=${BENCH_REPLAY_CACHE:-/tmp/originlive-replay-bench-cache}
BASE=${BENCH_REPLAY_PORT:-18090}
RTMP=$BASE HLS=$((BASE + 3)) CTRL=$((BASE + 4)) HOOKS=$((BASE + 5))
STREAM=bench-replay-0001
WORK=$(mktemp -d /tmp/originlive-replay-bench.XXXX)
STORAGE=$WORK/storage
STATE=$WORK/state
mkdir -p "$WORK/run" "$WORK/hls" "$WORK/tls" "$STORAGE/recordings" "$STORAGE/public" "$STATE" "$CACHE"
# As root, nginx's workers run as nobody (the pod runs nginx and the worker as one non-root user).
chmod 777 "$WORK" "$WORK/hls" "$STORAGE/recordings"
pin_setup
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"
RESULT="$RESULTS/replay-$(date -u +%Y%m%d-%H%M).md"
ROWS=$WORK/rows
: >"$ROWS"
NOTES=$WORK/notes
: >"$NOTES"

cleanup() {
  [ -n "${FF_PID:-}" ] && kill "$FF_PID" 2>/dev/null || true
  [ -n "${PARENT:-}" ] && kill "$PARENT" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${STUB_PID:-}" ] && kill "$STUB_PID" 2>/dev/null || true
  sleep 0.5
  [ "${BENCH_KEEP_WORK:-0}" = 1 ] && echo "work dir kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
at_event() { awk -v e="$1" '$1 == e { t = $2 } END { print t }' "$STATE/events"; }
seconds_of() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }

python3 bench/replay/app-stub.py "$HOOKS" "$STATE" "$STREAM" & STUB_PID=$!
sleep 0.5

# run_worker <label> <show seconds> <input bytes> <planned clips file: id at seconds>
# The job is in $STATE/job.txt; the worker claims it at once. Its CPU and peak RSS are those of
# the worker's whole process tree (bash, ffmpeg, ffprobe, curl, awk), from GNU time.
run_worker() {
  local label=$1 show=$2 bytes=$3 planned=$4 sale
  sale=$(awk '$1 == "sale" { print $2 }' "$STATE/job.txt")
  rm -f "$STATE/done.txt" "$STATE/failed.txt"
  sleep infinity & PARENT=$!
  HOOKS_URL="http://127.0.0.1:$HOOKS/api/media/hooks" HOOK_SECRET=bench ENGINE_ID=bench \
    STORAGE_DIR="$STORAGE" PARENT_PID=$PARENT POLL_SECONDS=0.2 \
    $ON_APP /usr/bin/time -v -o "$WORK/time.txt" bash k8s/base/media/replay-worker.sh 2>>"$WORK/worker.log" &
  local worker=$! waited=0
  until [ -f "$STATE/done.txt" ] || [ -f "$STATE/failed.txt" ]; do
    sleep 0.1
    waited=$((waited + 1))
    [ $waited -lt 12000 ] || { echo "no answer from the worker in 20 min"; exit 1; }
  done
  kill "$PARENT"; PARENT=
  wait "$worker" || true
  if [ -f "$STATE/failed.txt" ]; then
    echo "the worker failed:"; cat "$STATE/failed.txt" "$WORK/worker.log"; BENCH_KEEP_WORK=1; exit 1
  fi
  local claim done wall user sys rss replay clips out ok
  claim=$(at_event claim); done=$(at_event done)
  wall=$(calc "$done - $claim" 2)
  user=$(awk -F': ' '/User time/ { print $2 }' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ { print $2 }' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$WORK/time.txt")
  replay=$(awk -F= '$1 == "duration" { printf "%.1f", $2 }' "$STATE/done.txt")
  clips=$(grep -c '^clip=' "$STATE/done.txt" || true)
  out=$(du -sb "$STORAGE/public/replays/$sale" "$STORAGE/public/clips/$sale" | awk '{ t += $1 } END { print t }')
  # Each clip: it starts at the keyframe at or before its pin (at most 2 s earlier) and lasts
  # from there to the pin's end (±2 s, the contract's tolerance).
  ok=$(awk -F'[=,]' 'NR == FNR { at[$1] = $2; long[$1] = $3; next }
    $1 == "clip" { n++; lead = at[$2] - $3; d = $4 - (long[$2] + lead)
      if (lead >= -0.05 && lead <= 2.05 && d >= -2 && d <= 2) good++ }
    END { printf "%d/%d", good, n }' <(awk '{ print $1 "=" $2 "," $3 }' "$planned") "$STATE/done.txt")
  echo "== $label: claim → done ${wall}s, CPU ${user}s user + ${sys}s sys, max RSS ${rss} MiB, replay ${replay}s, clips $ok within ±2 s"
  echo "| $label | $(calc "$show" 0) s | $(calc "$bytes / 1048576" 0) MB | $clips | **$wall s** | $(calc "$user + $sys" 1) s ($user + $sys) | $(calc "100 * ($user + $sys) / $wall" 0) % | $rss MiB | ${replay} s | $ok | $(calc "$out / 1048576" 0) MB |" >>"$ROWS"
  LAST_SALE=$sale
}

# job <sale> <clips planned file> <recording file>...: the claim's text, as the app writes it.
job() {
  local sale=$1 planned=$2
  shift 2
  {
    echo "job $(uuid)"; echo "kind make"; echo "sale $sale"
    for file in "$@"; do echo "segment $(uuid) $file"; done
    # planned: "<id> <seconds into the show> <seconds long> <recording> <seconds into it>"
    awk '{ printf "clip %s %d %.3f %.3f\n", $1, $4, $5, $3 }' "$planned"
  } >"$STATE/job.txt.new"
  mv "$STATE/job.txt.new" "$STATE/job.txt"
}

# plan <show seconds> <clips> <recordings>: pins back to back from 0.4 s, the last to the end.
plan() {
  local show=$1 n=$2 parts=$3 i
  for ((i = 0; i < n; i++)); do
    echo "$(uuid) $(calc "0.4 + $i * ($show - 0.4) / $n" 3) $(calc "($show - 0.4) / $n" 3)"
  done | awk -v part="$(calc "$show / $parts" 3)" '{ k = int($2 / part); printf "%s %s %s %d %.3f\n", $1, $2, $3, k, $2 - k * part }'
}

if [ "$LIVE" -gt 0 ]; then
  echo "== step 1: ${LIVE}s through the production engine (live → rec), then its replay from /vod/"
  sed -e "s# /tmp/# $WORK/#g; s#error_log stderr#error_log $WORK/error.log#; s#/run/nginx/#$WORK/run/#" \
      -e "s#/var/lib/media/hls#$WORK/hls#; s#/var/lib/media/storage#$STORAGE#" \
      -e "s#listen 1935;#listen 127.0.0.1:$RTMP;#; s#127.0.0.1:1937#127.0.0.1:$((RTMP + 2))#g" \
      -e "s#listen 8080;#listen 127.0.0.1:$HLS;#; s#listen 8082;#listen 127.0.0.1:$CTRL;#" \
      k8s/base/media/nginx.conf.template >"$WORK/nginx.conf.template"
  ORIGINLIVE_MEDIA_HOOK_SECRET=$(openssl rand -hex 32) ORIGINLIVE_MEDIA_ENGINE_ID=bench \
  MEDIA_HOOKS_URL=http://127.0.0.1:$HOOKS/api/media/hooks MEDIA_CONF_DIR=$WORK/run \
  MEDIA_TEMPLATE=$WORK/nginx.conf.template MEDIA_TLS_DIR=$WORK/tls MEDIA_STORAGE_DIR=$STORAGE \
    sh k8s/base/media/render.sh >/dev/null
  nginx -e "$WORK/error.log" -c "$WORK/run/nginx.conf"
  sleep 0.5
  ffmpeg -nostdin -loglevel error -re -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 30 -keyint_min 30 -sc_threshold 0 -b:v 2500k \
    -maxrate 2500k -bufsize 2500k -c:a aac -b:a 128k -t "$LIVE" -f flv "rtmp://127.0.0.1:$RTMP/live/not-a-real-key"
  STOPPED=$(date +%s.%N)
  for _ in $(seq 100); do grep -q '^record_done' "$STATE/events" 2>/dev/null && break; sleep 0.1; done
  grep -q '^record_done' "$STATE/events" || { echo "no recording closed"; cat "$WORK/error.log"; exit 1; }
  REC=$(awk '$1 == "record_done" { print $3 }' "$STATE/events" | tail -1)
  CLOSED=$(calc "$(at_event record_done) - $STOPPED" 2)
  [[ $CLOSED != -* ]] || CLOSED=0.00
  RECORDED=$(calc "$(seconds_of "$STORAGE/recordings/$REC")" 1)
  [[ $REC != *not-a-real-key* ]] || { echo "a recording is named after the key: $REC"; exit 1; }
  awk -v r="$RECORDED" -v u="$(uuid)" -v v="$(uuid)" 'BEGIN {
    printf "%s %.3f %.3f 0 %.3f\n", u, r / 4, r / 4, r / 4; printf "%s %.3f %.3f 0 %.3f\n", v, r / 2, r / 2 - 0.5, r / 2 }' \
    >"$WORK/plan-live"
  job "$(uuid)" "$WORK/plan-live" "$REC"
  run_worker "live ${LIVE} s, 1280x720 (via nginx rec)" "$RECORDED" "$(stat -c %s "$STORAGE/recordings/$REC")" "$WORK/plan-live"
  VOD=http://127.0.0.1:$HLS/vod
  PLAYLIST=$(curl -sfD "$WORK/vod-headers" "$VOD/replays/$LAST_SALE/index.m3u8") || { echo "no replay at /vod/"; exit 1; }
  FIRST=$(echo "$PLAYLIST" | grep -v '^#' | head -1)
  curl -sf -o /dev/null "$VOD/replays/$LAST_SALE/$FIRST" || { echo "no replay segment at /vod/"; exit 1; }
  CLIP=$(ls "$STORAGE/public/clips/$LAST_SALE" | head -1)
  CLIP_TYPE=$(curl -sf -o /dev/null -w '%{content_type}' "$VOD/clips/$LAST_SALE/$CLIP")
  PLAYED=$(calc "$(seconds_of "$VOD/replays/$LAST_SALE/index.m3u8")" 1)
  grep -qi '^access-control-allow-origin: \*' "$WORK/vod-headers" || { echo "no CORS on /vod/"; exit 1; }
  CACHE_CONTROL=$(awk -F': ' 'tolower($1) == "cache-control" { sub(/\r$/, "", $2); print $2 }' "$WORK/vod-headers")
  MISSING=$(curl -s -o /dev/null -D - "$VOD/replays/none/index.m3u8" | grep -ci '^cache-control' || true)
  echo "== /vod/: replay ${PLAYED}s over HTTP, clip $CLIP_TYPE, Cache-Control '$CACHE_CONTROL', a 404 with Cache-Control: $MISSING"
  {
    echo "- Through the production engine: \`rec\` closed the file and called \`on_record_done\` within"
    echo "  ${CLOSED} s of the publisher (ffmpeg) exiting; the ${RECORDED} s recording (FLV as nginx-rtmp"
    echo "  writes it) made a replay of ${PLAYED} s, read back over \`/vod/\` (\`Cache-Control: $CACHE_CONTROL\`,"
    echo "  CORS \`*\`; a 404 carries no Cache-Control: $([ "$MISSING" = 0 ] && echo yes || echo no)); the clip is served as \`$CLIP_TYPE\`."
  } >>"$NOTES"
  kill "$(cat "$WORK/nginx.pid")"; rm -f "$WORK/nginx.pid"
fi

# make_show <file> <seconds> <size> <kbit/s> <tone Hz>: into the cache, once. Past 10 minutes, a
# 10-minute file is encoded and copies of it are joined (-c copy), so an hour costs no more CPU.
make_show() {
  local name=$1 secs=$2 size=$3 rate=$4 tone=$5
  [ -s "$CACHE/$name" ] && return
  if awk -v s="$secs" 'BEGIN { exit !(s > 600) }'; then
    local base="base-${size}-${rate}k-${tone}.flv" list="$CACHE/$name.list" i
    make_show "$base" 600 "$size" "$rate" "$tone"
    : >"$list"
    for ((i = 0; i * 600 < ${secs%.*} + 1; i++)); do echo "file '$CACHE/$base'" >>"$list"; done
    echo "== joining copies of $base into $name (${secs}s)"
    ffmpeg -nostdin -loglevel error -y -f concat -safe 0 -i "$list" -t "$secs" -c copy -f flv "$CACHE/$name.part"
    rm -f "$list"
  else
    echo "== generating $name (${secs}s, ${size} 30 fps, ${rate} kbit/s, keyframe every second; once, into $CACHE)"
    ffmpeg -nostdin -loglevel error -y -f lavfi -i "testsrc2=size=${size}:rate=30" \
      -f lavfi -i "sine=frequency=${tone}:sample_rate=44100" -t "$secs" \
      -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 30 -keyint_min 30 -sc_threshold 0 \
      -b:v "${rate}k" -maxrate "${rate}k" -bufsize "${rate}k" -c:a aac -b:a 128k -f flv "$CACHE/$name.part"
  fi
  mv "$CACHE/$name.part" "$CACHE/$name"
}

SHOW=$((MINUTES * 60))
for SIZE in ${SIZES//,/ }; do
  HEIGHT=${SIZE#*x}
  # Bit rates of a typical host's encoder: ~1 Mbit/s at 360p, ~2.5 Mbit/s at 720p.
  RATE=$([ "$HEIGHT" -le 480 ] && echo 1000 || echo 2500)
  PART=$(calc "$SHOW / $PARTS" 3)
  FILES=()
  for ((p = 1; p <= PARTS; p++)); do
    NAME="show-${SIZE}-${SHOW}s-${p}of${PARTS}.flv"
    make_show "$NAME" "$PART" "$SIZE" "$RATE" "$((300 + p * 100))"
    FILES+=("$NAME")
  done
  BYTES=$(for f in "${FILES[@]}"; do stat -c %s "$CACHE/$f"; done | awk '{ t += $1 } END { print t }')
  plan "$SHOW" "$CLIPS" "$PARTS" >"$WORK/plan-$SIZE"
  : >"$WORK/plan-none"
  # With the pins, then (BENCH_REPLAY_BASELINE=1) without: the difference is what the clips cost.
  for PLAN in "$WORK/plan-$SIZE" $([ "${BENCH_REPLAY_BASELINE:-1}" = 1 ] && echo "$WORK/plan-none"); do
    # The worker deletes its recordings once the app took the replay: give it links to the cache.
    for f in "${FILES[@]}"; do ln -sf "$CACHE/$f" "$STORAGE/recordings/$f"; done
    # Warm the page cache, as a recording the engine has just written would be.
    cat "${FILES[@]/#/$CACHE/}" >/dev/null
    job "$(uuid)" "$PLAN" "${FILES[@]}"
    run_worker "$MINUTES min, $SIZE, $RATE kbit/s, $PARTS recording(s)$([ -s "$PLAN" ] || echo ", no pins")" \
      "$SHOW" "$BYTES" "$PLAN"
  done
done

{
  echo "# Replay worker: claim → done ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  if [ -n "$ON_APP" ]; then
    echo -n "The worker (its ffmpeg, ffprobe, curl included) pinned to CPU $APP_CPU with taskset; the stub and nginx unpinned."
  else
    echo -n "Nothing pinned (one core, BENCH_PIN=0 or no taskset)."
  fi
  echo " Load average at the start: $LOAD_AT_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Machine: $(nproc) CPUs ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')), $(uname -sr), $(ffmpeg -version | head -1 | cut -d' ' -f1-3), $(nginx -v 2>&1 | cut -d' ' -f3)."
  echo
  echo "| show | length | recorded | clips | claim → done | CPU (user + sys) | CPU ÷ wall | max RSS | replay | clips at pin ±2 s | replay + clips |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$ROWS"
  echo
  cat "$NOTES"
  echo "- A sale's end to READY adds to claim → done: the job is due 1 s after the end (the recorder"
  echo "  closes its file when the app drops the publisher), and an idle worker asks every second (POLL_SECONDS=1,"
  echo "  in the pod as beside the local engine)."
} >"$RESULT"
cp "$RESULT" "$RESULTS/replay-latest.md"
echo; cat "$RESULT"; echo "written to $RESULT"
