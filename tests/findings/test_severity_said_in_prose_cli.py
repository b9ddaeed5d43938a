"""A finding with no level of its own (no tag, label, section or ID) whose text rates it in
words ("This is critical", "high severity", "Minor nit.", "blocking for the release") has that
level; a denied one ("not critical", "nothing critical here", "non-blocking") gives none.

Tried as a new user would: a free-form list under `## Findings` that said "This is critical"
of a token written to the log and "Minor nit." of a name was reported as two important
findings, both listed as unrated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Findings\n\n"
    "1. **`sub` ignores its second argument** (`calc.py:5`) — every subtraction is wrong. "
    "This is critical: totals drift silently.\n"
    "2. **`add` has no docstring** (`calc.py:1`) — callers must read the code. Minor nit.\n"
    "3. **`shout` crashes on `None`** (`util/strings.py:2`) — it raises `AttributeError`. "
    "Not critical, but worth a guard.\n"
)


def test_the_level_said_in_words_is_the_level(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = {
        (f["locations"][0]["path"], f["locations"][0]["start"]): f["severity"]
        for f in report["findings"]
    }
    assert got == {
        ("calc.py", 5): "critical",
        ("calc.py", 1): "suggestion",
        ("util/strings.py", 2): "important",
    }


@pytest.mark.parametrize(
    ("said", "level", "rated"),
    [
        ("This is critical.", "critical", True),
        ("High severity, since one bad upstream pins a worker.", "critical", True),
        ("This is blocking for the release.", "critical", True),
        ("A merge blocker.", "critical", True),
        ("It must be fixed before merging.", "critical", True),
        ("This should block the release.", "critical", True),
        ("Medium priority.", "important", True),
        ("A major issue for callers.", "important", True),
        ("Minor nit.", "suggestion", True),
        ("Just a nit, purely cosmetic.", "suggestion", True),
        ("Nit, not blocking.", "suggestion", True),
        ("Not critical, but confusing.", "important", False),
        ("Nothing critical here.", "important", False),
        ("This is not blocking.", "important", False),
        ("Non-blocking.", "important", False),
        ("Nothing here blocks the merge.", "important", False),
        ("The lock guards a critical section.", "important", False),
        ("This is critical, though the rest is a minor nit.", "important", False),
    ],
)
def test_said_levels_and_denials(said: str, level: str, rated: bool) -> None:
    text = f"## Findings\n\n1. **Retry never stops** (`calc.py:5`) — it spins. {said}\n"
    review = parse_review(text, seat="alpha")
    [finding] = review.findings
    assert finding.severity.value == level
    assert (finding.id not in review.unrated) is rated, review.unrated


def test_a_level_from_the_section_is_kept() -> None:
    text = (
        "## Suggestions\n\n1. **Retry never stops** (`calc.py:5`) — it spins. This is critical.\n"
    )
    [finding] = parse_review(text, seat="alpha").findings
    assert finding.severity.value == "suggestion"
