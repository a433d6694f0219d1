#!/usr/bin/env bash
# Ingestion at a retailer's size through the whole stack: for each size (CSR_SCALE_ROWS, default "1M 10M 50M") a
# generated export (./csr generate, cached in .csr/scale-data) is published to transactions.raw on an empty stack of
# its own (.csr/scale, ports +200, no web app, no MLflow), with one and with two instances of every service but the
# gateway (CSR_SCALE_REPLICAS, default "1"). It times publishing, ingestion (the file's report) and the features
# (the feature service has read every clean line), samples each service's resident memory (the peak is printed) and
# the machine's CPU, and checks the report against what the generator says it put in. 20 s into each load another
# tenant uploads a 15-row file through the gateway, and the time to its report is printed. Then (unless
# CSR_SCALE_TRAIN=off) the tenant trains: time to its models being active and to every customer scored; then
# POST /predict at 300/s settled, and again while another tenant's 1M-row export ingests (vegeta, p50/p99/max).
# CSR_SCALE_GROW=on then adds a second ingest and feature instance to the running stack and times its joining;
# CSR_SCALE_SHRINK=on then stops the second instances (started by the growth step, or CSR_SCALE_REPLICAS=2) and
# times the first instance's tenant-wide reads until they answer again.
# ./csr bench-scale runs it.
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
# CSR_SCALE_KEEP=1 leaves the last stack running, to look into it (./csr down with CSR_RUN_DIR=.csr/scale stops it)
trap '[[ ${CSR_SCALE_KEEP:-} == 1 ]] || "$STACK" down --reset >/dev/null 2>&1 || true; kill "${SAMPLER:-0}" 2>/dev/null || true' EXIT

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
  answer=$(curl -fsS -H "Authorization: Bearer $secret" -F "file=@$ROOT/libs/domain/src/test/resources/files/tiny.csv" \
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

VEGETA="$ROOT/.csr/tools/vegeta"

# vegeta's target: POST /predict of one customer with their features, under the tenant's key
predict_target() {
  [[ -x $VEGETA ]] || GOBIN="$ROOT/.csr/tools" go install github.com/tsenart/vegeta/v12@v12.13.0
  printf '%s' '{"customer_id": 13085, "features": {"recency_days": 10, "frequency": 5, "monetary": 500, "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20, "purchase_span_days": 80}}' \
    >"$CSR_RUN_DIR/predict.json"
  printf 'POST http://127.0.0.1:%s/predict\nContent-Type: application/json\nAuthorization: Bearer %s\n@%s\n' \
    "$CSR_GATEWAY_PORT" "$(<"$CSR_RUN_DIR/demo.key")" "$CSR_RUN_DIR/predict.json"
}

# POST /predict at $1 requests/s for $2 (vegeta): one line with p50, p99, max, the share answered 200 and the share
# whose three parts (segment, churn, LTV) were all available: a 200 with a part missing is a miss, not a success
predict_at() {
  local rate=$1 duration=$2
  predict_target |
    "$VEGETA" attack -rate="$rate/s" -duration="$duration" >"$CSR_RUN_DIR/predict.bin"
  "$VEGETA" encode <"$CSR_RUN_DIR/predict.bin" | python3 -c "
import base64, json, sys
whole = 0
for line in sys.stdin:
    body = base64.b64decode(json.loads(line).get('body') or b'')
    try:
        answer = json.loads(body)
        whole += all(answer[part]['available'] for part in ('segment', 'churn', 'ltv'))
    except (ValueError, KeyError, TypeError):
        pass
print(whole)" >"$CSR_RUN_DIR/predict.whole"
  "$VEGETA" report -type=json <"$CSR_RUN_DIR/predict.bin" |
    python3 -c "import json,sys; r=json.load(sys.stdin); l=r['latencies']; w=int(open(sys.argv[1]).read()); print(f'{r[\"rate\"]:5.0f}/s: p50 {l[\"50th\"]/1e6:6.2f} ms, p99 {l[\"99th\"]/1e6:7.2f} ms, max {l[\"max\"]/1e6:7.1f} ms, {r[\"success\"]*100:5.1f} % answered 200, {100*w/max(1,r[\"requests\"]):5.1f} % with all three parts')" "$CSR_RUN_DIR/predict.whole"
}

# Warms the gateway and the model services for $1 with as many /predict as two callers at a time get answered
# (a closed loop): after a large load their serving code is not compiled yet, and 300/s against cold services
# (5-10x the CPU a request costs warm) times calls out, opens the circuit breakers and keeps them cold
warm_up() {
  predict_target |
    "$VEGETA" attack -rate=0 -max-workers=2 -duration="$1" | "$VEGETA" report -type=json |
    python3 -c "import json,sys; r=json.load(sys.stdin); print(f'  warm-up, two callers for $1: {r[\"throughput\"]:.0f} answers/s')"
}

# waits (at most 180 s) until the machine's cores are less than a third busy over 5 s: the load has settled
quiet_machine() {
  local busy0 total0 busy1 total1 busy i
  for ((i = 0; i < 36; i++)); do
    read -r busy0 total0 < <(cpu); sleep 5; read -r busy1 total1 < <(cpu)
    busy=$(( 100 * (busy1 - busy0) / (total1 - total0 > 0 ? total1 - total0 : 1) ))
    ((busy < 33)) && { echo "  the machine settled ($busy % busy over 5 s) $((i * 5 + 5)) s after scoring"; return; }
  done
  echo "  the machine was still busy ($busy %) 180 s after scoring"
}

# every customer the gateway lists, once the count has held for two polls 2 s apart
scored_customers() {
  local key total last=""
  key=$(<"$CSR_RUN_DIR/demo.key")
  while true; do
    total=$(curl -fsS -H "Authorization: Bearer $key" "http://127.0.0.1:$CSR_GATEWAY_PORT/customers?size=1" 2>/dev/null |
      sed -n 's/.*"total":\([0-9]*\).*/\1/p') || total=""
    [[ -n $total && $total -gt 0 && $total == "$last" ]] && { echo "$total"; return; }
    last=$total; sleep 2
  done
}

# After the load: a training of the tenant timed to its models being active and to every customer scored; then
# /predict at 300/s settled, and again while another tenant's 1M-row export ingests (CSR_SCALE_TRAIN=off skips it)
train_then_predict() {
  local key dataset id t0 t1 t2 customers admin secret other published
  key=$(<"$CSR_RUN_DIR/demo.key")
  t0=$(now)
  dataset=$(curl -fsS -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$CSR_GATEWAY_PORT/train") || { echo "  POST /train failed"; return 1; }
  id=$(sed -n 's/.*"dataset_id":"\([^"]*\)".*/\1/p' <<<"$dataset")
  until curl -fsS -H "Authorization: Bearer $key" "http://127.0.0.1:$CSR_GATEWAY_PORT/train/$id" 2>/dev/null |
      grep -q '"status":"\(active\|finished\)"'; do sleep 1; done
  t1=$(now)
  customers=$(scored_customers)
  t2=$(now)
  python3 -c "print(f'  training set, three models trained and active: {$t1 - $t0:.1f} s; every customer scored ($customers): {$t2 - $t0:.1f} s after POST /train')"
  quiet_machine
  warm_up 90s
  echo "  /predict settled, $(predict_at 300 20s)"
  admin=$(<"$CSR_RUN_DIR/admin.key")
  curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"tenant_id":"second-shop"}' \
    "http://127.0.0.1:$CSR_GATEWAY_PORT/admin/tenants" >/dev/null || { echo "  could not create second-shop"; return 1; }
  other=$(export_of 1M)
  "$ROOT/csr" publish --tenant-id second-shop --data-path "$other" --bootstrap-servers "$BOOTSTRAP" \
    >"$ROOT/.csr/scale-published-2" &
  published=$!
  sleep 5
  echo "  /predict while another tenant's 1M-row export ingests, $(predict_at 300 30s)"
  wait "$published"
}

# status codes of a tenant-wide read of the feature service (its clock) on instance 1 and instance 2, once
tenant_reads() {
  local key=$1 port
  for port in "$CSR_FEATURES_PORT" $((CSR_FEATURES_PORT + 10)); do
    curl -s -o /dev/null -w '%{http_code} ' --max-time 5 -H "Authorization: Bearer $key" \
      "http://127.0.0.1:$port/tenants/current/clock" || true
  done
}

# CSR_SCALE_GROW=on: after the load, a second instance of the ingest and feature services joins the running stack;
# times it to live, to its first answer of a tenant-wide read, and counts the reads (both instances, every 0.5 s
# for 150 s: two probing rebalances) that were not 200
grow() {
  local key t0 t_live="" t_first="" t_last_bad="" n=0 bad=0 codes code i statuses=""
  key=$(<"$CSR_RUN_DIR/demo.key")
  t0=$(now)
  "$STACK" start ingest-service-2 >/dev/null 2>&1 &
  "$STACK" start feature-service-2 >/dev/null 2>&1 &
  while python3 -c "import sys; sys.exit(0 if $(now) - $t0 < 150 else 1)"; do
    codes=$(tenant_reads "$key")
    i=0
    for code in $codes; do
      i=$((i + 1))
      if (( i == 2 )) && [[ -z $t_live && $code != 000 ]]; then t_live=$(python3 -c "print($(now) - $t0)"); fi
      [[ $i == 2 && $code == 000 ]] && continue # instance 2 not listening yet
      n=$((n + 1))
      if [[ $code == 200 ]]; then
        (( i == 2 )) && [[ -z $t_first ]] && t_first=$(python3 -c "print($(now) - $t0)")
      else
        bad=$((bad + 1)); t_last_bad=$(python3 -c "print($(now) - $t0)"); statuses+="${statuses:+,}$code"
      fi
    done
    sleep 0.5
  done
  wait
  python3 - "${t_live:-nan}" "${t_first:-nan}" "$bad" "$n" "${t_last_bad:-nan}" "$statuses" <<'PY'
import collections, sys
live, first, bad, n, last, statuses = sys.argv[1:]
codes = collections.Counter(c for c in statuses.split(",") if c)
print(f"  a second ingest and feature instance joined: listening {float(live):.1f} s after its start, its first 200"
      f" to a tenant-wide read {float(first):.1f} s; {bad} of {n} tenant-wide reads (both instances, 150 s) not 200,"
      f" the last {float(last):.1f} s after the start" + (" (" + ", ".join(f"{c} x{k}" for c, k in sorted(codes.items())) + ")" if codes else ""))
PY
}

# CSR_SCALE_SHRINK=on: after the load (and the growth step, if any), the second ingest and feature instances are
# stopped (TERM, as Kubernetes stops a pod); every half second for 120 s the first feature instance is asked for the
# tenant's clock, a tenant-wide read that needs every partition's active task. Times the last read that was not 200
shrink() {
  local key t0 n=0 bad=0 code t_last_bad="" statuses=""
  key=$(<"$CSR_RUN_DIR/demo.key")
  [[ -f $CSR_RUN_DIR/pids/feature-service-2.pid ]] || { echo "  no second instance to stop"; return; }
  t0=$(now)
  "$STACK" kill ingest-service-2 TERM >/dev/null 2>&1 &
  "$STACK" kill feature-service-2 TERM >/dev/null 2>&1 &
  while python3 -c "import sys; sys.exit(0 if $(now) - $t0 < 120 else 1)"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $key" \
      "http://127.0.0.1:$CSR_FEATURES_PORT/tenants/current/clock" || true)
    n=$((n + 1))
    [[ $code == 200 ]] || { bad=$((bad + 1)); t_last_bad=$(python3 -c "print($(now) - $t0)"); statuses+="${statuses:+,}$code"; }
    sleep 0.5
  done
  wait
  python3 - "$bad" "$n" "${t_last_bad:-nan}" "$statuses" <<'PY'
import collections, sys
bad, n, last, statuses = sys.argv[1:]
codes = collections.Counter(c for c in statuses.split(",") if c)
print(f"  the second ingest and feature instances stopped: {bad} of {n} tenant-wide reads of the first instance (120 s)"
      f" not 200, the last {float(last):.1f} s after the stop" + (" (" + ", ".join(f"{c} x{k}" for c, k in sorted(codes.items())) + ")" if codes else ""))
PY
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
  [[ ${CSR_SCALE_TRAIN:-on} == off ]] || train_then_predict
  [[ ${CSR_SCALE_GROW:-off} == off || $replicas != 1 ]] || grow
  [[ ${CSR_SCALE_SHRINK:-off} == off ]] || shrink
}

for size in ${CSR_SCALE_ROWS:-1M 10M 50M}; do
  for n in ${CSR_SCALE_REPLICAS:-1}; do run "$size" "$n"; done
done
