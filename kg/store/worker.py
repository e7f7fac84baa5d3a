"""``python -m kg.store.worker``: run one query for ``run_query``'s timeout.

Reads a JSON request on stdin (store, sparql, fmt, kind, prefixes), writes one JSON
answer on stdout: ``{"ok": text}`` or ``{"error": message}``. It imports only
pyoxigraph and kg.store, so it starts quickly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.store.errors import QueryError
from kg.store.query import execute


def main() -> int:
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        args = (Path(request["store"]), request["sparql"], request["fmt"], request["kind"])
        answer = {"ok": execute(*args, request["prefixes"])}
    except QueryError as exc:
        answer = {"error": exc.message}
    except Exception as exc:  # the parent must hear about anything, not just wait
        answer = {"error": f"the query failed: {type(exc).__name__}: {exc}"}
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8"))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
