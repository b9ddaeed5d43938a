"""Child process for the secret scan: `python -P -m deepreview.agents.static.secrets_worker`.

detect-secrets keeps its plugin settings in process-global state and scans in pure Python, so
it runs here, under `proc.run`, where the seat's timeout and Ctrl-C can stop it.  Prints, per
file and as soon as it is scanned, one line: a JSON list of `{path, line, type, secret}`; the
parent masks every value before output. A run the deadline cuts off keeps the files it finished.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from detect_secrets import SecretsCollection
from detect_secrets.settings import default_settings


def scan(path: str) -> list[dict[str, Any]]:
    """detect-secrets' hits in one file (under `default_settings`)."""
    collection = SecretsCollection()
    collection.scan_file(path)
    return [
        {
            "path": path,
            "line": secret.line_number,
            "type": secret.type,
            "secret": secret.secret_value,
        }
        for filename in collection.files
        for secret in collection[filename]
    ]


def main(argv: list[str]) -> int:
    paths = argv[1:] if argv[:1] == ["--"] else argv
    with default_settings():
        for path in paths:
            sys.stdout.write(json.dumps(scan(path)) + "\n")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
