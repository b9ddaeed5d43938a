"""List items led by a colour circle with a plain (not bold) title and a place:
`- 🔴 Title — `a.py:120`. Why.`, `- 🟢 Title — `a.py:4`.`

The whole list was findings text that could not be read (Unverified). Red, orange and yellow
before a plain title with a place are its level; green and blue (which may be praise) are only
in a list of such circle-led findings, so a strengths list stays strengths.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Findings\n\n"
    "- 🔴 Webhook secret compared with `==` — `hooks/verify.py:22`. Timing leaks the secret.\n"
    "- 🟠 Retries ignore `Retry-After` — `hooks/send.py:60`.\n"
    '- 🟢 Log line misspells "signature" — `hooks/verify.py:9`.\n\n'
    "## Verdict\n\nRequest changes.\n"
)


def test_each_circle_item_is_a_finding_at_its_level() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    assert [(f.id, f.title) for f in review.findings] == [
        ("C1", "Webhook secret compared with `==`"),
        ("I1", "Retries ignore `Retry-After`"),
        ("S1", 'Log line misspells "signature"'),
    ]


def test_green_praise_with_places_stays_strengths() -> None:
    text = (
        "## Strengths\n\n- 🟢 Clean split of signing and sending (`hooks/send.py:3`)\n"
        "- 🟢 Tests cover a forged header (`tests/test_verify.py:40`)\n\n"
        "## Findings\n\n- 🟠 Retries ignore `Retry-After` — `hooks/send.py:60`.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [("I1", "Retries ignore `Retry-After`")]


def test_the_verdict_sees_the_critical_one(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    assert report["header"]["verdict"]["label"] == "Rework", report["header"]["verdict"]
