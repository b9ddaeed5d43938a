"""Trial 53 #9: an honest "no findings" review, however it words it, is a clean review, not
findings text that could not be read (which would make the verdict Unverified)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from support.printing_seats import review_printed

_SUMMARY = "## Executive Summary\n\nThe helpers are fine.\n\n"


def _sections(critical: str, important: str, suggestions: str) -> str:
    return (
        _SUMMARY + f"## Findings\n\n### Critical Issues\n\n{critical}\n\n"
        f"### Important Issues\n\n{important}\n\n### Suggestions\n\n{suggestions}\n"
    )


CLEAN = {
    "comma-list": _SUMMARY
    + "## Findings\n\nNo critical, important or suggestion-level findings.\n",
    "comma-list-oxford": _SUMMARY + "## Findings\n\nNo critical, important, or minor issues.\n",
    "comma-list-found": _SUMMARY + "## Findings\n\nNo critical, high, or medium issues found.\n",
    "kinds-list": (
        _SUMMARY + "## Findings\n\nNo correctness, security or performance problems found.\n"
    ),
    "zero": _SUMMARY + "## Findings\n\nZero findings.\n",
    "i-have-none": (
        _SUMMARY + "## Findings\n\nI have no findings: nothing critical, nothing important, no "
        "suggestions.\n"
    ),
    "count-table": (
        _SUMMARY + "## Findings\n\n| Severity | Count |\n|---|---|\n| Critical | 0 |\n"
        "| Important | 0 |\n| Suggestion | 0 |\n"
    ),
    "zero-under-headings": _sections("0", "0", "0"),
    "nothing-worth-changing": _sections("None.", "None.", "Nothing worth changing."),
    "check-mark-none": _sections("None.", "None.", "✅ None"),
    "one-line-counts": _SUMMARY + "**Critical:** 0 · **Important:** 0 · **Suggestions:** 0\n",
}


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_an_honest_no_findings_review_is_clean(name: str) -> None:
    r = parse_review(CLEAN[name], seat="alpha")
    assert r.findings == ()
    assert r.unread_findings == (), r.unread_findings
    assert unparseable_reason(r) is None


NOT_CLEAN = {
    # a count that is not zero, with no finding we can read: its findings could not be read
    "count-table-with-one": (
        _SUMMARY + "## Findings\n\n| Severity | Count |\n|---|---|\n| Critical | 0 |\n"
        "| Important | 1 |\n| Suggestion | 0 |\n"
    ),
    "comma-list-but": (
        _SUMMARY + "## Findings\n\nNo critical, important or minor issues, but `calc.py` "
        "leaks the handle on every call.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_CLEAN))
def test_a_none_that_takes_itself_back_is_not_clean(name: str) -> None:
    r = parse_review(NOT_CLEAN[name], seat="alpha")
    assert r.findings or r.unread_findings


@pytest.mark.parametrize("name", ["comma-list", "count-table", "one-line-counts"])
def test_an_honest_no_findings_review_passes_the_gate(tmp_path: Path, name: str) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": CLEAN[name]}, "--fail-on", "critical")
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
    assert res.returncode == 0, res.stderr
