"""Under "No blocking issues. Minor:" an item that tells a deadlock, a race, a bypassed check or
a leaked secret is serious in its own words too: it keeps important, not a Suggestion
(`lesser_items.serious_level`); a denied one ('no race condition') stays minor."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity


def review(item: str) -> str:
    return (
        "## Executive Summary\n\nAdds a job queue.\n\n## Findings\n\nNo blocking issues. Minor:\n\n"
        f"- `src/q.py:3` — the constant name is vague.\n- `src/q.py:9` — {item}\n\n"
        "## Verdict\n\nMerge.\n"
    )


@pytest.mark.parametrize(
    ("item", "level"),
    [
        ("the worker deadlocks when two writers flush at once.", Severity.IMPORTANT),
        ("race condition: two workers can take the same job.", Severity.IMPORTANT),
        ("the auth check can be bypassed with a crafted header.", Severity.IMPORTANT),
        ("the retry log leaks the API token.", Severity.IMPORTANT),
        ("there is no race condition, but the name `q2` is vague.", Severity.SUGGESTION),
    ],
)
def test_more_serious_words_keep_their_level(item: str, level: Severity) -> None:
    r = parse_review(review(item), seat="s")
    assert [(f.locations[0].start, f.severity) for f in r.findings] == [
        (3, Severity.SUGGESTION),
        (9, level),
    ], r.findings
