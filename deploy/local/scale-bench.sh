#!/usr/bin/env bash
# Ingestion of the sample through the whole stack with one and with two instances of every service but the gateway:
# each run starts an empty stack of its own (.csr/scale, ports +200, no web app, no MLflow), publishes the sample to
# transactions.raw and times (1) ingestion: every row read, cleaned and its report written, and (2) features: every
# kept line in the feature service's state. It samples the machine's CPU use meanwhile (/proc/stat). Prints figures;
# asserts only that the counts add up. ./csr bench-scale runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { printf '[scale %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
export CSR_RUN_DIR="$ROOT/.csr/scale" CSR_GATEWAY_PORT=8200 CSR_INGEST_PORT=8281 CSR_FEATURES_PORT=8282 \
  CSR_SEGMENT_PORT=8283 CSR_CHURN_PORT=8284 CSR_LTV_PORT=8285 CSR_KAFKA_PORT=9292 CSR_KAFKA_CONTROLLER_PORT=9293 \
  CSR_WEB=off CSR_MLFLOW=off CSR_LOAD_SAMPLE=off
unset CSR_ADMIN_KEY MLFLOW_TRACKING_URI
SAMPLE=${CSR_SAMPLE:-$ROOT/data/online_retail_ii_2009_2010.csv.gz}
STACK="$ROOT/deploy/local/stack.sh"
trap '"$STACK" down --reset >/dev/null 2>&1 || true' EXIT

# busy and total jiffies of all cores since boot
cpu() { awk '/^cpu /{busy=$2+$3+$4+$7+$8; total=busy+$5+$6; print busy, total}' /proc/stat; }

run() {
  local replicas=$1 key header t0 t1 t2 report kept c0 c1 c2
  "$STACK" down --reset >/dev/null 2>&1 || true
  say "starting an empty stack with $replicas instance(s) of each service"
  "$STACK" up --replicas "$replicas" >"$ROOT/.csr/scale-up.log" 2>&1 || { tail -20 "$ROOT/.csr/scale-up.log"; exit 1; }
  key=$(<"$CSR_RUN_DIR/demo.key")
  header=(-H "Authorization: Bearer $key")
  sleep 10 # let every instance settle into its group before the load
  c0=$(cpu); t0=$(now)
  local published file_id
  published=$("$ROOT/csr" publish --tenant-id demo --data-path "$SAMPLE" --bootstrap-servers "127.0.0.1:$CSR_KAFKA_PORT" 2>/dev/null)
  file_id=$(sed -n 's/^published file \([0-9a-f]*\):.*/\1/p' <<<"$published")
  until report=$(curl -fsS "${header[@]}" "http://127.0.0.1:$CSR_INGEST_PORT/files/$file_id" 2>/dev/null); do sleep 0.2; done
  t1=$(now); c1=$(cpu)
  kept=$(sed -n 's/.*"rows_kept":\([0-9]*\).*/\1/p' <<<"$report")
  python3 - "$report" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
rejected = sum(r["rejected"].values())
assert r["rows_read"] == r["rows_kept"] + rejected, r
print(f'  rows read {r["rows_read"]:,} = kept {r["rows_kept"]:,} + rejected {rejected:,}')
PY
  until curl -fsS "${header[@]}" "http://127.0.0.1:$CSR_FEATURES_PORT/tenants/current/clock" 2>/dev/null \
      | grep -q "\"lines\":$kept[,}]"; do sleep 0.2; done
  t2=$(now); c2=$(cpu)
  python3 - "$replicas" "$t0" "$t1" "$t2" "$c0" "$c1" "$c2" <<'PY'
import sys
n, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:5])
c0, c1, c2 = (tuple(map(int, a.split())) for a in sys.argv[5:8])
def busy(a, b): return 100.0 * (b[0] - a[0]) / max(1, b[1] - a[1])
rows = 525_461
print(f"  {n} instance(s): ingested in {t1 - t0:6.1f} s ({rows / (t1 - t0):8,.0f} rows/s, CPU {busy(c0, c1):3.0f} % of 2 cores); "
      f"every line in the features {t2 - t0:6.1f} s after publishing began ({rows / (t2 - t0):8,.0f} rows/s, CPU {busy(c0, c2):3.0f} %)")
PY
}

for n in ${CSR_SCALE_REPLICAS:-1 2}; do run "$n"; done
