#!/usr/bin/env bash
# The standing hostile-input suite: Schemathesis (property-based, from each service's own OpenAPI document) against
# the six services of a running stack, as a tenant of its own made for the run. Every answer must be no 5xx; every
# 4xx an RFC 9457 problem; no body may name a stack frame or an internal class (deploy/local/fuzz/hooks.py).
# Prints the requests tried and failures per service and operation; exits non-zero on any failure.
#   CSR_GATEWAY_URL (http://127.0.0.1:8000), CSR_ADMIN_KEY (required), CSR_FUZZ_EXAMPLES (25 per operation),
#   CSR_{INGEST,FEATURES,SEGMENT,CHURN,LTV}_PORT (8081-8085). Called by web-e2e.sh on its own stack.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/deploy/local/fuzz"
say() { printf '[fuzz %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "fuzz: $*" >&2; exit 1; }
GATEWAY=${CSR_GATEWAY_URL:-http://127.0.0.1:8000}
[[ -n ${CSR_ADMIN_KEY:-} ]] || die "CSR_ADMIN_KEY is needed (to make the run's tenant)"
EXAMPLES=${CSR_FUZZ_EXAMPLES:-25}
VENV="$ROOT/.csr/tools/fuzz-venv"
if [[ ! -x $VENV/bin/st || "$(cat "$VENV/.requirements" 2>/dev/null)" != "$(cat "$HERE/requirements.txt")" ]]; then
  say "installing Schemathesis into $VENV (first time only)"
  { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt"; } \
    >/dev/null 2>&1 || die "cannot install Schemathesis (PyPI)"
  cp "$HERE/requirements.txt" "$VENV/.requirements"
fi
OUT="$ROOT/.csr/fuzz"; rm -rf "$OUT"; mkdir -p "$OUT"
tenant="fuzz$(date +%s)"
key=$(curl -sf -H "Authorization: Bearer $CSR_ADMIN_KEY" -H 'Content-Type: application/json' \
  -d "{\"tenant_id\":\"$tenant\"}" "$GATEWAY/admin/tenants" | "$VENV/bin/python" -c \
  'import json,sys; print(json.load(sys.stdin)["api_key"]["secret"])') || die "cannot make the tenant $tenant"
host=$(sed -E 's#^(https?://[^:/]+).*#\1#' <<<"$GATEWAY")
services=("gateway=$GATEWAY" "ingest-service=$host:${CSR_INGEST_PORT:-8081}"
  "feature-service=$host:${CSR_FEATURES_PORT:-8082}" "segment-service=$host:${CSR_SEGMENT_PORT:-8083}"
  "churn-service=$host:${CSR_CHURN_PORT:-8084}" "ltv-service=$host:${CSR_LTV_PORT:-8085}")
failed=0
for entry in "${services[@]}"; do
  name=${entry%%=*}; url=${entry#*=}
  say "$name: up to $EXAMPLES examples per operation of $url/q/openapi, as tenant $tenant"
  # the admin key is never given: the admin API is tried without it
  if ! (cd "$HERE" && SCHEMATHESIS_HOOKS=hooks CSR_FUZZ_COUNTS="$OUT/$name.json" "$VENV/bin/st" --no-color run \
      "$url/q/openapi?format=json" --url "$url" -H "Authorization: Bearer $key" \
      --checks not_a_server_error,answers_are_clean_problems --max-examples "$EXAMPLES" --request-timeout 60 \
      --generation-deterministic >"$OUT/$name.log" 2>&1); then
    failed=1; say "$name: FAILURES (the run's log: $OUT/$name.log)"; tail -40 "$OUT/$name.log"
  fi
done
"$VENV/bin/python" - "$OUT" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1]); rows = []; total = bad = 0
for f in sorted(out.glob("*.json")):
    for op, statuses in json.loads(f.read_text()).items():
        n = sum(v for k, v in statuses.items() if k != "unclean"); u = statuses.get("unclean", 0)
        s5 = sum(v for k, v in statuses.items() if k.startswith("5"))
        total += n; bad += u + s5
        rows.append(f"| {f.stem} | `{op}` | {n} | {s5} | {u} |")
table = "| service | operation | requests | 5xx | not a clean problem |\n|---|---|---:|---:|---:|\n" + "\n".join(rows)
(out / "summary.md").write_text(table + f"\n\n{total} requests, {bad} failures\n")
print(table); print(f"fuzz: {total} requests over {len(rows)} operations, {bad} failures")
PY
exit $failed
