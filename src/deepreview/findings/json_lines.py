"""Findings as JSON Lines: one bare JSON object a line (`{"file": "a.py", "line": 3, "sev":
"high", "msg": "…"}`), as a model streams them when asked for machine-readable output, often
between a chatty lead-in and closing words that no JSON reader would take whole.

Only lines that are each one object naming a file (`file`, `path`, `location` holding a name
with its suffix): two or more, outside code blocks other than JSON's own. Log lines or a
payload quoted in a review (`{"level": "info", "message": "started"}`, an access log's
`"path": "/api/orders"`) name no file and stay its text.
"""

from __future__ import annotations

import json
import re
from typing import Final

_PLACE_KEYS: Final = frozenset(("file", "path", "location", "filename", "file_path"))
_FENCE: Final = re.compile(r"^[ \t]{0,3}(?P<f>`{3,}|~{3,})[ \t]*(?P<info>[^\s`]*)")
_FILE: Final = re.compile(r"^[\w./-]*\w\.[A-Za-z]\w{0,9}(?::\d+(?:-\d+)?)?$")
_JSON_INFO: Final = frozenset(("", "json", "jsonl", "ndjson"))


def _place(key: object, value: object) -> bool:
    """The pair names a file (`"file": "a/b.py"`, `"location": "a.py:3"`), not a route
    (`"path": "/api/orders"`)."""
    return str(key).lower() in _PLACE_KEYS and _FILE.match(str(value)) is not None


def json_line_items(text: str) -> list[dict[str, object]]:
    """The findings objects of the text's JSON lines; [] when it has fewer than two."""
    items: list[dict[str, object]] = []
    block: str | None = None  # the open code block's language
    for line in text.split("\n"):
        s = line.strip()
        if (m := _FENCE.match(line)) is not None:
            block = m["info"].lower() if block is None else None
            continue
        if block not in (None, *_JSON_INFO) or not s.startswith("{"):
            continue
        try:
            value = json.loads(s)
        except ValueError:
            continue
        if isinstance(value, dict) and any(_place(k, x) for k, x in value.items()):
            items.append(value)
    return items if len(items) >= 2 else []
