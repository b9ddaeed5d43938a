"""Child process for the secret scan: `python -P -m deepreview.agents.static.secrets_worker`
with the files' paths after `--`, or `--stdin` and the paths NUL-separated on stdin (25 000
changed files are more than one command line holds).

detect-secrets keeps its plugin settings in process-global state and scans in pure Python, so
it runs here, under `proc.run`, where the seat's timeout and Ctrl-C can stop it.  Prints, per
file and as soon as it is scanned, one line: a JSON list of `{path, line, type, secret}`; the
parent masks every value before output. A run the deadline cuts off keeps the files it finished.

The inline allowlist (`# pragma: allowlist secret`, `# pragma: allowlist nextline secret`) is
switched off: the reviewed change writes those comments itself, and a change must not be able to
hide its own secrets from the review (findings are only taken on added lines).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from detect_secrets import SecretsCollection
from detect_secrets.settings import default_settings

ALLOWLIST_FILTER = "detect_secrets.filters.allowlist.is_line_allowlisted"


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
    if argv == ["--stdin"]:  # NUL-separated on stdin: no command-line limit on how many
        listed = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
        paths = [p for p in listed.split("\0") if p]
    else:
        paths = argv[1:] if argv[:1] == ["--"] else argv
    with default_settings() as settings:
        settings.disable_filters(ALLOWLIST_FILTER)
        for path in paths:
            sys.stdout.write(json.dumps(scan(path)) + "\n")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
