"""Schemathesis checks of the platform's rules for answers (deploy/local/fuzz.sh loads this as SCHEMATHESIS_HOOKS).

Every 4xx is an RFC 9457 problem (application/problem+json with a status and a detail); no answer carries a stack
frame or an internal class name. Each answer is also counted per operation, and the counts written as JSON to
$CSR_FUZZ_COUNTS when the run ends, for docs/benchmarks.md.
"""
import atexit
import json
import os
import re
from collections import defaultdict

import schemathesis

INTERNAL = re.compile(r"\bcom\.csr\.|\bjava\.[a-z]+\.|\borg\.jboss\.|\bio\.quarkus\.|\bio\.vertx\.|"
                      r"\bcom\.fasterxml\.|Exception\b|\n\s+at [\w$.]+\(")
COUNTS = defaultdict(lambda: defaultdict(int))


@atexit.register
def _write_counts():
    path = os.environ.get("CSR_FUZZ_COUNTS")
    if path:
        with open(path, "w") as out:
            json.dump({op: dict(statuses) for op, statuses in sorted(COUNTS.items())}, out, indent=1)


@schemathesis.check
def answers_are_clean_problems(ctx, response, case):
    """A 4xx is a problem document; no body names the code that made it."""
    label = case.operation.label
    status = response.status_code
    COUNTS[label][str(status)] += 1
    body = response.text or ""
    if INTERNAL.search(body):
        COUNTS[label]["unclean"] += 1
        raise AssertionError(f"the answer names internals: {INTERNAL.search(body).group(0)!r}")
    if 400 <= status < 500:
        kind = response.headers.get("content-type", [""])
        kind = kind[0] if isinstance(kind, list) else kind
        if not kind.startswith("application/problem+json"):
            COUNTS[label]["unclean"] += 1
            raise AssertionError(f"a {status} that is no problem document ({kind or 'no content type'})")
        try:
            problem = json.loads(body)
        except ValueError:
            COUNTS[label]["unclean"] += 1
            raise AssertionError(f"a {status} whose problem is not JSON")
        if problem.get("status") != status or not problem.get("detail"):
            COUNTS[label]["unclean"] += 1
            raise AssertionError(f"a {status} problem without its status or a detail: {body[:200]}")
