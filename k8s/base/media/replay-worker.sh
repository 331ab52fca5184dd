#!/usr/bin/env bash
# Origin Live's replay worker. It runs where the recordings are: next to the media engine (the
# media pod's sidecar in production; the app starts it beside its local engine in dev, demo and
# tests), so the app itself never needs ffmpeg. It asks the app for a job over the engine's
# callback address, makes it without re-encoding (ffmpeg -c copy) and reports back:
#
#   POST $HOOKS_URL/replay-jobs/claim            (every call carries ?secret=&engine=&storage=)
#                                                204 nothing to do, or 200 text/plain:
#        job <claim>                              the claim (only it may finish the job)
#        kind make|delete
#        sale <sale id>
#        segment <recording id> <file>            recordings in order (make)
#        clip <highlight id> <segment> <seconds into it> <seconds long>   one per highlight (make)
#   POST $HOOKS_URL/replay-jobs/<claim>/done      duration=, segment=<id>=<seconds>, clip=<id>=<start>,<seconds>
#   POST $HOOKS_URL/replay-jobs/<claim>/failed    reason=
#
# Files: $STORAGE_DIR/recordings (the engine's record_path, never served) and
# $STORAGE_DIR/public/{replays,clips}/<sale> (the engine serves public/ at /vod/).
set -uo pipefail

: "${HOOKS_URL:?}" "${HOOK_SECRET:?}" "${ENGINE_ID:?}" "${STORAGE_DIR:?}"
POLL_SECONDS="${POLL_SECONDS:-2}"
FFMPEG="${FFMPEG:-ffmpeg}"
FFPROBE="${FFPROBE:-ffprobe}"
# The storage the recordings are on: engines that share a folder share it (default: the engine's id).
STORAGE_ID="${STORAGE_ID:-$ENGINE_ID}"
QUERY="secret=${HOOK_SECRET}&engine=${ENGINE_ID}&storage=${STORAGE_ID}"
REC="$STORAGE_DIR/recordings"
PUB="$STORAGE_DIR/public"
WORK="$STORAGE_DIR/work"
ID='^[0-9a-f-]{36}$'
mkdir -p "$REC" "$PUB/replays" "$PUB/clips" "$WORK"

log() { echo "replay-worker: $*" >&2; }

# POST to the app; prints the HTTP status, the body lands in $WORK/answer.
post() {
  local path=$1
  shift
  curl -sS --max-time 30 -o "$WORK/answer" -w '%{http_code}' -X POST "$HOOKS_URL/$path?$QUERY" "$@" \
    2>>"$WORK/log" || echo 000
}

seconds_of() { "$FFPROBE" -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }

add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }

# The time of the last video keyframe at or before $2 seconds of file $1. Only numbers count: the
# first keyframe of every recording after the first carries side data, which ffprobe prints as
# "<time>," and empty lines; read as 0, they cut a pin's clip from the replay's very start.
keyframe_before() {
  local from
  from=$(awk -v s="$2" 'BEGIN { s -= 4; if (s < 0) s = 0; printf "%.3f", s }')
  "$FFPROBE" -v error -select_streams v:0 -skip_frame nokey -show_entries frame=pts_time -of csv=p=0 \
    -read_intervals "${from}%+5" "$1" |
    awk -F, -v s="$2" 'BEGIN { k = -1 } $1 ~ /^[0-9]+([.][0-9]*)?$/ && $1 + 0 <= s + 0.001 { k = $1 + 0 }
      END { if (k < 0) k = s - 2; if (k < 0) k = 0; printf "%.3f", k }'
}

