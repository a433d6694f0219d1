#!/usr/bin/env bash
# Ingestion at a retailer's size through the whole stack: for each size (CSR_SCALE_ROWS, default "1M 10M 50M") a
# generated export (./csr generate, cached in .csr/scale-data) is published to transactions.raw on an empty stack of
# its own (.csr/scale, ports +200, no web app, no MLflow), with one and with two instances of every service but the
# gateway (CSR_SCALE_REPLICAS, default "1"). It times publishing, ingestion (the file's report) and the features
# (the feature service has read every clean line), samples each service's resident memory (the peak is printed) and
# the machine's CPU, and checks the report against what the generator says it put in. 20 s into each load another
# tenant uploads a 15-row file through the gateway, and the time to its report is printed. ./csr bench-scale runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { printf '[scale %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
export CSR_RUN_DIR="$ROOT/.csr/scale" CSR_GATEWAY_PORT=8200 CSR_INGEST_PORT=8281 CSR_FEATURES_PORT=8282 \
  CSR_SEGMENT_PORT=8283 CSR_CHURN_PORT=8284 CSR_LTV_PORT=8285 CSR_KAFKA_PORT=9292 CSR_KAFKA_CONTROLLER_PORT=9293 \
  CSR_WEB=off CSR_MLFLOW=off CSR_LOAD_SAMPLE=off
unset CSR_ADMIN_KEY MLFLOW_TRACKING_URI
STACK="$ROOT/deploy/local/stack.sh"
DATA="$ROOT/.csr/scale-data"
BOOTSTRAP="127.0.0.1:$CSR_KAFKA_PORT"
trap '"$STACK" down --reset >/dev/null 2>&1 || true; kill "${SAMPLER:-0}" 2>/dev/null || true' EXIT

# busy and total jiffies of all cores since boot
cpu() { awk '/^cpu /{busy=$2+$3+$4+$7+$8; total=busy+$5+$6; print busy, total}' /proc/stat; }

# customers for about N rows over two years (the generator gives ~160 rows a customer)
customers_for() {
  local n=${1%[MmKk]} unit=${1: -1}
  case $unit in M|m) echo $(( n * 1000000 / 160 )) ;; K|k) echo $(( n * 1000 / 160 )) ;; *) echo $(( $1 / 160 )) ;; esac
}

# the export of a size, generated once: its file and the generator's accounting beside it
export_of() {
  local size=$1 file="$DATA/retail-$1.csv.gz"
  mkdir -p "$DATA"
  if [[ ! -f $file || ! -f $file.json ]]; then
    say "generating about $size rows ($(customers_for "$size") customers, 2 years)" >&2
    "$ROOT/csr" generate --customers "$(customers_for "$size")" --years 2 --seed 15 --out "$file" >"$file.json"
  fi
  echo "$file"
}

