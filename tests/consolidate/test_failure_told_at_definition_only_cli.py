"""Through the real `deep-review review --lead none`: one seat in a helper's definition, the
other at the page calling it, both naming the helper. A definition and its call are one place
for a problem (`nearby.definition_and_call`), but a failure one title names that the other
never mentions ("Retry loop without any delay" beside a stream opened on every mount and never
closed) is another problem there (`claim_pairs.failure_told_by_one_elsewhere`); the helper told
alike from both places stays one finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

FEED = (
    "let source = null;\n"  # 1
    "\n"  # 2
    "export function subscribe(onItem) {\n"  # 3
    "  source = new EventSource('/api/feed');\n"  # 4
    "  source.onmessage = (e) => onItem(JSON.parse(e.data));\n"  # 5
    "  source.onerror = () => {\n"  # 6
    "    source.close();\n"  # 7
    "    subscribe(onItem);\n"  # 8
    "  };\n"  # 9
    "}\n"  # 10
)
PAGE = (
    "import { subscribe } from '../lib/feed.js';\n"  # 1
    "\n"  # 2
    "export function mountFeed(list) {\n"  # 3
    "  const items = [];\n"  # 4
    "  list.render(items);\n"  # 5
    "  subscribe((item) => {\n"  # 6
    "    items.push(item);\n"  # 7
    "    list.render(items);\n"  # 8
    "  });\n"  # 9
    "}\n"  # 10
)
AT_THE_CALL = (
    "- [P2] pages/feed.js:6 — `subscribe()` runs on every mount and nothing ever closes the"
    " stream it opens; each visit to the page leaves one more live connection behind.\n"
)
OTHER_FAILURE = (
    "## Findings\n\n### Suggestions\n\n#### S1. Retry loop without any delay\n\n"
    "**File:** `lib/feed.js:8`\n\nWhen the server goes away, `subscribe` calls itself again at"
    " once and forever: during an outage all tabs hammer the API with requests.\n"
)
SAME_FAILURE = (
    "## Findings\n\n### Important Issues\n\n#### I1. `subscribe` opens another stream on every"
    " call\n\n**File:** `lib/feed.js:4`\n\nNothing checks for a stream already open, so each"
    " mount that calls `subscribe` adds one more live connection that is never closed.\n"
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(
        tmp, {"lib/feed.js": FEED, "pages/feed.js": PAGE}, seats
    )
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_failure_named_only_at_the_definition_stays_apart(tmp_path: Path) -> None:
    got = _credited(tmp_path, alpha=OTHER_FAILURE, bravo=AT_THE_CALL)
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_same_failure_at_definition_and_call_is_one(tmp_path: Path) -> None:
    got = _credited(tmp_path, alpha=SAME_FAILURE, bravo=AT_THE_CALL)
    assert got == [["Alpha", "Bravo"]], got
