#!/usr/bin/env bash
# What each service ships and how fast it starts: the jars of its target/quarkus-app/lib (count, MB, and the heavy
# ones it should not carry: XGBoost, Tribuo, Scala, the MLflow client, SQLite, Firestore/gRPC, the AWS SDK), then
# its start-up alone (Quarkus' own "started in" figure, median of CSR_FOOTPRINT_RUNS, default 3) against the broker
# at CSR_KAFKA. Without CSR_KAFKA the broker address is a closed port: the ingest and feature services and the
# gateway start without a broker, the model services do not (their transactional producer waits for one) and are
# reported as such. Prints figures for docs/benchmarks.md;
# asserts nothing. `./csr bench-footprint [ROOT]` runs it on this checkout or on another built one (e.g. an older
# commit in a git worktree, for a before/after).
set -euo pipefail
ROOT="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../..}" && pwd)"
RUNS=${CSR_FOOTPRINT_RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

heavy() {
  local lib=$1 name found=()
  for name in xgboost4j tribuo scala-compiler mlflow-client sqlite-jdbc google-cloud-firestore grpc-core s3-2; do
    compgen -G "$lib/main/*$name*" >/dev/null && found+=("${name%-2}")
  done
  echo "${found[*]:-none}"
}

started() {
  local service=$1 port log pid seconds
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log="$WORK/$service.log"
  mkdir -p "$WORK/$service"
  (cd "$WORK/$service" && KAFKA_BOOTSTRAP_SERVERS=${CSR_KAFKA:-127.0.0.1:1} QUARKUS_HTTP_PORT=$port \
    CSR_METADATA="$WORK/$service/metadata" CSR_ARTIFACTS="$WORK/$service/artifacts" \
    KAFKA_STREAMS_STATE_DIR="$WORK/$service/state" CSR_INGEST_STATE="$WORK/$service/state" \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false exec java -Xmx384m -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar") \
    >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    seconds=$(grep -o 'started in [0-9.]*s' "$log" | head -1 | grep -o '[0-9.]*' || true)
    [[ -n $seconds ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "${seconds:-?}"
}

echo "== $ROOT ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
printf '  %-16s %6s %8s  %-20s %s\n' service jars MB "start-up (s)" "heavy jars"
for service in ingest-service feature-service segment-service churn-service ltv-service gateway; do
  lib="$ROOT/$service/target/quarkus-app/lib"
  [[ -d $lib ]] || { printf '  %-16s not built (mvn -B install -DskipTests)\n' "$service"; continue; }
  jars=$(find "$lib" -name '*.jar' | wc -l)
  mb=$(du -sm "$lib" | cut -f1)
  if [[ -z ${CSR_KAFKA:-} && $service =~ ^(segment|churn|ltv)- ]]; then
    printf '  %-16s %6s %8s  %-20s %s\n' "$service" "$jars" "$mb" "needs CSR_KAFKA" "$(heavy "$lib")"
    continue
  fi
  times=()
  for _ in $(seq 1 "$RUNS"); do times+=("$(started "$service")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '  %-16s %6s %8s  %-20s %s\n' "$service" "$jars" "$mb" "$median (${times[*]})" "$(heavy "$lib")"
done
