#!/usr/bin/env bash
# Lints the served OpenAPI document with Redocly's recommended rules (redocly.yaml) and Spectral's
# spectral:oas + OWASP rulesets (.spectral.yaml); fails on any error. The document is the one the
# app serves at /q/openapi, written to target/openapi.json by OpenApiDocumentTest, so run the tests
# first (or: ./mvnw test -Dtest=OpenApiDocumentTest). The npm tools go into a local folder
# (OPENAPI_LINT_TOOLS, default target/openapi-lint), never globally.
set -euo pipefail
cd "$(dirname "$0")/.."
doc="${1:-target/openapi.json}"
tools="${OPENAPI_LINT_TOOLS:-target/openapi-lint}"
if [[ ! -s "$doc" ]]; then
  echo "No $doc: run ./mvnw test -Dtest=OpenApiDocumentTest first" >&2
  exit 2
fi
if [[ ! -x "$tools/node_modules/.bin/spectral" || ! -x "$tools/node_modules/.bin/redocly" ]]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --no-save --loglevel=error \
    @redocly/cli@2.77.0 @stoplight/spectral-cli@6.16.3 @stoplight/spectral-owasp-ruleset@2.0.1 >/dev/null
fi
tools="$(cd "$tools" && pwd)"
status=0
echo "== Redocly (recommended) on $doc"
"$tools/node_modules/.bin/redocly" lint "$doc" --config redocly.yaml --format=summary || status=1
echo "== Spectral (spectral:oas + OWASP) on $doc"
# NODE_PATH lets .spectral.yaml find the OWASP ruleset in the local tools folder.
NODE_PATH="$tools/node_modules" "$tools/node_modules/.bin/spectral" lint "$doc" \
  --ruleset .spectral.yaml --fail-severity=error --format=text || status=1
exit $status
