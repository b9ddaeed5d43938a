"""The seat's closing word after its last finding is no part of that finding.

Tried as a new user would: a review whose last finding is followed by "Overall, the change
needs work before it can be merged." (or, after a `---`, "I'd hold this PR until I1 is
addressed; everything else looks fine.", or "That's everything I found; the rest looks good.")
showed that sentence as the end of the last finding's Fix or text in the report, as if it were
part of what to change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.printing_seats import review_printed

_HEADINGS = (
    "## Summary\n\nAdds `sub` and `shout`.\n\n## Important Issues\n\n"
    "### I1. `sub` ignores its second argument — `calc.py:5`\n\n"
    "It returns `a` alone.\n\n**Fix:** Return `a - b`.\n\n"
)
_TAGS = (
    "**[HIGH]** `calc.py:5` — `sub` ignores its second argument.\n\n"
    "**[LOW]** `util/strings.py:1` — `shout` has no docstring.\n\n"
)
CLOSED = {
    "overall-needs-work": (_HEADINGS + "Overall, the change needs work before it can be merged.\n"),
    "after-a-rule": (
        _HEADINGS + "---\n\nI'd hold this PR until I1 is addressed; everything else looks fine.\n"
    ),
    "tagged-paragraphs": _TAGS + "That's everything I found; the rest looks good.\n",
    "otherwise-fine": _TAGS + "Otherwise looks fine.\n",
    "one-codex-item": (
        "**Findings**\n\n- [P1] `sub` ignores its second argument — calc.py:5\n"
        "  It returns `a` alone.\n\n"
        "Overall the patch is not safe to merge until that is fixed.\n"
    ),
}
_CLOSINGS = (
    "Overall",
    "everything else looks fine",
    "the rest looks good",
    "not safe to merge",
    "Otherwise looks fine",
)


def _text(finding: dict[str, Any]) -> str:
    return f"{finding['title']}\n{finding['body']}\n{finding['fix']}"


@pytest.mark.parametrize("name", sorted(CLOSED))
def test_a_closing_word_is_not_the_last_findings_text(tmp_path: Path, name: str) -> None:
    _, out, report = review_printed(tmp_path, {"alpha": CLOSED[name]})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    found = report["findings"]
    assert found, report["header"]
    for f in found:
        assert not any(c in _text(f) for c in _CLOSINGS), f
    # the seat's text is all still there, in its review in the appendix
    assert CLOSED[name].rstrip().splitlines()[-1] in report["appendix"][0]["text"]


KEPT = {
    # the last finding's own further paragraph
    "its-own-paragraph": _HEADINGS + "This also breaks every caller that passes a negative `b`.\n",
    # a closing that goes on to tell a problem is no closing word alone
    "closing-with-a-problem": (
        _HEADINGS + "Overall the PR is fine, but the logger also leaks the session token.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_text_that_says_more_stays_with_the_last_finding(tmp_path: Path, name: str) -> None:
    _, _, report = review_printed(tmp_path, {"alpha": KEPT[name]})
    last = KEPT[name].rstrip().splitlines()[-1]
    assert any(last in _text(f) for f in report["findings"]), report["findings"]
