"""`No blocking issues. A couple of nits:` then the nits at their places.

The opening sentence says none of *one level*; the list after it is the lesser findings. They
used to be dropped without a trace (the section read as "nothing found", the verdict as
"Merge as-is — no issues found"). Called minor ("A couple of nits:", or `nit:` on every item)
they are Suggestions, each at its place with its title; called nothing, they are findings text
that could not be read, as the same list is without the opening sentence. A later round's "No
further issues. The round-1 findings are resolved:" + the fixed places stays a clean statement.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_NITS = (
    "## Executive Summary\n\nA small refactor of the helpers.\n\n## Findings\n\n"
    "No blocking issues. A couple of nits:\n\n"
    "- `calc.py:2` — nit: `tmp` could be named `total`.\n"
    "- `calc.py:4` — nit: the docstring says list but it returns a tuple.\n"
)


def test_nits_after_no_blocking_issues_are_suggestions() -> None:
    review = parse_review(_NITS, seat="alpha")
    assert [
        (f.id, f.title, f.locations[0].path, f.locations[0].start) for f in review.findings
    ] == [
        # (the `nit:` lead is the level, no part of the problem: `title_decor`)
        ("S1", "`tmp` could be named `total`", "calc.py", 2),
        ("S2", "the docstring says list but it returns a tuple", "calc.py", 4),
    ]
    assert not review.unread_findings, review.unread_findings


def test_items_each_called_a_nit_are_suggestions() -> None:
    text = _NITS.replace("A couple of nits:", "A few things:")
    review = parse_review(text, seat="alpha")
    assert [f.id for f in review.findings] == ["S1", "S2"]
    assert not review.unread_findings, review.unread_findings


def test_an_intro_line_right_above_the_list_is_no_item() -> None:
    text = (
        "## Findings\n\nNo major issues.\nMinor suggestions:\n"
        "1. `calc.py:2`: `tmp` could be named `total`.\n"
        "2. `calc.py:4`: the docstring says list but it returns a tuple.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [
        ("S1", "`tmp` could be named `total`"),
        ("S2", "the docstring says list but it returns a tuple"),
    ]
    assert not review.unread_findings, review.unread_findings


def test_items_not_called_minor_are_still_not_dropped() -> None:
    text = (
        "## Findings\n\nNo blocking issues. A few things:\n\n"
        "- `calc.py:2` — `tmp` could be named `total`.\n"
        "- `calc.py:4` — the docstring says list but it returns a tuple.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings
    assert review.unread_findings and "`calc.py:4`" in review.unread_findings[0]


def test_a_later_rounds_fixed_list_after_no_further_issues_stays_clean() -> None:
    text = (
        "## Findings\n\nNo further issues. The round-1 findings are resolved:\n\n"
        "- I1 (`calc.py:2`) — fixed.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings and not review.unread_findings


def test_the_report_shows_the_nits_and_the_verdict_is_read(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _NITS})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert [(f["id"], f["severity"]) for f in report["findings"]] == [
        ("S1", "suggestion"),
        ("S2", "suggestion"),
    ]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge as-is", verdict
    assert "could not be read" not in verdict["reason"], verdict