# Joins the recordings, writes the HLS replay and the clips; fills FORM with what to report.
make_replay() {
  local job=$1 sale=$2 out="$WORK/$2" total=0 kind id file seg into long
  local -a offsets=()
  rm -rf "$out" && mkdir -p "$out/replay" "$out/clips" && : >"$out/list" || return 1
  while read -r kind id file _; do
    [ "$kind" = segment ] || continue
    [[ $id =~ $ID && $file =~ ^[A-Za-z0-9_.-]+$ && -f "$REC/$file" ]] || { log "no recording $file"; return 1; }
    local d
    d=$(seconds_of "$REC/$file") || return 1
    echo "file '$REC/$file'" >>"$out/list"
    FORM+=(--data-urlencode "segment=$id=$d")
    offsets+=("$total")
    total=$(add "$total" "$d")
  done <"$job"
  [ "${#offsets[@]}" -gt 0 ] || { log "sale $sale: no recordings in the job"; return 1; }
  "$FFMPEG" -nostdin -v error -y -f concat -safe 0 -i "$out/list" -c copy -movflags +faststart "$out/joined.mp4" &&
    "$FFMPEG" -nostdin -v error -y -i "$out/joined.mp4" -c copy -f hls -hls_time 4 -hls_playlist_type vod \
      -hls_segment_filename "$out/replay/%05d.ts" "$out/replay/index.m3u8" || return 1
  total=$(seconds_of "$out/joined.mp4") || return 1
  FORM+=(--data-urlencode "duration=$total")
  while read -r kind id seg into long; do
    [ "$kind" = clip ] || continue
    [[ $id =~ $ID && $seg =~ ^[0-9]+$ && $seg -lt ${#offsets[@]} ]] || return 1
    local at start cut
    at=$(add "${offsets[$seg]}" "$into")
    start=$(keyframe_before "$out/joined.mp4" "$at")
    cut=$(awk -v l="$long" -v a="$at" -v s="$start" 'BEGIN { printf "%.3f", l + a - s }')
    "$FFMPEG" -nostdin -v error -y -ss "$start" -i "$out/joined.mp4" -t "$cut" -c copy \
      -avoid_negative_ts make_zero -movflags +faststart "$out/clips/$id.mp4" || return 1
    FORM+=(--data-urlencode "clip=$id=$start,$(seconds_of "$out/clips/$id.mp4")")
  done <"$job"
  rm -rf "$PUB/replays/$sale" "$PUB/clips/$sale"
  mv "$out/replay" "$PUB/replays/$sale" && mv "$out/clips" "$PUB/clips/$sale" && rm -rf "$out"
}

# One claimed job: make or delete, then tell the app; raw recordings go once the app took the replay.
run_job() {
  local job="$WORK/job" claim kind sale
  cp "$WORK/answer" "$job"
  claim=$(awk '$1 == "job" { print $2 }' "$job")
  kind=$(awk '$1 == "kind" { print $2 }' "$job")
  sale=$(awk '$1 == "sale" { print $2 }' "$job")
  [[ $claim =~ $ID && $sale =~ $ID ]] || { log "unreadable job"; return; }
  FORM=()
  local ok=0
  if [ "$kind" = make ]; then
    make_replay "$job" "$sale" 2>>"$WORK/log" || ok=1
  elif [ "$kind" = delete ]; then
    rm -rf "$PUB/replays/$sale" "$PUB/clips/$sale" || ok=1
  else
    ok=1
  fi
  if [ $ok -ne 0 ]; then
    log "sale $sale: $kind failed"
    post "replay-jobs/$claim/failed" --data-urlencode "reason=$(tail -c 400 "$WORK/log" | tr -c '[:print:]' ' ')" >/dev/null
    return
  fi
  local code
  code=$(post "replay-jobs/$claim/done" "${FORM[@]}")
  log "sale $sale: $kind done (app answered $code)"
  if [ "$code" = 204 ]; then
    awk '$1 == "segment" { print $3 }' "$job" | while read -r file; do
      [[ $file =~ ^[A-Za-z0-9_.-]+$ ]] && rm -f "$REC/$file"
    done
  fi
}

while true; do
  # Started by a local app: stop with it.
  if [ -n "${PARENT_PID:-}" ] && ! kill -0 "$PARENT_PID" 2>/dev/null; then
    exit 0
  fi
  : >"$WORK/log"
  code=$(post replay-jobs/claim)
  if [ "$code" = 200 ]; then
    run_job
    continue
  fi
  sleep "$POLL_SECONDS"
done
