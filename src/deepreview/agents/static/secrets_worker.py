"""Child process for the secret scan: `python -P -m deepreview.agents.static.secrets_worker`.

detect-secrets keeps its plugin settings in process-global state and scans in pure Python, so
it runs here, under `proc.run`, where the seat's timeout and Ctrl-C can stop it.  Prints a JSON
list of `{path, line, type, secret}` to stdout; the parent masks every value before output.

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


def scan(paths: list[str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    with default_settings() as settings:
        settings.disable_filters(ALLOWLIST_FILTER)
        for path in paths:
            collection = SecretsCollection()
            collection.scan_file(path)
            for filename in collection.files:
                for secret in collection[filename]:
                    found.append(
                        {
                            "path": path,
                            "line": secret.line_number,
                            "type": secret.type,
                            "secret": secret.secret_value,
                        }
                    )
    return found


def main(argv: list[str]) -> int:
    paths = argv[1:] if argv[:1] == ["--"] else argv
    sys.stdout.write(json.dumps(scan(paths)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
