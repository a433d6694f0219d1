"""Validates Kubernetes manifests offline; called by deploy/validate.sh.

Built-in kinds go through kubernetes-validate (PyPI), which ships the Kubernetes JSON schemas, in strict mode
(unknown fields are errors). Strimzi's kinds (kafka.strimzi.io) go through the openAPIV3Schema of the CRDs that
Strimzi's own CRD generator makes from its API jar (Maven Central; validate.sh runs it), checked with jsonschema,
also strictly: like the API server's field validation, a field a schema does not declare is an error unless the
schema preserves unknown fields. A kind with no schema is an error, never skipped.

Besides the schemas, it checks that the KafkaTopics, and the topics compose.yaml's kafka-topics service creates, are
the topics of the contracts' Topics.java, compacted exactly where Topics.COMPACTED says, with the partitions
`csr topics` creates (the CLI's KafkaCommands default).
"""
import argparse
import collections
import copy
import functools
import glob
import os
import re
import sys

import jsonschema
import kubernetes_validate
import kubernetes_validate.utils as kv_utils
import yaml

# kubernetes-validate reads its (large) definitions file again for every object; read each file once.
kv_utils.schema_contents = functools.lru_cache(maxsize=None)(kv_utils.schema_contents)


def documents(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def strict(schema):
    """An openAPIV3Schema as a JSON schema that rejects fields it does not declare, as the API server does."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if (node.get("type") == "object" and "properties" in node and "additionalProperties" not in node
                    and not node.get("x-kubernetes-preserve-unknown-fields")):
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def crd_schemas(directory):
    """(apiVersion, kind) -> validator, from every CustomResourceDefinition in directory/*.yaml."""
    schemas = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        for crd in documents(path):
            if crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                if version.get("served", True):
                    schema = strict(version["schema"]["openAPIV3Schema"])
                    schemas[(f"{group}/{version['name']}", kind)] = jsonschema.Draft7Validator(schema)
    return schemas


def name_of(doc):
    return f"{doc.get('kind')}/{(doc.get('metadata') or {}).get('name')}"


def validate(doc, versions, crds):
    """Error messages for one object (empty when valid)."""
    api_version, kind = doc.get("apiVersion"), doc.get("kind")
    if not api_version or not kind:
        return ["no apiVersion or kind"]
    if api_version.split("/")[0] in {group.split("/")[0] for group, _ in crds}:
        validator = crds.get((api_version, kind))
        if validator is None:
            return [f"no schema for {kind} {api_version} (not a built-in kind and no CRD generated for it)"]
        return [f"CRD schema: {'.'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))]
    by_message = collections.OrderedDict()  # the same problem under several Kubernetes versions is said once
    for version in versions:
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as e:
            by_message.setdefault(f"{'.'.join(map(str, e.path)) or '(root)'}: {e.message}", []).append(version)
        except kubernetes_validate.SchemaNotFoundError as e:
            by_message.setdefault(f"no schema for {kind} {api_version}", []).append(version)
    return [f"Kubernetes {', '.join(v)}: {m}" for m, v in by_message.items()]


def java_string_list(source, name):
    """The string constants a `List.of(...)` constant of the contracts' Topics names, resolved to their values."""
    constants = dict(re.findall(r'static final String (\w+) = "([^"]+)";', source))
    match = re.search(name + r"\s*=\s*List\.of\(([^)]*)\)", source)
    if not match:
        raise SystemExit(f"k8s_validate: cannot find {name} in contracts' Topics.java")
    return [constants[c.strip()] for c in match.group(1).split(",") if c.strip()]


def core_topics(topics_java):
    source = open(topics_java, encoding="utf-8").read()
    return java_string_list(source, "ALL"), java_string_list(source, "COMPACTED")


def compose_topic_errors(compose_file, topics_java, partitions):
    every, compacted = core_topics(topics_java)
    with open(compose_file, encoding="utf-8") as f:
        service = (yaml.safe_load(f).get("services") or {}).get("kafka-topics")
    if not service:
        return [f"{compose_file}: no kafka-topics service"]
    env = service.get("environment") or {}
    errors = []
    if sorted(str(env.get("TOPICS", "")).split()) != sorted(every):
        errors.append(f"kafka-topics TOPICS {sorted(str(env.get('TOPICS', '')).split())} are not contracts' Topics.ALL")
    if sorted(str(env.get("COMPACTED", "")).split()) != sorted(compacted):
        errors.append(f"kafka-topics COMPACTED {env.get('COMPACTED')} is not contracts' Topics.COMPACTED {compacted}")
    if str(env.get("PARTITIONS")) != str(partitions):
        errors.append(f"kafka-topics PARTITIONS {env.get('PARTITIONS')}, `csr topics` makes {partitions}")
    return errors


def topic_errors(docs, topics_java, partitions):
    every, compacted = core_topics(topics_java)
    topics = {d["metadata"]["name"]: d for d in docs if d.get("kind") == "KafkaTopic"}
    errors = []
    if sorted(topics) != sorted(every):
        errors.append(f"KafkaTopics {sorted(topics)} are not contracts' Topics.ALL {sorted(every)}")
    for name, topic in topics.items():
        spec = topic.get("spec") or {}
        policy = (spec.get("config") or {}).get("cleanup.policy", "delete")
        wanted = "compact" if name in compacted else "delete"
        if policy != wanted:
            errors.append(f"KafkaTopic/{name}: cleanup.policy {policy}, contracts' Topics says {wanted}")
        if spec.get("partitions") != partitions:
            errors.append(f"KafkaTopic/{name}: partitions {spec.get('partitions')!r}, `csr topics` makes {partitions}")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kubernetes-versions", default="1.37.0", help="comma-separated, e.g. 1.30.0,1.37.0")
    parser.add_argument("--crds", required=True, help="directory of generated CRD YAML files")
    parser.add_argument("--topics-java", help="contracts' Topics.java: check the KafkaTopics of each set against it")
    parser.add_argument("--partitions", type=int, default=3)
    parser.add_argument("--skip-groups", default="", help="API groups not to validate (comma-separated), said loudly")
    parser.add_argument("--compose", help="compose.yaml: check its kafka-topics service against contracts' Topics")
    parser.add_argument("sets", nargs="+", metavar="LABEL=FILE[,FILE...]",
                        help="a named set of manifest files (a rendered overlay, or a directory's files)")
    args = parser.parse_args()
    versions = args.kubernetes_versions.split(",")
    crds = crd_schemas(args.crds)

    skip_groups = {g for g in args.skip_groups.split(",") if g}
    failed = 0
    total = 0
    skipped = collections.Counter()
    for spec in args.sets:
        label, _, files = spec.partition("=")
        docs = []
        for path in files.split(","):
            docs += [(path, d) for d in documents(path)]
        kinds = collections.Counter()
        for path, doc in docs:
            kinds[doc.get("kind")] += 1
            if str(doc.get("apiVersion", "")).split("/")[0] in skip_groups:
                skipped[doc.get("kind")] += 1
                continue
            for message in validate(doc, versions, crds):
                failed += 1
                print(f"INVALID {label}: {path}: {name_of(doc)}: {message}")
        if args.topics_java and any(d.get("kind") == "KafkaTopic" for _, d in docs):
            for message in topic_errors([d for _, d in docs], args.topics_java, args.partitions):
                failed += 1
                print(f"INVALID {label}: {message}")
        total += len(docs)
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(f"  {label}: {len(docs)} objects ({summary})")
    if args.compose and args.topics_java:
        for message in compose_topic_errors(args.compose, args.topics_java, args.partitions):
            failed += 1
            print(f"INVALID compose: {message}")
    if skipped:
        print(f"WARNING: NOT validated (group skipped): {', '.join(f'{n} {k}' for k, n in sorted(skipped.items()))}")
        total -= sum(skipped.values())
    print(f"k8s: {total} objects checked against Kubernetes {', '.join(versions)} (kubernetes-validate "
          f"{kubernetes_validate.__version__}, strict) and {len(crds)} Strimzi CRD schemas; {failed} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
