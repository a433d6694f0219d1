#!/usr/bin/env bash
# Validates the deployment files offline, and exits non-zero on any invalid one (called by ./csr test):
#   - renders the Kustomize base and both overlays with kustomize (built with Go from its module), then checks every
#     rendered object, and every manifest file of the base and the overlays as written, against the Kubernetes JSON
#     schemas (kubernetes-validate from PyPI, strict: unknown fields are errors) — Strimzi's Kafka, KafkaNodePool and
#     KafkaTopic against the CRD schemas Strimzi's own generator makes from its API jar (Maven Central, Java 21+);
#   - checks that the topics (KafkaTopics and compose's kafka-topics service) are the contracts' Topics,
#     compacted where it says;
#   - loads deploy/compose/compose.yaml with compose-go, the Compose Specification's loader (schema, interpolation,
#     consistency), as `docker compose config` would.
# Tools are installed on first use under .csr/tools (git-ignored): Go module and build caches, a Python venv, the
# Strimzi jars and generated CRDs. No cluster, no Docker, no network beyond the package registries on the first run.
#
# usage: deploy/validate.sh [DEPLOY_DIR]   (DEPLOY_DIR: a copy of deploy/ to check instead; tools stay in .csr/tools)
# CSR_VALIDATE_SKIP_CRDS=1 skips the Strimzi kinds (say so loudly) where no Java 21+ is to be had.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
DEPLOY="$(cd "${1:-$HERE}" && pwd)"
TOOLS="${CSR_TOOLS_DIR:-$ROOT/.csr/tools}"
KUSTOMIZE_VERSION=v5.8.2          # the newest kustomize that builds with Go 1.26 (v5.8.3 needs Go 1.27)
KUBERNETES_VERSIONS=1.30.0,1.37.0 # the oldest Kubernetes the manifests claim (HPA v2, seccompProfile) and the newest
TOPICS_JAVA="$ROOT/libs/contracts/src/main/java/com/csr/contracts/events/Topics.java"
START=$SECONDS

say() { printf '[validate %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'validate: %s\n' "$*" >&2; exit 1; }

mkdir -p "$TOOLS/bin" "$TOOLS/logs"
export GOPATH="$TOOLS/go" GOMODCACHE="$TOOLS/go/mod" GOCACHE="$TOOLS/go/cache" GOFLAGS=-modcacherw GOTOOLCHAIN=local

# --- tools ---------------------------------------------------------------------------------------------------------
command -v go >/dev/null || die "Go is needed (kustomize and compose-go are built from their modules)"
command -v python3 >/dev/null || die "python3 is needed (kubernetes-validate)"

KUSTOMIZE="$TOOLS/bin/kustomize"
if [[ "$("$KUSTOMIZE" version 2>/dev/null)" != "$KUSTOMIZE_VERSION" ]]; then
  say "building kustomize $KUSTOMIZE_VERSION from its Go module (first time only, about a minute)"
  GOBIN="$TOOLS/bin" go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >"$TOOLS/logs/kustomize.log" 2>&1 \
    || { tail -20 "$TOOLS/logs/kustomize.log"; die "cannot build kustomize"; }
fi

COMPOSECHECK="$TOOLS/bin/composecheck"
if [[ ! -x $COMPOSECHECK || -n "$(find "$HERE/validate/composecheck" -newer "$COMPOSECHECK" -type f -print -quit)" ]]; then
  say "building composecheck (compose-go $(awk '/compose-go/ {print $NF; exit}' "$HERE/validate/composecheck/go.mod"))"
  (cd "$HERE/validate/composecheck" && go build -o "$COMPOSECHECK" .) >"$TOOLS/logs/composecheck.log" 2>&1 \
    || { tail -20 "$TOOLS/logs/composecheck.log"; die "cannot build composecheck"; }
fi

VENV="$TOOLS/venv"
REQUIREMENTS="$HERE/validate/requirements.txt"
if [[ ! -x $VENV/bin/python || "$(cat "$VENV/.requirements" 2>/dev/null)" != "$(cat "$REQUIREMENTS")" ]]; then
  say "installing kubernetes-validate into $VENV (first time only)"
  { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQUIREMENTS"; } \
    >"$TOOLS/logs/venv.log" 2>&1 || { tail -20 "$TOOLS/logs/venv.log"; die "cannot install kubernetes-validate"; }
  cp "$REQUIREMENTS" "$VENV/.requirements"
fi

# Strimzi's CRDs, generated as Strimzi's build does (io.strimzi:crd-generator over io.strimzi:api), once per version
java_21() {
  local j v
  for j in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n $j && -x $j ]] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [[ -n $v && ${v%%.*} -ge 21 ]] && { echo "$j"; return 0; }
  done
  return 1
}
STRIMZI_VERSION=$(sed -n 's:.*<strimzi.version>\(.*\)</strimzi.version>.*:\1:p' "$HERE/validate/pom.xml")
CRDS="$TOOLS/strimzi-$STRIMZI_VERSION/crds"
if [[ ${CSR_VALIDATE_SKIP_CRDS:-} == 1 ]]; then
  say "WARNING: CSR_VALIDATE_SKIP_CRDS=1: Strimzi's kinds are NOT validated"
  CRDS="$TOOLS/no-crds"; mkdir -p "$CRDS"; SKIP_GROUPS=kafka.strimzi.io
