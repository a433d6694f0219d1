#!/usr/bin/env bash
# The whole platform on one machine, no Docker: a Kafka broker (KRaft, from Maven Central jars) and every service
# as a JVM process. Run state, logs and data live under .csr/ (git-ignored). Called by ./csr up | down | status.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${CSR_RUN_DIR:-$ROOT/.csr}"
PIDS="$RUN/pids"
LOGS="$RUN/logs"
KAFKA_HOME="$RUN/kafka"

KAFKA_PORT=${CSR_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${CSR_KAFKA_CONTROLLER_PORT:-9093}
GATEWAY_PORT=${CSR_GATEWAY_PORT:-8000}
INGEST_PORT=${CSR_INGEST_PORT:-8081}
FEATURES_PORT=${CSR_FEATURES_PORT:-8082}
SEGMENT_PORT=${CSR_SEGMENT_PORT:-8083}
CHURN_PORT=${CSR_CHURN_PORT:-8084}
LTV_PORT=${CSR_LTV_PORT:-8085}
WEB_PORT=${CSR_WEB_PORT:-3000}
MLFLOW_PORT=${CSR_MLFLOW_PORT:-5000}
S3_PORT=${CSR_S3_PORT:-9000}
FIRESTORE_PORT=${CSR_FIRESTORE_PORT:-8686}
FIRESTORE_JAR=/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar
FIRESTORE_PROJECT=csr-local
S3_IDENTITY=local-identity
S3_CREDENTIAL=local-credential-secret
TENANT=${CSR_DEMO_TENANT:-demo}
SAMPLE=${CSR_SAMPLE:-$ROOT/data/online_retail_ii_2009_2010.csv.gz}
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
SERVICE_HEAP=${CSR_SERVICE_HEAP:--Xmx384m}
# Small footprint: the heap starts small and grows only as needed (the default initial heap is 1/64 of the
# machine's memory), G1 gives memory back when idle (after 30 s without a collection, a full one — 30 to 50 ms on
# these heaps — after which the heap shrinks to 30 % free; the concurrent kind does not shrink it), small thread stacks, and two malloc arenas (RocksDB and Kafka threads otherwise get one
# each). Figures in docs/benchmarks.md.
SERVICE_JVM=${CSR_SERVICE_JVM:--Xms32m -XX:+UseG1GC -XX:G1PeriodicGCInterval=30000 -XX:-G1PeriodicGCInvokesConcurrent -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:ReservedCodeCacheSize=64m}

declare -A PORT=([ingest-service]=$INGEST_PORT [feature-service]=$FEATURES_PORT [segment-service]=$SEGMENT_PORT
                 [churn-service]=$CHURN_PORT [ltv-service]=$LTV_PORT [gateway]=$GATEWAY_PORT)
SERVICES=(ingest-service feature-service segment-service churn-service ltv-service gateway)
# with --replicas N, every service but the gateway runs N instances: instance 2 of a service listens 10 ports above
# instance 1 (feature-service-2 on :8092), and so on
REPLICAS=${CSR_REPLICAS:-1}
SCALED=(ingest-service feature-service segment-service churn-service ltv-service)

say() { printf '[csr %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'csr: %s\n' "$*" >&2; exit 1; }

running() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

wait_for() { # name, seconds, command...
  local name=$1 seconds=$2; shift 2
  local end=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || die "$name did not come up in ${seconds}s; see $LOGS"
    sleep 0.5
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$@"; }

build() {
  local stale=0
  local oldest="$ROOT/tools/cli/target/cli.jar"
  for s in "${SERVICES[@]}"; do
    local artifact="$ROOT/$s/target/quarkus-app/quarkus-run.jar"
    if [[ ! -f $artifact || -n "$(find "$ROOT/$s/src/main" "$ROOT/$s/pom.xml" -newer "$artifact" -print -quit 2>/dev/null)" ]]; then
      stale=1
    elif [[ $artifact -ot $oldest ]]; then
      oldest=$artifact
    fi
  done
  # a library changed since the oldest service (or the CLI) was built
  if [[ ! -f "$ROOT/tools/cli/target/cli.jar" || -n "$(find "$ROOT/libs" "$ROOT/tools" \( -path '*/src/main/*' -o -name pom.xml \) \
      -newer "$oldest" -print -quit 2>/dev/null)" ]]; then
    stale=1
  fi
  if ((stale)); then
    say "building (first run downloads Maven dependencies; a few minutes)"
    mvn -B -q -ntp -f "$ROOT/pom.xml" install -DskipTests >"$LOGS/build.log" 2>&1 || die "build failed; see $LOGS/build.log"
  fi
  if [[ ! -d "$KAFKA_HOME/lib" ]]; then
    say "fetching the Kafka broker jars"
    mvn -B -q -ntp -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_HOME/lib" >"$LOGS/kafka-fetch.log" 2>&1 || die "cannot fetch Kafka; see $LOGS/kafka-fetch.log"
  fi
}

start_kafka() {
  running kafka && { say "kafka already running"; return; }
  local data="$KAFKA_HOME/data"
  cat >"$KAFKA_HOME/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [[ ! -f "$data/meta.properties" ]]; then
    local id
    id=$(java -cp "$KAFKA_HOME/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$KAFKA_HOME/lib/*" kafka.tools.StorageTool format -t "$id" -c "$KAFKA_HOME/server.properties" \
      >"$LOGS/kafka-format.log" 2>&1 || die "cannot format Kafka storage; see $LOGS/kafka-format.log"
  fi
  say "starting kafka on $BOOTSTRAP"
  setsid nohup java -Xmx512m -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$KAFKA_HOME/server.properties" \
    >>"$LOGS/kafka.log" 2>&1 </dev/null &
  echo $! >"$PIDS/kafka.pid"
  wait_for kafka 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$KAFKA_PORT"
  "$ROOT/csr" topics --bootstrap-servers "$BOOTSTRAP" >>"$LOGS/topics.log" 2>&1 || die "cannot create topics; see $LOGS/topics.log"
}

# MLflow tracks every training run: a local server (sqlite, artifacts served through it) from the project's Python
# virtual environment, made on the first up (about a minute, ~850 MB). MLFLOW_TRACKING_URI names a server of your
# own instead; CSR_MLFLOW=off tracks nothing.
start_mlflow() {
  if [[ ${CSR_MLFLOW:-on} == off ]]; then
    say "MLflow off (CSR_MLFLOW=off): training runs are not tracked"; MLFLOW_URI=""; return
  fi
  if [[ -n ${MLFLOW_TRACKING_URI:-} ]]; then
    say "tracking training runs in $MLFLOW_TRACKING_URI"; MLFLOW_URI=$MLFLOW_TRACKING_URI; return
  fi
  MLFLOW_URI="http://127.0.0.1:$MLFLOW_PORT"
  running mlflow && { say "mlflow already running"; return; }
  command -v python3 >/dev/null || { say "python3 not found: MLflow is not started"; MLFLOW_URI=""; return; }
  local venv="$ROOT/.csr/mlflow-venv"
  if [[ ! -x "$venv/bin/mlflow" ]]; then
    say "installing MLflow into $venv (first time only, about a minute)"
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$ROOT/deploy/local/mlflow/requirements.txt"; } \
      >"$LOGS/mlflow-install.log" 2>&1 || die "cannot install MLflow; see $LOGS/mlflow-install.log"
  fi
  ! http_ok "$MLFLOW_URI/health" || die "port $MLFLOW_PORT is taken by another process; set CSR_MLFLOW_PORT"
  mkdir -p "$RUN/mlflow"
  say "starting mlflow on :$MLFLOW_PORT"
  setsid nohup "$venv/bin/mlflow" server --backend-store-uri "sqlite:///$RUN/mlflow/mlflow.db" \
    --artifacts-destination "$RUN/mlflow/artifacts" --serve-artifacts --host 127.0.0.1 --port "$MLFLOW_PORT" \
    --workers 1 >>"$LOGS/mlflow.log" 2>&1 </dev/null &
  echo $! >"$PIDS/mlflow.pid"
}

# With CSR_S3=on the artifact store is S3: S3Proxy on the local disk (its jars fetched once by Maven into
# .csr/s3proxy/lib), bucket csr-artifacts, as Backblaze B2 would be in production. Off by default: a directory.
start_s3() {
  [[ ${CSR_S3:-off} == on ]] || return 0
  running s3proxy && { say "s3proxy already running"; return; }
  local lib="$ROOT/.csr/s3proxy/lib"
  if ! compgen -G "$lib/s3proxy-*.jar" >/dev/null; then
    say "fetching S3Proxy's jars (first time only)"
    mvn -B -q -ntp -f "$ROOT/deploy/local/s3proxy/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" \
      >"$LOGS/s3proxy-install.log" 2>&1 || die "cannot fetch S3Proxy; see $LOGS/s3proxy-install.log"
  fi
  mkdir -p "$RUN/s3proxy/data/csr-artifacts"
  cat >"$RUN/s3proxy/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_IDENTITY
s3proxy.credential=$S3_CREDENTIAL
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$RUN/s3proxy/data
CONF
  say "starting s3proxy on :$S3_PORT (bucket csr-artifacts)"
  setsid nohup java -Xmx256m -Dlogback.configurationFile="$ROOT/deploy/local/s3proxy/logback.xml" -cp "$lib/*" \
    org.gaul.s3proxy.Main --properties "$RUN/s3proxy/s3proxy.conf" >>"$LOGS/s3proxy.log" 2>&1 </dev/null &
  echo $! >"$PIDS/s3proxy.pid"
  wait_for s3proxy 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$S3_PORT"
}

# With CSR_FIRESTORE=on the metadata store is Firestore: Google's emulator (Debian package
# google-cloud-cli-firestore-emulator). The emulator keeps its data in memory: `stack.sh kill firestore` exports it
# to $RUN/firestore first and `stack.sh start firestore` imports it, so an outage loses nothing, as with the real
# service. Off by default: the embedded store in $RUN/metadata.
start_firestore() {
  [[ ${CSR_FIRESTORE:-off} == on ]] || return 0
  running firestore && { say "firestore already running"; return; }
  [[ -f $FIRESTORE_JAR ]] || die "CSR_FIRESTORE=on needs the Firestore emulator (apt-get install google-cloud-cli-firestore-emulator)"
  local import=() saved=""
  [[ ! -d "$RUN/firestore" ]] || saved=$(find "$RUN/firestore" -name '*.overall_export_metadata' | sort | tail -1)
  [[ -z $saved ]] || import=(--import-data="$saved")
  say "starting the firestore emulator on :$FIRESTORE_PORT${saved:+ (with the data it had)}"
  setsid nohup java -Xmx384m -cp "$FIRESTORE_JAR" com.google.cloud.datastore.emulator.firestore.CloudFirestore \
    --host=127.0.0.1 --port="$FIRESTORE_PORT" "${import[@]}" >>"$LOGS/firestore.log" 2>&1 </dev/null &
  echo $! >"$PIDS/firestore.pid"
  wait_for firestore 60 http_ok "http://127.0.0.1:$FIRESTORE_PORT/"
}

# Saves the emulator's documents into $RUN/firestore (the newest export is the one imported at the next start).
export_firestore() {
  rm -rf "$RUN/firestore" && mkdir -p "$RUN/firestore"
  curl -fsS -X POST -H 'Content-Type: application/json' \
    "http://127.0.0.1:$FIRESTORE_PORT/emulator/v1/projects/$FIRESTORE_PROJECT:export" \
    -d "{\"database\":\"projects/$FIRESTORE_PROJECT/databases/(default)\",\"export_directory\":\"$RUN/firestore\"}" \
    >/dev/null || die "cannot export the firestore emulator's data"
}

# The metadata store's settings for the services: the emulator with CSR_FIRESTORE=on, else nothing (embedded).
metadata_env() {
  [[ ${CSR_FIRESTORE:-off} == on ]] && echo "FIRESTORE_EMULATOR_HOST=127.0.0.1:$FIRESTORE_PORT FIRESTORE_PROJECT_ID=$FIRESTORE_PROJECT"
  return 0
}

# The artifact store's settings for the services: S3Proxy's bucket with CSR_S3=on, else the run's directory.
artifact_env() {
  if [[ ${CSR_S3:-off} == on ]]; then
    echo "B2_BUCKET=csr-artifacts B2_ENDPOINT=http://127.0.0.1:$S3_PORT B2_REGION=us-east-1 B2_KEY_ID=$S3_IDENTITY B2_APP_KEY=$S3_CREDENTIAL"
  fi
}

# Ingestion cleans files row by row as they arrive and keeps what it must remember of a file on disk (RocksDB, a
# few tens of megabytes of native memory), so its heap does not grow with a file.
heap() { [[ $1 == ingest-service* ]] && echo "${CSR_INGEST_HEAP:--Xmx256m}" || echo "$SERVICE_HEAP"; }

# Instances of a service: the service itself, then service-2, service-3... when scaled out.
instances() {
  local s=$1 i
  echo "$s"
  if [[ " ${SCALED[*]} " == *" $s "* ]]; then
    for ((i = 2; i <= REPLICAS; i++)); do echo "$s-$i"; done
  fi
}
port_of() { local instance=$1 n=1; [[ $instance =~ -([0-9]+)$ ]] && n=${BASH_REMATCH[1]}; echo $(( ${PORT[${instance%-[0-9]*}]} + 10 * (n - 1) )); }
# every instance's address, comma-separated, as the gateway takes them
urls_of() { local s=$1 list="" i; for i in $(instances "$s"); do list+="${list:+,}http://127.0.0.1:$(port_of "$i")"; done; echo "$list"; }

# The services that do bulk work — cleaning files, folding lines into features — yield the CPU to those answering
# requests: on one machine an export being ingested must not slow /predict (CSR_BULK_NICE, default 10; 0 turns it
# off). In Kubernetes each has CPU requests of its own instead (deploy/k8s).
niceness() {
  case $1 in ingest-service|feature-service) echo "${CSR_BULK_NICE:-10}" ;; *) echo 0 ;; esac
}

# CSR_JFR_DIR=DIR records each service instance with Java Flight Recorder (profile settings) to DIR/INSTANCE.jfr,
# written as it stops: what docs/benchmarks.md's profiles were taken with.
recording() { [[ -n ${CSR_JFR_DIR:-} ]] && echo "-XX:StartFlightRecording=filename=$CSR_JFR_DIR/$1.jfr,settings=profile,dumponexit=true"; return 0; }

start_service() {
  local instance=$1 s=${1%-[0-9]*} port
  port=$(port_of "$instance")
  running "$instance" && { say "$instance already running"; return; }
  say "starting $instance on :$port"
  env $(artifact_env) $(metadata_env) KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" QUARKUS_HTTP_PORT="$port" CSR_GATEWAY_PORT="$GATEWAY_PORT" \
    CSR_ARTIFACTS="$RUN/artifacts" CSR_METADATA="$RUN/metadata" KAFKA_STREAMS_STATE_DIR="$RUN/state/$instance" \
    CSR_INGEST_STATE="$RUN/state/$instance" \
    CSR_ADVERTISED_ADDRESS="127.0.0.1:$port" CSR_INSTANCE_ID="$instance" \
    CSR_INGEST_URL="$(urls_of ingest-service)" CSR_FEATURES_URL="$(urls_of feature-service)" \
    CSR_SEGMENT_URL="$(urls_of segment-service)" CSR_CHURN_URL="$(urls_of churn-service)" \
    CSR_LTV_URL="$(urls_of ltv-service)" $(secrets_of "$s") MLFLOW_TRACKING_URI="$MLFLOW_URI" \
    CSR_ALLOW_PRIVATE_WEBHOOKS="${CSR_ALLOW_PRIVATE_WEBHOOKS:-true}" MALLOC_ARENA_MAX=2 \
    QUARKUS_OTEL_SDK_DISABLED="$([[ ${CSR_OTEL:-on} == off ]] && echo true || echo false)" \
    setsid nohup nice -n "$(niceness "$s")" java $(heap "$s") $SERVICE_JVM $(recording "$instance") -jar "$ROOT/$s/target/quarkus-app/quarkus-run.jar" >>"$LOGS/$instance.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$instance.pid"
}

# The web app: built once (npm ci, next build) and served by Next.js in production mode, talking to the gateway.
start_web() {
  running web && { say "web already running"; return; }
  command -v npm >/dev/null || { say "npm not found: the web app is not started"; return; }
  local web="$ROOT/web"
  if [[ ! -d "$web/node_modules" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
    say "installing the web app's packages (npm ci)"
    (cd "$web" && npm ci --no-audit --no-fund >"$LOGS/web-install.log" 2>&1) || die "npm ci failed; see $LOGS/web-install.log"
  fi
  if [[ ! -f "$web/.next/BUILD_ID" || -n "$(find "$web/app" "$web/components" "$web/lib" "$web/proxy.ts" -newer "$web/.next/BUILD_ID" -print -quit)" ]]; then
    say "building the web app (next build)"
    (cd "$web" && npx next build >"$LOGS/web-build.log" 2>&1) || die "the web build failed; see $LOGS/web-build.log"
  fi
  [[ -s "$RUN/web.secret" ]] || (umask 077; head -c 32 /dev/urandom | base64 | tr -d '=\n' >"$RUN/web.secret")
  ! http_ok "http://127.0.0.1:$WEB_PORT/login" || die "port $WEB_PORT is taken by another process; set CSR_WEB_PORT"
  say "starting web on :$WEB_PORT"
  # the pid is npm's, the leader of the process group setsid made, so down stops npm, next and its server together
  (
    cd "$web" || exit 1
    CSR_GATEWAY_URL="$GATEWAY" CSR_WEB_SECRET="$(<"$RUN/web.secret")" \
      setsid nohup npx next start -p "$WEB_PORT" >"$LOGS/web.log" 2>&1 </dev/null &
    echo $! >"$PIDS/web.pid"
  )
  wait_for web 60 http_ok "http://127.0.0.1:$WEB_PORT/login"
}

# The secrets a service is given, and only it: the admin key the gateway's, the peer key the feature service's.
secrets_of() {
  case $1 in
    gateway) echo "CSR_ADMIN_KEY=$ADMIN_KEY" ;;
    feature-service) echo "CSR_PEER_KEY=$PEER_KEY" ;;
  esac
}

# The key the feature service's instances call each other with: the one kept in .csr/peer.key, or a new one.
peer_key() {
  [[ -s "$RUN/peer.key" ]] && PEER_KEY=$(<"$RUN/peer.key") ||
    PEER_KEY="peer_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  (umask 077; printf '%s\n' "$PEER_KEY" >"$RUN/peer.key")
}

# The operator's key for the gateway's admin API: CSR_ADMIN_KEY, or the one kept in .csr/admin.key, or a new one.
admin_key() {
  if [[ -n ${CSR_ADMIN_KEY:-} ]]; then
    ADMIN_KEY=$CSR_ADMIN_KEY
  elif [[ -s "$RUN/admin.key" ]]; then
    ADMIN_KEY=$(<"$RUN/admin.key")
  else
    ADMIN_KEY="admin_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  fi
  (umask 077; printf '%s\n' "$ADMIN_KEY" >"$RUN/admin.key")
}

# The demo tenant and its key in .csr/demo.key: kept while it still works, else created through the admin API
# (or, when the tenant exists but its key file was lost, a new key issued to it).
demo_tenant() {
  local admin=(-H "Authorization: Bearer $ADMIN_KEY" -H "Content-Type: application/json") answer secret
  if [[ -s "$RUN/demo.key" ]] && http_ok -H "Authorization: Bearer $(<"$RUN/demo.key")" "$GATEWAY/keys"; then
    say "tenant '$TENANT' exists; its key is in $RUN/demo.key"
  else
    answer=$(curl -sS "${admin[@]}" -d "{\"tenant_id\":\"$TENANT\"}" "$GATEWAY/admin/tenants")
    if grep -q '"status":409' <<<"$answer"; then
      answer=$(curl -sS "${admin[@]}" -d '{"label":"demo key"}' "$GATEWAY/admin/tenants/$TENANT/keys")
    fi
    secret=$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' <<<"$answer")
    [[ -n $secret ]] || die "cannot create tenant '$TENANT': $answer"
    (umask 077; printf '%s\n' "$secret" >"$RUN/demo.key")
    say "created tenant '$TENANT'; its API key is in $RUN/demo.key"
  fi
  header=(-H "Authorization: Bearer $(<"$RUN/demo.key")" -H "Content-Type: application/json")
}

up() {
  while (($#)); do
    case $1 in
      --replicas) REPLICAS=${2:?--replicas needs a number}; shift 2 ;;
      *) die "unknown option $1 (up takes --replicas N)" ;;
    esac
  done
  [[ $REPLICAS =~ ^[1-9]$ ]] || die "--replicas takes 1 to 9"
  mkdir -p "$PIDS" "$LOGS" "$KAFKA_HOME" "$RUN/artifacts" "$RUN/state"
  command -v curl >/dev/null || die "curl is needed"
  build
  admin_key
  peer_key
  start_kafka
  start_s3
  start_firestore
  start_mlflow
  [[ -z $MLFLOW_URI ]] || wait_for mlflow 120 http_ok "$MLFLOW_URI/health"
  # two at a time, one per core: all six at once take longer in total, and each of them far longer
  local i
  local all=() s
  for s in "${SERVICES[@]}"; do mapfile -t -O "${#all[@]}" all < <(instances "$s"); done
  for ((i = 0; i < ${#all[@]}; i += 2)); do
    for s in "${all[@]:i:2}"; do start_service "$s"; done
    for s in "${all[@]:i:2}"; do wait_for "$s" 90 http_ok "http://127.0.0.1:$(port_of "$s")/q/health/live"; done
  done
  say "all services live (${#all[@]} instances)"
  demo_tenant
  if [[ ${CSR_WEB:-on} == off ]]; then say "web app off (CSR_WEB=off)"; else start_web; fi
  if [[ ${CSR_LOAD_SAMPLE:-on} == off ]]; then
    say "the stack is up, empty (CSR_LOAD_SAMPLE=off); tenant '$TENANT', key in $RUN/demo.key"
    return
  fi

  say "publishing $(basename "$SAMPLE") to transactions.raw as tenant '$TENANT'"
  local published file_id
  published=$("$ROOT/csr" publish --tenant-id "$TENANT" --data-path "$SAMPLE" --bootstrap-servers "$BOOTSTRAP")
  echo "$published"
  file_id=$(sed -n 's/^published file \([0-9a-f]*\):.*/\1/p' <<<"$published")
  wait_for "ingestion of the sample" 300 http_ok "${header[@]}" "http://127.0.0.1:$INGEST_PORT/files/$file_id"
  local report kept
  report=$(curl -fsS "${header[@]}" "http://127.0.0.1:$INGEST_PORT/files/$file_id")
  echo "$report"
  kept=$(sed -n 's/.*"rows_kept":\([0-9]*\).*/\1/p' <<<"$report")

  # the sample may be in the tenant already, beside other files: wait for the feature service to have read every
  # clean line published so far, not for a line count
  say "waiting for the features of every customer (the sample's $kept lines), then training"
  "$ROOT/csr" await-consumed --group feature-service --topic transactions.clean --bootstrap-servers "$BOOTSTRAP" \
    --timeout 600 || die "the feature service did not read the sample's clean lines within 600 s"
  sleep 1.5
  local dataset
  dataset=$(curl -fsS -X POST "${header[@]}" -d '{}' "http://127.0.0.1:$GATEWAY_PORT/train")
  echo "$dataset"
  local dataset_id
  dataset_id=$(sed -n 's/.*"dataset_id":"\([^"]*\)".*/\1/p' <<<"$dataset")
  wait_for "training" 600 trained "$dataset_id"
  curl -fsS "${header[@]}" "http://127.0.0.1:$GATEWAY_PORT/train/$dataset_id"; echo
  say "models trained on $dataset_id; scoring every customer"
  wait_for "scoring" 300 scored
  cat <<URLS

The platform is up (tenant '$TENANT', API key $(<"$RUN/demo.key") — also in .csr/demo.key):
  web app          http://127.0.0.1:$WEB_PORT   (sign in with the key above)
  gateway API      http://127.0.0.1:$GATEWAY_PORT   (Swagger UI: /q/swagger-ui, OpenAPI: /q/openapi)
  try              curl -H "Authorization: Bearer \$(cat .csr/demo.key)" 'http://127.0.0.1:$GATEWAY_PORT/customers?sort=expected_loss&size=5'
  admin key        .csr/admin.key (POST /admin/tenants creates tenants)
  health           http://127.0.0.1:$GATEWAY_PORT/health
  services         ingest :$INGEST_PORT  features :$FEATURES_PORT  segment :$SEGMENT_PORT  churn :$CHURN_PORT  ltv :$LTV_PORT$( ((REPLICAS > 1)) && echo "  (x$REPLICAS: instance n on port + 10(n-1))")
  kafka            $BOOTSTRAP
  mlflow           ${MLFLOW_URI:-off}   (every training run, linked from the web app's Models page)
  logs             $LOGS
Stop it all with ./csr down
URLS
}

# Settled: every model active, or some kept out by the champion (finished; the reasons are printed).
trained() {
  curl -fsS "${header[@]}" "http://127.0.0.1:$GATEWAY_PORT/train/$1" | grep -q '"status":"\(active\|finished\)"'
}

scored() {
  local total
  total=$(curl -fsS "${header[@]}" "http://127.0.0.1:$GATEWAY_PORT/customers?size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  [[ -n $total && $total -gt 0 && "$total" == "${LAST_TOTAL:-}" ]] && return 0
  LAST_TOTAL=$total; return 1
}

# What runs, in the order to stop it: the web app and the gateway first, every service instance, then MLflow and
# the broker.
recorded() {
  local s
  for s in web gateway; do echo "$s"; done
  for s in "$PIDS"/*.pid; do
    [[ -e $s ]] || continue
    s=$(basename "$s" .pid)
    [[ $s == web || $s == gateway || $s == mlflow || $s == s3proxy || $s == firestore || $s == kafka ]] || echo "$s"
  done
  for s in mlflow s3proxy firestore kafka; do echo "$s"; done
}

down() {
  local stopped=0 s
  # the emulator's documents outlive it (start_firestore imports them), unless --reset removes them below
  if running firestore; then (export_firestore) || say "the firestore emulator's data could not be saved"; fi
  for s in $(recorded); do
    if running "$s"; then
      kill -- "-$(cat "$PIDS/$s.pid")" 2>/dev/null || kill "$(cat "$PIDS/$s.pid")" 2>/dev/null || true
      stopped=1
    fi
  done
  for s in $(recorded); do
    if [[ -f "$PIDS/$s.pid" ]]; then
      local pid; pid=$(cat "$PIDS/$s.pid")
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$PIDS/$s.pid"
      say "stopped $s"
    fi
  done
  ((stopped)) || say "nothing was running"
  if [[ ${1:-} == --reset ]]; then
    rm -rf "$KAFKA_HOME/data" "$RUN/state" "$RUN/artifacts" "$RUN/metadata" "$RUN/firestore" "$RUN/mlflow" "$RUN/s3proxy" "$RUN/demo.key"
    say "removed the broker's data, the services' state, the artifacts, the metadata, the MLflow runs and the demo key: the next up starts from nothing"
  fi
}

status() {
  local s
  for s in $(recorded); do
    if running "$s"; then echo "$s: running (pid $(cat "$PIDS/$s.pid"))"; else echo "$s: stopped"; fi
  done
}

# One part of a running stack, for the fault suite (deploy/local/faults.sh): stop it with a signal (KILL: a crash),
# or start it again with its state.
kill_one() {
  local s=${1:?which?} signal=${2:-TERM} pid
  running "$s" || die "$s is not running"
  pid=$(cat "$PIDS/$s.pid")
  [[ $s != firestore ]] || export_firestore
  kill -s "$signal" -- "-$pid" 2>/dev/null || kill -s "$signal" "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDS/$s.pid"
  say "stopped $s ($signal)"
}

start_one() {
  local s=${1:?which?} n
  mkdir -p "$PIDS" "$LOGS"
  admin_key
  peer_key
  REPLICAS=1
  for n in 2 3 4 5 6 7 8 9; do [[ -f "$PIDS/feature-service-$n.pid" ]] && REPLICAS=$n; done
  if [[ ${CSR_MLFLOW:-on} == off ]]; then MLFLOW_URI=""; else MLFLOW_URI=${MLFLOW_TRACKING_URI:-http://127.0.0.1:$MLFLOW_PORT}; fi
  case $s in
    kafka) start_kafka ;;
    mlflow) start_mlflow; wait_for mlflow 120 http_ok "$MLFLOW_URI/health" ;;
    s3proxy) CSR_S3=on start_s3 ;;
    firestore) CSR_FIRESTORE=on start_firestore ;;
    web) start_web ;;
    *) start_service "$s"; wait_for "$s" 90 http_ok "http://127.0.0.1:$(port_of "$s")/q/health/live" ;;
  esac
}

case "${1:-}" in
  up) shift; up "$@" ;;
  kill) shift; kill_one "$@" ;;
  start) shift; start_one "$@" ;;
  down) shift; down "$@" ;;
  status) shift; status "$@" ;;
  *) die "usage: stack.sh up [--replicas N] | down [--reset] | status | kill INSTANCE [SIGNAL] | start INSTANCE" ;;
esac
