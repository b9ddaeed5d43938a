"""A review written as a generic JSON object (not Codex's schema): `{"issues": [], "summary":
…}` with a summary that finds nothing wrong is a clean review; before, the seat failed as
"unparseable review". With issues listed (`file`, `line`, `severity`, `description`) each is a
finding. An empty list beside a summary that tells a problem is never clean: the summary is
findings text that could not be read.
"""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _object(issues: list[dict[str, object]], summary: str) -> str:
    return "```json\n" + json.dumps({"issues": issues, "summary": summary}, indent=2) + "\n```\n"


_CLEAN = _object([], "Renames a local variable; callers are unaffected.")
_ISSUE = _object(
    [
        {
            "file": "pkg/cache.py",
            "line": 14,
            "severity": "medium",
            "description": "evict() raises KeyError once an entry has expired.",
        }
    ],
    "One problem in the cache.",
)
_TOLD = _object([], "The eviction path now raises KeyError for expired entries.")


def test_an_empty_list_is_a_clean_review(tmp_path: Path) -> None:
    res, _out, report = review_printed(tmp_path, {"alpha": _CLEAN})
    assert report, res.stderr[-2000:]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


def test_listed_issues_are_findings() -> None:
    review = parse_review(_ISSUE, seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("evict() raises KeyError once an entry has expired", "pkg/cache.py:14")
    ]


def test_a_summary_telling_a_problem_is_never_clean(tmp_path: Path) -> None:
    review = parse_review(_TOLD, seat="alpha")
    assert review.unread_findings
    _res, _out, report = review_printed(tmp_path, {"alpha": _TOLD})
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]