elif [[ ! -f $CRDS/kafkauser.yaml ]]; then
  JAVA21=$(java_21) || die "Strimzi's CRD generator $STRIMZI_VERSION needs Java 21 or newer and none was found
(JAVA_HOME, java on PATH, /usr/lib/jvm/*). Install one, or set CSR_VALIDATE_SKIP_CRDS=1 to skip the Strimzi kinds."
  command -v mvn >/dev/null || die "Maven is needed to fetch Strimzi's jars"
  say "generating Strimzi $STRIMZI_VERSION's CRDs (first time only)"
  lib="$TOOLS/strimzi-$STRIMZI_VERSION/lib"
  mvn -B -q -ntp -f "$HERE/validate/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" \
    >"$TOOLS/logs/strimzi.log" 2>&1 || { tail -20 "$TOOLS/logs/strimzi.log"; die "cannot fetch Strimzi's jars"; }
  mkdir -p "$CRDS.tmp"
  "$JAVA21" -cp "$lib/*" io.strimzi.crdgenerator.CrdGenerator --yaml --crd-api-version v1 --api-versions v1 \
    --storage-version v1 \
    io.strimzi.api.kafka.model.kafka.Kafka="$CRDS.tmp/kafka.yaml" \
    io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$CRDS.tmp/kafkanodepool.yaml" \
    io.strimzi.api.kafka.model.topic.KafkaTopic="$CRDS.tmp/kafkatopic.yaml" \
    io.strimzi.api.kafka.model.user.KafkaUser="$CRDS.tmp/kafkauser.yaml" >>"$TOOLS/logs/strimzi.log" 2>&1 \
    || { tail -20 "$TOOLS/logs/strimzi.log"; die "Strimzi's CRD generator failed"; }
  rm -rf "$CRDS" && mv "$CRDS.tmp" "$CRDS"
fi
TOOLS_DONE=$((SECONDS - START))

# --- Kubernetes ----------------------------------------------------------------------------------------------------
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
sets=()
for target in base overlays/local overlays/prod; do
  label=${target#overlays/}
  "$KUSTOMIZE" build "$DEPLOY/k8s/$target" >"$OUT/$label.yaml" 2>"$OUT/$label.err" \
    || { cat "$OUT/$label.err" >&2; die "kustomize cannot render deploy/k8s/$target"; }
  sets+=("rendered $label=$OUT/$label.yaml")
done
# the files as written: every manifest of the base and the overlays (not the kustomization files)
files=$(find "$DEPLOY/k8s/base" "$DEPLOY/k8s/overlays" -name '*.yaml' ! -name kustomization.yaml | sort | paste -sd, -)
sets+=("files=$files")
partitions=$(sed -n 's/.*intValue("partitions", \([0-9]*\)).*/\1/p' "$ROOT/tools/cli/src/main/java/com/csr/cli/KafkaCommands.java")
say "Kubernetes: kustomize $KUSTOMIZE_VERSION rendered base, local and prod; validating"
k8s_ok=0
"$VENV/bin/python" "$HERE/validate/k8s_validate.py" --kubernetes-versions "$KUBERNETES_VERSIONS" --crds "$CRDS" \
  --topics-java "$TOPICS_JAVA" --partitions "${partitions:-3}" --compose "$DEPLOY/compose/compose.yaml" \
  --skip-groups "${SKIP_GROUPS:-}" \
  "${sets[@]}" || k8s_ok=1
# the security rules of the manifests: Kafka over TLS + SCRAM with a KafkaUser and ACLs per service, the network
# policies allowing exactly the architecture's arrows (deploy/k8s/check.sh; deploy/README.md)
say "Kubernetes: checking Kafka security and network policies"
CSR_K8S_PYTHON="$VENV/bin/python" KUSTOMIZE="$KUSTOMIZE" "$DEPLOY/k8s/check.sh" || k8s_ok=1

# --- Compose -------------------------------------------------------------------------------------------------------
# the required secrets get stand-ins (validation only); everything else interpolates with the file's defaults
say "Compose: loading compose.yaml with compose-go"
compose_ok=0
(cd "$DEPLOY/compose" && env -u CSR_BIND CSR_ADMIN_KEY=validate-only CSR_WEB_SECRET=validate-only \
  "$COMPOSECHECK" compose.yaml) || compose_ok=1

verdict() { [[ $1 == 0 ]] && echo valid || echo INVALID; }
if ((k8s_ok || compose_ok)); then
  say "FAILED: Kubernetes $(verdict $k8s_ok), compose $(verdict $compose_ok) ($((SECONDS - START)) s)"
  exit 1
fi
say "all valid in $((SECONDS - START)) s (tools ready after ${TOOLS_DONE} s)"
