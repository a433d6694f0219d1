#!/usr/bin/env bash
# Figures of the running stack (./csr up first): service start-up time and idle memory, /predict latency at
# constant rates (vegeta, installed with `go install` into .csr/tools), and a new transaction's time to be visible
# through the gateway. Prints figures; asserts nothing. ./csr bench-stack runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="$ROOT/.csr"
GATEWAY="http://127.0.0.1:${CSR_GATEWAY_PORT:-8000}"
[[ -s "$RUN/demo.key" ]] || { echo "no demo key in $RUN/demo.key: ./csr up first" >&2; exit 1; }
KEY=$(<"$RUN/demo.key")
DURATION=${CSR_BENCH_DURATION:-20s}
RATES=${CSR_BENCH_RATES:-"100 300 600 1000 1500"}
VEGETA="$RUN/tools/vegeta"

[[ -x $VEGETA ]] || GOBIN="$RUN/tools" go install github.com/tsenart/vegeta/v12@v12.13.0
curl -fsS "$GATEWAY/health" >/dev/null || { echo "the stack is not up: ./csr up" >&2; exit 1; }

echo "== services: start-up (Quarkus' own figure) and resident memory now"
for s in ingest-service feature-service segment-service churn-service ltv-service gateway; do
  started=$(grep -o 'started in [0-9.]*s' "$RUN/logs/$s.log" | tail -1 || true)
  rss=$(ps -o rss= -p "$(cat "$RUN/pids/$s.pid")" | awk '{printf "%.0f MB", $1/1024}')
  printf '  %-16s %-18s RSS %s\n' "$s" "${started:-?}" "$rss"
done

body='{"customer_id": 13085, "features": {"recency_days": 10, "frequency": 5, "monetary": 500, "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20, "purchase_span_days": 80}}'
printf '%s' "$body" >"$RUN/tools/predict.json"
target="POST $GATEWAY/predict
Content-Type: application/json
Authorization: Bearer $KEY
@$RUN/tools/predict.json"

echo "== POST /predict at constant rates, $DURATION each (warm-up 10 s at 200/s first)"
echo "$target" | "$VEGETA" attack -rate=200/s -duration=10s >/dev/null
for rate in $RATES; do
  echo "$target" | "$VEGETA" attack -rate="$rate/s" -duration="$DURATION" | "$VEGETA" report -type=json |
    python3 -c "import json,sys; r=json.load(sys.stdin); l=r['latencies']; print(f'  {r[\"rate\"]:7.0f}/s  p50 {l[\"50th\"]/1e6:6.2f} ms  p99 {l[\"99th\"]/1e6:7.2f} ms  max {l[\"max\"]/1e6:7.1f} ms  success {r[\"success\"]*100:5.1f}%  errors {len(r.get(\"errors\") or [])}')"
done
