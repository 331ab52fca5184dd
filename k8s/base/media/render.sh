#!/bin/sh
# Renders the media engine's nginx.conf into /run/nginx (a memory-backed emptyDir) before nginx
# starts. The hook secret comes from the Secret origin-live-media through this init container's
# environment only; envsubst replaces the three named variables and leaves nginx's own $variables.
# It also makes the storage volume's folders (MEDIA_STORAGE_DIR) before nginx records into them.
set -eu
case "${ORIGINLIVE_MEDIA_HOOK_SECRET:-}" in
  REPLACE_ME*|"") echo "origin-live-media/hook-secret is not set (see docs/operations.md, Live video)" >&2; exit 1 ;;
esac
# It goes into URLs and nginx.conf verbatim: letters, digits, - and _ only (openssl rand -hex 32).
if ! printf '%s' "$ORIGINLIVE_MEDIA_HOOK_SECRET" | grep -Eq '^[A-Za-z0-9_-]{32,}$'; then
  echo "origin-live-media/hook-secret must be at least 32 letters, digits, - or _" >&2
  exit 1
fi
if ! printf '%s' "$ORIGINLIVE_MEDIA_ENGINE_ID" | grep -Eq '^[A-Za-z0-9_-]{1,40}$'; then
  echo "ORIGINLIVE_MEDIA_ENGINE_ID must be 1-40 letters, digits, - or _" >&2
  exit 1
fi
# nginx resolves the hooks' host once, at start, and its error for an unknown host prints the
# whole URL, secret included: check the name here first and say it without the secret.
HOOKS_HOST=$(printf '%s' "$MEDIA_HOOKS_URL" | sed -E 's#^http://([^/:]+).*#\1#')
if ! getent hosts "$HOOKS_HOST" >/dev/null; then
  echo "The app's Service $HOOKS_HOST does not resolve yet (MEDIA_HOOKS_URL); retrying on restart" >&2
  exit 1
fi
# The storage volume (media-deployment.yaml): nginx records into recordings/ (it creates no
# folders) and serves public/ at /vod/; the replay worker writes public/ and its work/.
if [ -n "${MEDIA_STORAGE_DIR:-}" ]; then
  mkdir -p "$MEDIA_STORAGE_DIR/recordings" "$MEDIA_STORAGE_DIR/public"
fi
OUT=${MEDIA_CONF_DIR:-/run/nginx}
umask 077
envsubst '${MEDIA_HOOKS_URL} ${ORIGINLIVE_MEDIA_HOOK_SECRET} ${ORIGINLIVE_MEDIA_ENGINE_ID}' \
  < "${MEDIA_TEMPLATE:-/etc/media/nginx.conf.template}" > "$OUT/nginx.conf"
TLS=${MEDIA_TLS_DIR:-/etc/media/tls}
if grep -q 'BEGIN CERTIFICATE' "$TLS/tls.crt" 2>/dev/null && grep -q 'PRIVATE KEY' "$TLS/tls.key" 2>/dev/null; then
  cat > "$OUT/rtmps.conf" <<CONF
server {
  listen 1936 ssl;
  ssl_certificate $TLS/tls.crt;
  ssl_certificate_key $TLS/tls.key;
  ssl_protocols TLSv1.2 TLSv1.3;
  proxy_pass 127.0.0.1:1935;
}
CONF
  echo "RTMPS on 1936 with the certificate of origin-live-media-tls"
else
  echo "No certificate in origin-live-media-tls: RTMPS is off, plain RTMP on 1935 only"
fi
