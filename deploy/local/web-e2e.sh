#!/usr/bin/env bash
# The web app's tests: unit tests (Vitest), then end to end in Debian's Chromium (playwright-core) against a whole
# stack of its own — its own run directory (.csr/e2e) and ports (gateway 8100, web 3100, Kafka 9192), so a stack
# started with ./csr up is left alone — loaded with the sample and trained, then stopped; on the same stack, the
# hostile-input suite (deploy/local/fuzz.sh). Called by ./csr test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WEB="$ROOT/web"
say() { printf '[web-e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

command -v npm >/dev/null || { echo "web-e2e: npm is needed" >&2; exit 1; }
if [[ ! -x /usr/bin/chromium ]]; then
  say "installing Debian's chromium (apt-get)"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

cd "$WEB"
say "npm ci"
npm ci --no-audit --no-fund >/dev/null
say "unit tests"
npx vitest run
npm run api:check

export CSR_RUN_DIR="$ROOT/.csr/e2e" CSR_GATEWAY_PORT=8100 CSR_INGEST_PORT=8181 CSR_FEATURES_PORT=8182 \
  CSR_SEGMENT_PORT=8183 CSR_CHURN_PORT=8184 CSR_LTV_PORT=8185 CSR_WEB_PORT=3100 CSR_KAFKA_PORT=9192 \
  CSR_KAFKA_CONTROLLER_PORT=9193 CSR_MLFLOW_PORT=5100
unset CSR_ADMIN_KEY MLFLOW_TRACKING_URI CSR_MLFLOW
trap '"$ROOT/deploy/local/stack.sh" down --reset >/dev/null 2>&1 || true' EXIT
"$ROOT/deploy/local/stack.sh" down --reset >/dev/null 2>&1 || true
say "starting a stack of its own in $CSR_RUN_DIR (sample loaded and trained; a few minutes)"
"$ROOT/deploy/local/stack.sh" up >"$ROOT/.csr/e2e-up.log" 2>&1 || { tail -20 "$ROOT/.csr/e2e-up.log"; exit 1; }

say "end-to-end tests in Chromium; screenshots in web/tests/e2e/artifacts/"
CSR_WEB_URL="http://127.0.0.1:$CSR_WEB_PORT" CSR_GATEWAY_URL="http://127.0.0.1:$CSR_GATEWAY_PORT" \
  CSR_MLFLOW_URL="http://127.0.0.1:$CSR_MLFLOW_PORT" \
  CSR_DEMO_KEY="$(<"$CSR_RUN_DIR/demo.key")" CSR_ADMIN_KEY="$(<"$CSR_RUN_DIR/admin.key")" \
  node --test --test-concurrency=1 --test-reporter=spec tests/e2e/run.mjs

say "the hostile-input suite (Schemathesis) against the six services of the same stack"
CSR_GATEWAY_URL="http://127.0.0.1:$CSR_GATEWAY_PORT" CSR_ADMIN_KEY="$(<"$CSR_RUN_DIR/admin.key")" \
  "$ROOT/deploy/local/fuzz.sh"