# every second, each service instance's resident memory; the peak per instance in $1
sample_memory() {
  local out=$1 f pid rss
  declare -A peak
  while true; do
    for f in "$CSR_RUN_DIR"/pids/*.pid; do
      pid=$(<"$f") || continue
      rss=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null) || continue
      [[ -n $rss ]] || continue
      local name; name=$(basename "$f" .pid)
      (( rss > ${peak[$name]:-0} )) && peak[$name]=$rss
    done
    for name in "${!peak[@]}"; do echo "$name $(( peak[$name] / 1024 ))"; done | sort >"$out.tmp" && mv "$out.tmp" "$out"
    sleep 1
  done
}

# 20 s into the load, another tenant uploads the 15-row fixture through the gateway: prints how long its report took
small_upload_during_load() {
  local admin secret answer id t0 t1
  admin=$(<"$CSR_RUN_DIR/admin.key")
  secret=$(curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"tenant_id":"small-shop"}' "http://127.0.0.1:$CSR_GATEWAY_PORT/admin/tenants" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"]["secret"])') || return 1
  sleep 20
  t0=$(now)
  answer=$(curl -fsS -H "Authorization: Bearer $secret" -F "file=@$ROOT/core/src/test/resources/files/tiny.csv" \
    -F as_of=2010-01-31 "http://127.0.0.1:$CSR_GATEWAY_PORT/files") || return 1
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["file_id"])' "$answer")
  until curl -fsS -H "Authorization: Bearer $secret" "http://127.0.0.1:$CSR_GATEWAY_PORT/files/$id" 2>/dev/null |
      grep -q '"status":"completed"'; do
    sleep 0.2
    (( $(python3 -c "print(int($(now) - $t0))") < 600 )) || { echo "no report after 600 s"; return 0; }
  done
  t1=$(now)
  python3 -c "print(f'another tenant uploaded 15 rows 20 s into the load: its report came {$t1 - $t0:.1f} s later')"
}

# CPU seconds each service instance has used since it started (user + system)
cpu_by_service() {
  local f pid ticks; ticks=$(getconf CLK_TCK)
  for f in "$CSR_RUN_DIR"/pids/*.pid; do
    pid=$(<"$f") || continue
    awk -v n="$(basename "$f" .pid)" -v t="$ticks" '{printf "%s %.0f\n", n, ($14 + $15) / t}' "/proc/$pid/stat" 2>/dev/null
  done | sort
}

run() {
  local size=$1 replicas=$2 file key header t0 t1 t2 t3 report c0 c3
  file=$(export_of "$size")
  "$STACK" down --reset >/dev/null 2>&1 || true
  say "$size rows, $replicas instance(s) of each service: starting an empty stack"
  "$STACK" up --replicas "$replicas" >"$ROOT/.csr/scale-up.log" 2>&1 || { tail -20 "$ROOT/.csr/scale-up.log"; exit 1; }
  key=$(<"$CSR_RUN_DIR/demo.key")
  header=(-H "Authorization: Bearer $key")
  sleep 10 # let every instance settle into its group before the load
  sample_memory "$ROOT/.csr/scale-rss" & SAMPLER=$!
  c0=$(cpu); t0=$(now)
  local published file_id small
  "$ROOT/csr" publish --tenant-id demo --data-path "$file" --bootstrap-servers "$BOOTSTRAP" >"$ROOT/.csr/scale-published" &
  local publisher=$!
  # another tenant's small upload while the big file is on its way in: its report must not wait for the big file
  small=$(small_upload_during_load) || small="the small upload of another tenant failed: $small"
  wait "$publisher"
  published=$(<"$ROOT/.csr/scale-published")
  t1=$(now)
  file_id=$(sed -n 's/^published file \([0-9a-f]*\):.*/\1/p' <<<"$published")
  until report=$(curl -fsS "${header[@]}" "http://127.0.0.1:$CSR_INGEST_PORT/files/$file_id" 2>/dev/null); do sleep 0.5; done
  t2=$(now)
  "$ROOT/csr" await-consumed --group feature-service --topic transactions.clean --bootstrap-servers "$BOOTSTRAP" \
    --timeout 7200 >/dev/null
  t3=$(now); c3=$(cpu)
  cpu_by_service >"$ROOT/.csr/scale-cpu"
  sleep 1.5; kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
  echo "  $small"
  python3 - "$report" "$file.json" "$replicas" "$t0" "$t1" "$t2" "$t3" "$c0" "$c3" "$ROOT/.csr/scale-rss" <<'PY'
import json, sys
report, expected = json.loads(sys.argv[1]), json.load(open(sys.argv[2]))
n, (t0, t1, t2, t3) = int(sys.argv[3]), map(float, sys.argv[4:8])
c0, c3 = (tuple(map(int, a.split())) for a in sys.argv[8:10])
rows = report["rows_read"]
rejected = {k: v for k, v in report["rejected"].items() if v}
want = {k: v for k, v in expected["rejected"].items() if v}
ok = (rows == expected["rows"] and report["rows_kept"] == expected["rows_kept"] and rejected == want
      and rows == report["rows_kept"] + sum(rejected.values()))
print(f'  report {report["status"]}: read {rows:,} = kept {report["rows_kept"]:,} + rejected {sum(rejected.values()):,}'
      f' — {"exactly what the generator put in" if ok else "NOT what the generator put in: report " + json.dumps(rejected) + ", generator " + json.dumps(want)}')
busy = 100.0 * (c3[0] - c0[0]) / max(1, c3[1] - c0[1])
print(f"  {n} instance(s): published in {t1 - t0:7.1f} s ({rows / (t1 - t0):9,.0f} rows/s); report {t2 - t0:7.1f} s"
      f" after publishing began ({rows / (t2 - t0):9,.0f} rows/s); every clean line read by the features"
      f" {t3 - t0:7.1f} s ({rows / (t3 - t0):9,.0f} rows/s); CPU {busy:3.0f} % of the cores")
peaks = [line.split() for line in open(sys.argv[10])]
print("  peak resident memory (MB): " + ", ".join(f"{name} {mb}" for name, mb in peaks))
cpu = [line.split() for line in open(sys.argv[10].replace("scale-rss", "scale-cpu"))]
print("  CPU seconds used since start: " + ", ".join(f"{name} {s}" for name, s in cpu))
sys.exit(0 if ok else 1)
PY
}

for size in ${CSR_SCALE_ROWS:-1M 10M 50M}; do
  for n in ${CSR_SCALE_REPLICAS:-1}; do run "$size" "$n"; done
done
