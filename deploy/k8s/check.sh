#!/usr/bin/env bash
# Checks the Kubernetes manifests' security wiring offline (no cluster, no network): renders deploy/k8s/base,
# overlays/local and overlays/prod, then asserts on each
#   - Kafka: every listener of every Kafka is TLS with authentication and has networkPolicyPeers, authorization is
#     on and the user operator runs;
#   - every Kafka client (the six services, and any Deployment with KAFKA_BOOTSTRAP_SERVERS) has a KafkaUser of its
#     name (SCRAM-SHA-512, simple authorization) and the Kafka environment of deploy/README.md: a TLS bootstrap
#     address, SASL_SSL, SCRAM-SHA-512, its login from its user's Secret, the cluster CA as a PKCS12 truststore;
#   - the KafkaUsers' ACLs are the topics of docs/architecture.md: Read where the service reads a topic, Write where
#     it writes one, Describe with either, nothing more on those topics; groups, transactional ids and prefixed
#     (internal) topics only of the user's own name; no cluster or wildcard ACL;
#   - NetworkPolicies: a default deny of ingress and egress for every pod, every workload picked by a policy of its
#     own, and the pod-to-pod connections they allow (computed, each side's policies) exactly the arrows below
#     (ARROWS): nothing missing, nothing more; an ipBlock to the outside keeps the private ranges closed.
# One line per failure and exit 1, or one summary line and exit 0.
#
# Rendering: kustomize when there is one ($KUSTOMIZE, kustomize on PATH, validate.sh's .csr/tools/bin/kustomize,
# or `kubectl kustomize`), else a small renderer here that does what these kustomizations use (resources,
# generators, JSON patches, namePrefix, labels); CSR_K8S_RENDER=kustomize|python picks one. Needs python3 with
# PyYAML. usage: deploy/k8s/check.sh [--show] [K8S_DIR]   (--show also prints every allowed connection)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=""
for p in ${CSR_K8S_PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then PY=$p; break; fi
done
[[ -n $PY ]] || { echo "check.sh: needs python3 with PyYAML (python3 -m pip install --user pyyaml)"; exit 2; }
exec "$PY" - "$HERE" "$@" <<'PYTHON'
import copy
import ipaddress
import os
import re
import shutil
import subprocess
import sys

import yaml

# --- docs/architecture.md, as this check holds it ---------------------------------------------------------------
# The Kafka clients, by their Deployment's name (= KafkaUser = app.kubernetes.io/name).
MODELS = ["segment-service", "churn-service", "ltv-service"]
KAFKA_CLIENTS = ["ingest-service", "feature-service", *MODELS, "gateway"]
# "Topics": topic -> (written by, read by)
TOPICS = {
    "transactions.raw": (["ingest-service"], ["ingest-service"]),
    "transactions.clean": (["ingest-service"], ["feature-service"]),
    "transactions.rejected": (["ingest-service"], []),
    "ingest.reports": (["ingest-service"], ["ingest-service"]),
    "tenant.clocks": (["feature-service"], ["feature-service"]),
    "customer.features": (["feature-service"], [*MODELS, "gateway"]),
    "training.datasets": (["feature-service"], MODELS),
    "models.published": ([*MODELS, "gateway"], MODELS),
    "customer.scores": (MODELS, ["gateway"]),
}
# The connections NetworkPolicies must allow, and no others: (from, to, port[/udp], why). A name is a pod's
# app.kubernetes.io/name, or one of the pods this check adds (kafka, strimzi-*, kube-dns, ingress-nginx, outside:
# a public address, cloud-metadata: 169.254.169.254). Every pod of the namespace also gets DNS (kube-dns:53, udp and
# tcp) and every Kafka client kafka:<the TLS listener's port>.
ARROWS = {
    "all": [
        ("web", "gateway", 8000, "the web app's server calls the gateway"),
        ("gateway", "ingest-service", 8081, "uploads, reports"),
        ("gateway", "feature-service", 8082, "features, training sets"),
        ("gateway", "segment-service", 8083, "/predict fan-out"),
        ("gateway", "churn-service", 8084, "/predict fan-out"),
        ("gateway", "ltv-service", 8085, "/predict fan-out"),
        ("feature-service", "feature-service", 8082, "peers' interactive queries"),
        ("kafka", "kafka", 9090, "KRaft control plane"),
        ("kafka", "kafka", 9091, "replication"),
        ("strimzi-cluster-operator", "kafka", 9090, "Strimzi"),
        ("strimzi-cluster-operator", "kafka", 9091, "Strimzi"),
        ("strimzi-cluster-operator", "kafka", 8443, "Strimzi's agent"),
        ("strimzi-entity-operator", "kafka", 9091, "topic and user operators"),
        # the Kubernetes API, whose address is the cluster's: 443 and 6443 to anywhere
        *[(s, "outside", p, "Kubernetes API") for s in ("strimzi-cluster-operator", "strimzi-entity-operator")
          for p in (443, 6443)],
    ],
    "local": [
        *[(s, "firestore-emulator", 8080, "metadata") for s in KAFKA_CLIENTS],
        *[(s, "s3proxy", 80, "artifacts") for s in ["feature-service", *MODELS, "gateway"]],
        *[(s, "mlflow", 5000, "tracking") for s in MODELS],
    ],
    "prod": [
        ("ingress-nginx", "web", 3000, "the way in"),
        ("ingress-nginx", "gateway", 8000, "the way in"),
        *[(s, "outside", 443, "Firestore, B2, MLflow") for s in KAFKA_CLIENTS],
        *[("gateway", "outside", p, "webhooks, mail") for p in (80, 25, 587, 465)],
    ],
}
TARGETS = ["base", "overlays/local", "overlays/prod"]
PRIVATE = [ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")]
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}


def fail(msg):
    FAILURES.append(msg)


FAILURES = []


# --- rendering ---------------------------------------------------------------------------------------------------
def find_kustomize(root):
    choice = os.environ.get("CSR_K8S_RENDER", "auto")
    if choice == "python":
        return None
    tools = os.environ.get("CSR_TOOLS_DIR", os.path.join(root, ".csr", "tools"))  # validate.sh's
    candidates = [os.environ.get("KUSTOMIZE"), shutil.which("kustomize"), os.path.join(tools, "bin", "kustomize")]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return [c, "build"]
    if shutil.which("kubectl"):
        return ["kubectl", "kustomize"]
    if choice == "kustomize":
        sys.exit("check.sh: CSR_K8S_RENDER=kustomize but no kustomize (nor kubectl) found")
    return None


def kustomize_version(cmd):
    try:
        out = subprocess.run([cmd[0], "version"] + (["--client"] if cmd[0] == "kubectl" else []),
                             capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return "?"
    m = re.search(r"Kustomize Version: (v\S+)", out) or re.search(r"(v\d+\.\d+\.\d+)", out)
    return m.group(1) if m else "?"


def render_kustomize(cmd, path):
    p = subprocess.run(cmd + [path], capture_output=True, text=True)
    if p.returncode != 0:
        msg = " ".join(p.stderr.split())  # kustomize nests its causes: the last is the one to read
        raise RenderError(msg if len(msg) <= 300 else "..." + msg[-300:])
    return [d for d in yaml.safe_load_all(p.stdout) if d]


class RenderError(Exception):
    pass


def docs_of(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d]


def env_lines(text):
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            k, _, v = line.partition("=")
            out[k.strip()] = v
    return out


def pointer(path):
    return [p.replace("~1", "/").replace("~0", "~") for p in path.lstrip("/").split("/")] if path else []


def json_patch(doc, ops):
    for op in ops:
        parts = pointer(op["path"])
        parent = doc
        for p in parts[:-1]:
            parent = parent[int(p)] if isinstance(parent, list) else parent[p]
        last = parts[-1]
        kind = op["op"]
        if isinstance(parent, list):
            idx = len(parent) if last == "-" else int(last)
            if kind == "add":
                parent.insert(idx, copy.deepcopy(op["value"]))
            elif kind == "replace":
                parent[idx] = copy.deepcopy(op["value"])
            elif kind == "remove":
                del parent[idx]
            elif kind == "test":
                if parent[idx] != op["value"]:
                    raise RenderError(f"patch test failed at {op['path']}: {parent[idx]!r} is not {op['value']!r}")
            else:
                raise RenderError(f"patch op {kind} is not supported by check.sh's renderer")
        else:
            if kind in ("add", "replace"):
                if kind == "replace" and last not in parent:
                    raise RenderError(f"patch replace of missing {op['path']}")
                parent[last] = copy.deepcopy(op["value"])
            elif kind == "remove":
                del parent[last]
            elif kind == "test":
                if parent.get(last) != op["value"]:
                    raise RenderError(f"patch test failed at {op['path']}: {parent.get(last)!r} is not {op['value']!r}")
            else:
                raise RenderError(f"patch op {kind} is not supported by check.sh's renderer")


def merge(base, patch):
    for k, v in patch.items():
        if v is None:
            base.pop(k, None)
        elif isinstance(v, dict) and isinstance(base.get(k), dict):
            merge(base[k], v)
        else:
            base[k] = copy.deepcopy(v)


def selector_text_matches(text, labels):
    """A kustomize labelSelector: comma-separated `k=v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`."""
    for term in re.findall(r"[^,(]+(?:\([^)]*\))?", text):
        term = term.strip()
        m = re.match(r"^(\S+)\s+(in|notin)\s+\(([^)]*)\)$", term)
        if m:
            values = [v.strip() for v in m.group(3).split(",")]
            if (labels.get(m.group(1)) in values) != (m.group(2) == "in"):
                return False
        elif "!=" in term:
            k, v = term.split("!=", 1)
            if labels.get(k.strip()) == v.strip():
                return False
        elif "=" in term:
            k, v = term.split("=", 1)
            if labels.get(k.strip()) != v.strip().lstrip("="):
                return False
        elif term.startswith("!"):
            if term[1:] in labels:
                return False
        elif term and term not in labels:
            return False
    return True


def targeted(obj, target):
    if not target:
        return True
    if "kind" in target and obj.get("kind") != target["kind"]:
        return False
    if "name" in target and not re.fullmatch(target["name"], obj["metadata"].get("name", "")):
        return False
    if "labelSelector" in target and not selector_text_matches(target["labelSelector"], labels_of(obj)):
        return False
    return True


def labels_of(obj):
    return (obj.get("metadata") or {}).get("labels") or {}


def add_labels(m, pairs):
    if isinstance(m, dict):
        m.update(pairs)


def render_python(path):
    """What kustomize does with these kustomizations, enough for this check."""
    with open(os.path.join(path, "kustomization.yaml"), encoding="utf-8") as f:
        k = yaml.safe_load(f)
    objs = []
    for r in k.get("resources") or []:
        p = os.path.join(path, r)
        objs += render_python(p) if os.path.isdir(p) else docs_of(p)
    for kind, key in (("ConfigMap", "configMapGenerator"), ("Secret", "secretGenerator")):
        for g in k.get(key) or []:
            data = {}
            for e in g.get("envs") or []:
                with open(os.path.join(path, e), encoding="utf-8") as f:
                    data.update(env_lines(f.read()))
            data.update(env_lines("\n".join(g.get("literals") or [])))
            for fspec in g.get("files") or []:
                name, _, file = fspec.rpartition("=")
                data[name or os.path.basename(file)] = "(file)"
            existing = [o for o in objs if o["kind"] == kind and o["metadata"]["name"] == g["name"]]
            if g.get("behavior") in ("merge", "replace") and existing:
                if g["behavior"] == "replace":
                    existing[0]["data"] = {}
                existing[0].setdefault("data", {}).update(data)
            else:
                objs.append({"apiVersion": "v1", "kind": kind, "metadata": {"name": g["name"]}, "data": data})
    for patch in k.get("patches") or []:
        body = patch.get("patch")
        if body is None:
            with open(os.path.join(path, patch["path"]), encoding="utf-8") as f:
                body = f.read()
        parsed = yaml.safe_load(body)
        hits = [o for o in objs if targeted(o, patch.get("target"))]
        if isinstance(parsed, dict) and not patch.get("target"):
            hits = [o for o in objs if o["kind"] == parsed.get("kind")
                    and o["metadata"]["name"] == (parsed.get("metadata") or {}).get("name")]
        for o in hits:
            if isinstance(parsed, list):
                json_patch(o, parsed)
            else:
                merge(o, {k2: v for k2, v in parsed.items() if k2 not in ("apiVersion", "kind", "metadata")})
    if k.get("namespace"):
        for o in objs:
            if o["kind"] != "Namespace":
                o["metadata"]["namespace"] = k["namespace"]
    prefix = k.get("namePrefix") or ""
    if prefix:
        renamed = {}
        for o in objs:
            if o["kind"] != "Namespace":
                renamed[(o["kind"], o["metadata"]["name"])] = prefix + o["metadata"]["name"]
                o["metadata"]["name"] = prefix + o["metadata"]["name"]
        for o in objs:  # the one reference these kustomizations rename: an HPA's target
            ref = (o.get("spec") or {}).get("scaleTargetRef")
            if ref and (ref.get("kind"), ref.get("name")) in renamed:
                ref["name"] = renamed[(ref["kind"], ref["name"])]
    for img in k.get("images") or []:
        for o in objs:
            for c in pod_spec(o).get("containers", []) + pod_spec(o).get("initContainers", []):
                name, tag = re.match(r"^(.*?)(?::([^:/@]+))?$", c.get("image", "")).groups()
                if name == img["name"]:
                    c["image"] = img.get("newName", name) + (":" + (img.get("newTag") or tag) if
                                                               img.get("newTag") or tag else "")
    for rep in k.get("replicas") or []:
        for o in objs:
            if o["kind"] in WORKLOADS and o["metadata"]["name"] == rep["name"]:
                o["spec"]["replicas"] = rep["count"]
    for entry in k.get("labels") or []:
        pairs = entry.get("pairs") or {}
        for o in objs:
            o.setdefault("metadata", {}).setdefault("labels", {}).update(pairs)
            spec = o.get("spec") or {}
            if entry.get("includeTemplates") or entry.get("includeSelectors"):
                tmpl = spec.get("template")
                if isinstance(tmpl, dict):
                    tmpl.setdefault("metadata", {}).setdefault("labels", {}).update(pairs)
            if entry.get("includeSelectors"):
                if o["kind"] == "Service" and isinstance(spec.get("selector"), dict):
                    spec["selector"].update(pairs)
                elif o["kind"] in WORKLOADS | {"PodDisruptionBudget"} and isinstance(spec.get("selector"), dict):
                    spec["selector"].setdefault("matchLabels", {}).update(pairs)
                elif o["kind"] == "NetworkPolicy":
                    add_labels((spec.get("podSelector") or {}).get("matchLabels"), pairs)
                    for rule in spec.get("ingress") or []:
                        for peer in rule.get("from") or []:
                            add_labels((peer.get("podSelector") or {}).get("matchLabels"), pairs)
                    for rule in spec.get("egress") or []:
                        for peer in rule.get("to") or []:
                            add_labels((peer.get("podSelector") or {}).get("matchLabels"), pairs)
    return objs


# --- selectors and policies --------------------------------------------------------------------------------------
def selects(selector, labels):
    if selector is None:
        return False
    for k, v in (selector.get("matchLabels") or {}).items():
        if labels.get(k) != v:
            return False
    for e in selector.get("matchExpressions") or []:
        key, op, values = e["key"], e["operator"], e.get("values") or []
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and key in labels and labels[key] in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


class Pod:
    def __init__(self, name, namespace, labels, ports, ip, managed):
        self.name, self.namespace, self.labels, self.ports, self.ip, self.managed = \
            name, namespace, labels, ports, ipaddress.ip_address(ip), managed

    def __repr__(self):
        return self.name


def peer_matches(peer, policy_ns, pod):
    if "ipBlock" in peer:
        block = peer["ipBlock"]
        return (pod.ip in ipaddress.ip_network(block["cidr"], strict=False)
                and not any(pod.ip in ipaddress.ip_network(x, strict=False) for x in block.get("except") or []))
    if not pod.namespace:  # an address outside the cluster: only ipBlocks match it
        return False
    if "namespaceSelector" in peer:
        if not selects(peer["namespaceSelector"], {"kubernetes.io/metadata.name": pod.namespace}):
            return False
    elif pod.namespace != policy_ns:
        return False
    return selects(peer.get("podSelector") or {}, pod.labels)


def port_matches(rule_ports, dst, port, proto):
    if not rule_ports:
        return True
    for rp in rule_ports:
        if (rp.get("protocol") or "TCP") != proto:
            continue
        want = rp.get("port")
        if want is None:
            return True
        if isinstance(want, str) and not want.isdigit():
            if any(n == want and p == port and pr == proto for p, pr, n in dst.ports):
                return True
            continue
        if int(want) <= port <= int(rp.get("endPort") or want):
            return True
    return False


def policy_types(np):
    spec = np.get("spec") or {}
    return spec.get("policyTypes") or (["Ingress"] + (["Egress"] if "egress" in spec else []))


def side_allows(policies, pod, other, dst, port, proto, direction):
    """Whether the policies of `pod` let the connection through on its side (direction: Ingress or Egress)."""
    if not pod.managed:
        return True
    mine = [np for np in policies if np["metadata"].get("namespace", "default") == pod.namespace
            and selects((np.get("spec") or {}).get("podSelector") or {}, pod.labels)
            and direction in policy_types(np)]
    if not mine:
        return True
    key, peers = ("ingress", "from") if direction == "Ingress" else ("egress", "to")
    for np in mine:
        for rule in (np.get("spec") or {}).get(key) or []:
            if rule.get(peers) and not any(peer_matches(p, np["metadata"].get("namespace", "default"), other)
                                           for p in rule[peers]):
                continue
            if port_matches(rule.get("ports"), dst, port, proto):
                return True
    return False


# --- the checks --------------------------------------------------------------------------------------------------
def containers(obj):
    return ((obj.get("spec") or {}).get("template") or {}).get("spec", {}).get("containers") or []


def pod_spec(obj):
    return ((obj.get("spec") or {}).get("template") or {}).get("spec") or {}


def env_of(container, configmaps):
    """name -> value or ('secret', name, key); envFrom ConfigMaps first, env over them."""
    env = {}
    for src in container.get("envFrom") or []:
        ref = src.get("configMapRef")
        if ref and ref.get("name") in configmaps:
            for k, v in (configmaps[ref["name"]].get("data") or {}).items():
                env[(src.get("prefix") or "") + k] = v
    for e in container.get("env") or []:
        if "value" in e:
            env[e["name"]] = e["value"]
        elif "secretKeyRef" in (e.get("valueFrom") or {}):
            ref = e["valueFrom"]["secretKeyRef"]
            env[e["name"]] = ("secret", ref.get("name"), ref.get("key"))
        else:
            env[e["name"]] = ("other",)
    return env


def check_target(label, objs, show):
    by_kind = {}
    for o in objs:
        by_kind.setdefault(o.get("kind"), []).append(o)
    say = lambda msg: fail(f"{label}: {msg}")  # noqa: E731
    namespace = next((o["metadata"].get("namespace") for o in objs if o["metadata"].get("namespace")), "default")
    topics = {o["metadata"]["name"] for o in by_kind.get("KafkaTopic", [])}
    configmaps = {o["metadata"]["name"]: o for o in by_kind.get("ConfigMap", [])}
    users = {o["metadata"]["name"]: o for o in by_kind.get("KafkaUser", [])}

    # Kafka
    kafkas = by_kind.get("Kafka", [])
    if not kafkas:
        say("no Kafka")
    tls_ports = {}
    for kafka in kafkas:
        name = kafka["metadata"]["name"]
        spec = kafka.get("spec", {}).get("kafka", {})
        listeners = spec.get("listeners") or []
        if not listeners:
            say(f"Kafka/{name} has no listener")
        for li in listeners:
            what = f"Kafka/{name} listener {li.get('name')} (port {li.get('port')})"
            if li.get("tls") is not True:
                say(f"{what} is not TLS")
            if not (li.get("authentication") or {}).get("type"):
                say(f"{what} has no authentication")
            if not li.get("networkPolicyPeers"):
                say(f"{what} has no networkPolicyPeers (Strimzi's own NetworkPolicy would open it to every pod)")
            if li.get("tls") is True and (li.get("authentication") or {}).get("type"):
                tls_ports.setdefault(name, {})[li["port"]] = li
        if (spec.get("authorization") or {}).get("type") not in ("simple", "custom"):
            say(f"Kafka/{name} has no authorization: the KafkaUsers' ACLs would not be enforced")
        if users and "userOperator" not in (kafka.get("spec", {}).get("entityOperator") or {}):
            say(f"Kafka/{name} runs no user operator: its KafkaUsers would never be made")
    cluster = kafkas[0]["metadata"]["name"] if kafkas else "csr-kafka"
    ca_secret = f"{cluster}-cluster-ca-cert"

    # Kafka clients: their users and their environment
    deployments = {o["metadata"]["name"]: o for o in sorted((o for o in objs if o.get("kind") in WORKLOADS),
                                                            key=lambda o: o["metadata"]["name"])}
    clients = []
    for name, d in deployments.items():
        envs = [env_of(c, configmaps) for c in containers(d)]
        if name in KAFKA_CLIENTS or any("KAFKA_BOOTSTRAP_SERVERS" in e for e in envs):
            clients.append(name)
    for name in KAFKA_CLIENTS:
        if name not in deployments:
            say(f"no Deployment {name} (a Kafka client of docs/architecture.md)")
    for name in clients:
        d = deployments[name]
        user = users.get(name)
        if not user:
            say(f"{d['kind']}/{name} uses Kafka but has no KafkaUser {name}")
        else:
            uspec = user.get("spec") or {}
            if (uspec.get("authentication") or {}).get("type") != "scram-sha-512":
                say(f"KafkaUser/{name}: authentication is not scram-sha-512")
            if (uspec.get("authorization") or {}).get("type") != "simple":
                say(f"KafkaUser/{name}: authorization is not simple")
            if labels_of(user).get("strimzi.io/cluster") != cluster:
                say(f"KafkaUser/{name}: label strimzi.io/cluster is not {cluster}")
        c = next((c for c in containers(d) if "KAFKA_BOOTSTRAP_SERVERS" in env_of(c, configmaps)),
                 (containers(d) or [{}])[0])
        env = env_of(c, configmaps)
        what = f"{d['kind']}/{name}"
        bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS")
        if not isinstance(bootstrap, str) or not bootstrap:
            say(f"{what}: no KAFKA_BOOTSTRAP_SERVERS")
        else:
            for addr in bootstrap.split(","):
                host, _, port = addr.strip().rpartition(":")
                if not (host.split(".")[0] == f"{cluster}-kafka-bootstrap" and port.isdigit()
                        and int(port) in tls_ports.get(cluster, {})):
                    say(f"{what}: KAFKA_BOOTSTRAP_SERVERS {addr.strip()} is not {cluster}-kafka-bootstrap on a TLS "
                        f"listener's port {sorted(tls_ports.get(cluster, {}))}")
        for var, want in (("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), ("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                          ("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"),
                          ("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12")):
            if env.get(var) != want:
                say(f"{what}: {var} is {env.get(var)!r}, not {want}")
        for var, want in (("KAFKA_SASL_JAAS_CONFIG", ("secret", name, "sasl.jaas.config")),
                          ("KAFKA_SSL_TRUSTSTORE_PASSWORD", ("secret", ca_secret, "ca.password"))):
            if env.get(var) != want:
                say(f"{what}: {var} is not from Secret {want[1]} key {want[2]} ({env.get(var)!r})")
        mounts = {m["name"]: m for m in c.get("volumeMounts") or [] if m.get("mountPath") == "/etc/kafka-ca"}
        volumes = {v["name"]: v for v in pod_spec(d).get("volumes") or []}
        ok = False
        for m in mounts:
            secret = (volumes.get(m) or {}).get("secret") or {}
            items = secret.get("items")
            if secret.get("secretName") == ca_secret and (not items or any(
                    i.get("key") == "ca.p12" and i.get("path") == "ca.p12" for i in items)):
                ok = True
        if not ok:
            say(f"{what}: Secret {ca_secret} (ca.p12) is not mounted at /etc/kafka-ca")

    # the users' ACLs against the topics of docs/architecture.md
    for name in sorted(set(users) - set(deployments)):
        say(f"KafkaUser/{name} belongs to no Deployment of that name (credentials for no one; a client that is not "
            f"a Deployment needs its place in check.sh)")
    for name, user in users.items():
        acls = ((user.get("spec") or {}).get("authorization") or {}).get("acls") or []
        granted = {}
        for a in acls:
            r = a.get("resource") or {}
            rtype, rname, pattern = r.get("type"), r.get("name"), r.get("patternType") or "literal"
            ops = set(a.get("operations") or ([a["operation"]] if a.get("operation") else []))
            what = f"KafkaUser/{name}: ACL {rtype} {rname or ''!r} ({pattern}) {sorted(ops)}"
            if (a.get("type") or "allow") != "allow":
                continue
            if rtype == "cluster":
                say(f"{what}: no service needs a cluster ACL")
            elif rname is None or "*" in str(rname):
                say(f"{what}: a wildcard")
            elif rtype == "topic" and pattern == "literal":
                if rname not in topics:
                    say(f"{what}: not a KafkaTopic of {label}")
                granted.setdefault(rname, set()).update(ops)
            elif rtype == "topic":
                if not rname.startswith(name + "-"):
                    say(f"{what}: a prefix of topics not its own (internal topics are {name}-...)")
            elif rtype in ("group", "transactionalId"):
                if not (rname == name or rname.startswith(name + "-") and pattern == "prefix"
                        or rname.startswith(name + "-") and pattern == "literal"):
                    say(f"{what}: not its own {rtype} ({name} or {name}-...)")
            else:
                say(f"{what}: unknown resource type")
        if name in KAFKA_CLIENTS or name in clients:
            for topic, (writers, readers) in TOPICS.items():
                want = set()
                if name in readers:
                    want |= {"Read", "Describe"}
                if name in writers:
                    want |= {"Write", "Describe"}
                have = granted.get(topic, set())
                if have != want:
                    does = " and ".join(w for w, who in (("writes", writers), ("reads", readers)) if name in who)
                    say(f"KafkaUser/{name}: topic {topic}: {sorted(have) or 'no ACL'}, where docs/architecture.md "
                        f"wants {sorted(want) or 'none'} (it {does or 'neither reads nor writes'} it)")
            for topic in set(granted) - set(TOPICS):
                say(f"KafkaUser/{name}: topic {topic} is not one of docs/architecture.md's")

    # NetworkPolicies
    policies = by_kind.get("NetworkPolicy", [])
    if not any((np.get("spec") or {}).get("podSelector") == {} and {"Ingress", "Egress"} <= set(policy_types(np))
               and not np["spec"].get("ingress") and not np["spec"].get("egress") for np in policies):
        say("no default deny: a NetworkPolicy with podSelector {}, policyTypes Ingress and Egress and no rules")
    pods = []
    n = 10
    for name, d in deployments.items():
        labels = ((d.get("spec") or {}).get("template") or {}).get("metadata", {}).get("labels") or {}
        own = [np for np in policies if (np.get("spec") or {}).get("podSelector")
               and selects(np["spec"]["podSelector"], labels)]
        if not own:
            say(f"{d['kind']}/{name} is selected by no NetworkPolicy of its own (only by the default deny)")
        ports = [(p["containerPort"], p.get("protocol") or "TCP", p.get("name")) for c in containers(d)
                 for p in c.get("ports") or []]
        n += 1
        pods.append(Pod(labels.get("app.kubernetes.io/name", name), namespace, labels, ports, f"10.244.0.{n}", True))
    for kafka in kafkas:
        cname = kafka["metadata"]["name"]
        listeners = [(li["port"], "TCP", "tcp-" + li["name"]) for li in kafka["spec"]["kafka"].get("listeners") or []]
        for pool in by_kind.get("KafkaNodePool", []):
            if labels_of(pool).get("strimzi.io/cluster") != cname:
                continue
            roles = pool["spec"].get("roles") or []
            labels = {"strimzi.io/cluster": cname, "strimzi.io/kind": "Kafka", "strimzi.io/name": f"{cname}-kafka",
                      "strimzi.io/pool-name": pool["metadata"]["name"],
                      "strimzi.io/broker-role": str("broker" in roles).lower(),
                      "strimzi.io/controller-role": str("controller" in roles).lower()}
            ports = [(8443, "TCP", "tcp-kafkaagent")]
            ports += [(9090, "TCP", "tcp-ctrlplane")] if "controller" in roles else []
            ports += [(9091, "TCP", "tcp-replication")] + listeners if "broker" in roles else []
            n += 1
            pods.append(Pod("kafka", namespace, labels, ports, f"10.244.0.{n}", True))
        if "entityOperator" in kafka["spec"]:
            pods.append(Pod("strimzi-entity-operator", namespace,
                            {"strimzi.io/cluster": cname, "strimzi.io/kind": "Kafka",
                             "strimzi.io/name": f"{cname}-entity-operator"}, [], "10.244.1.1", True))
    # assumed: Strimzi's cluster operator runs in this namespace (deploy/README.md)
    pods.append(Pod("strimzi-cluster-operator", namespace, {"name": "strimzi-cluster-operator",
                                                            "strimzi.io/kind": "cluster-operator"},
                    [(8080, "TCP", "http")], "10.244.1.2", True))
    pods.append(Pod("kube-dns", "kube-system", {"k8s-app": "kube-dns"}, [(53, "UDP", "dns"), (53, "TCP", "dns-tcp")],
                    "10.244.2.1", False))
    pods.append(Pod("ingress-nginx", "ingress-nginx", {"app.kubernetes.io/name": "ingress-nginx",
                                                       "app.kubernetes.io/component": "controller"}, [],
                    "10.244.2.2", False))
    pods.append(Pod("outside", None, {}, [(p, "TCP", None) for p in (443, 80, 25, 465, 587, 6443)],
                    "142.250.74.100", False))
    pods.append(Pod("cloud-metadata", None, {}, [(80, "TCP", None)], "169.254.169.254", False))

    allowed = set()
    for src in pods:
        for dst in pods:
            if not (src.managed or dst.managed):
                continue
            for port, proto, _ in dst.ports:
                if (side_allows(policies, src, dst, dst, port, proto, "Egress")
                        and side_allows(policies, dst, src, dst, port, proto, "Ingress")):
                    allowed.add((src.name, dst.name, port if proto == "TCP" else f"{port}/{proto.lower()}"))
    short = label.split("/")[-1]
    expected = {}
    for src, dst, port, why in ARROWS["all"] + ARROWS.get(short, []):
        expected[(src, dst, port)] = why
    for pod in pods:
        if pod.managed:
            expected[(pod.name, "kube-dns", "53/udp")] = "DNS"
            expected[(pod.name, "kube-dns", 53)] = "DNS"
    for client in clients:
        for port in tls_ports.get(cluster, {}):
            expected[(client, "kafka", port)] = "Kafka (TLS, SCRAM-SHA-512)"
    names = {p.name for p in pods}
    for (src, dst, port), why in sorted(expected.items(), key=str):
        if src in names and dst in names and (src, dst, port) not in allowed:
            say(f"NetworkPolicies block {src} -> {dst}:{port} ({why})")
    for src, dst, port in sorted(allowed - set(expected), key=str):
        say(f"NetworkPolicies allow {src} -> {dst}:{port}, which is not an arrow of docs/architecture.md")
    for np in policies:
        for rule in (np.get("spec") or {}).get("egress") or []:
            for peer in rule.get("to") or []:
                block = peer.get("ipBlock")
                if not block:
                    continue
                net = ipaddress.ip_network(block["cidr"], strict=False)
                excepted = [ipaddress.ip_network(x, strict=False) for x in block.get("except") or []]
                for private in PRIVATE:
                    if net.version == private.version and net.overlaps(private) and not any(
                            private.subnet_of(x) for x in excepted if x.version == private.version):
                        say(f"NetworkPolicy/{np['metadata']['name']}: egress ipBlock {block['cidr']} does not except "
                            f"{private} (pods, services, the metadata server)")
    if show:
        for src, dst, port in sorted(allowed, key=str):
            print(f"{label}: {src} -> {dst}:{port}")
    return {"users": len(users), "policies": len(policies), "allowed": len(allowed), "clients": len(clients)}


def main():
    args = sys.argv[1:]
    here = args.pop(0)
    show = "--show" in args
    args = [a for a in args if a != "--show"]
    k8s = os.path.abspath(args[0]) if args else here
    root = os.path.abspath(os.path.join(here, "..", ".."))
    cmd = find_kustomize(root)
    how = f"{' '.join(cmd)} {kustomize_version(cmd)}" if cmd else "check.sh's own renderer"
    stats = {}
    for target in TARGETS:
        path = os.path.join(k8s, target)
        try:
            objs = render_kustomize(cmd, path) if cmd else render_python(path)
        except (RenderError, OSError, KeyError, ValueError, IndexError, TypeError) as e:
            fail(f"{target}: cannot render: {e}")
            continue
        stats[target] = check_target(target, objs, show)
    if FAILURES:
        for f in FAILURES:
            print(f)
        return 1
    s = stats
    print(f"k8s check: {', '.join(t.split('/')[-1] for t in TARGETS)} rendered ({how}): Kafka TLS+SCRAM only, "
          f"{s['overlays/prod']['clients']} clients each with its KafkaUser and SASL_SSL, ACLs as "
          f"docs/architecture.md; default deny, every workload with its policy, allowed connections = the arrows "
          f"({'/'.join(str(s[t]['allowed']) for t in TARGETS)}): OK")
    return 0


sys.exit(main())
PYTHON
