#!/usr/bin/env bash
# JWT keys for Origin Live (see docs/operations.md, "Keys and rotation"). Needs openssl and perl.
#   scripts/jwt-keys.sh new DIR            make DIR/private.pem (PKCS#8, RSA 2048) and DIR/public.pem
#   scripts/jwt-keys.sh jwks PUB.pem...    print a JWKS of the public keys, each kid its RFC 7638 thumbprint
#   scripts/jwt-keys.sh kid PUB.pem        print the kid the app puts in tokens signed with that key
set -euo pipefail

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
hex2bin() { perl -e 'local $/; my $h = <STDIN>; $h =~ s/\s//g; $h = "0$h" if length($h) % 2; print pack("H*", $h)'; }

jwk() {
  local pub=$1 n e_hex e kid
  n=$(openssl rsa -pubin -in "$pub" -noout -modulus | cut -d= -f2 | hex2bin | b64url)
  e_hex=$(openssl rsa -pubin -in "$pub" -noout -text | sed -n 's/^Exponent: [0-9]* (0x\([0-9a-fA-F]*\)).*/\1/p')
  e=$(printf '%s' "$e_hex" | hex2bin | b64url)
  kid=$(printf '{"e":"%s","kty":"RSA","n":"%s"}' "$e" "$n" | openssl dgst -sha256 -binary | b64url)
  printf '{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}' "$kid" "$n" "$e"
}

case "${1:-}" in
  new)
    dir=${2:?directory}
    mkdir -p "$dir"
    (umask 077 && openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem")
    openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
    echo "made $dir/private.pem and $dir/public.pem" >&2
    ;;
  jwks)
    shift
    [ $# -gt 0 ] || { echo "jwks needs at least one public key" >&2; exit 2; }
    sep=''
    printf '{"keys":['
    for pub in "$@"; do printf '%s%s' "$sep" "$(jwk "$pub")"; sep=','; done
    printf ']}\n'
    ;;
  kid)
    jwk "${2:?public key}" | sed 's/.*"kid":"\([^"]*\)".*/\1/'
    ;;
  *)
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
