"""A lead's added finding that restates a finding the report keeps (same place, same problem,
told as the consolidation tells two seats' findings apart) is not reported a second time: the
counts stay those of the problems found, and Reconciliation says what became of it."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced

RESTATED = {
    "severity": "important",
    "title": "`shout` raises AttributeError on None",
    "locations": [{"path": "util/strings.py", "start": 2}],
    "classification": "regression",
    "body": "```python\n    return s.upper()\n```\n\n`shout(None)` raises AttributeError.",
    "reason": "Read util/strings.py:2.",
}
NEW = {
    "severity": "suggestion",
    "title": "`shout` changes the length of strings containing `ß`",
    "locations": [{"path": "util/strings.py", "start": 2}],
    "classification": "regression",
    "body": "`'ß'.upper()` is `'SS'`, so callers that slice by the input's length break.",
    "reason": "Read util/strings.py:2; `str.upper` applies full case mapping.",
}


def test_an_added_finding_restating_a_kept_one_is_not_counted_twice(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, [fenced(answer(added_findings=[RESTATED, NEW]))])
    titles = [f["title"] for f in run.report["findings"]]
    assert RESTATED["title"] not in titles
    assert NEW["title"] in titles  # another problem at the same line is the lead's own
    important = [f for f in run.report["findings"] if f["severity"] == "important"]
    assert [f["title"] for f in important] == ["`shout` crashes on `None` input"]
    assert "The lead's added finding “`shout` raises AttributeError on None” restates I1" in run.md


OTHER_ERROR = {
    "severity": "important",
    "title": "`shout` crashes on bytes input",
    "locations": [{"path": "util/strings.py", "start": 2}],
    "classification": "regression",
    "body": "```python\n    return s.upper()\n```\n\n`shout(b'x')` raises `UnicodeDecodeError` "
    "instead of returning text.",
    "reason": "Read util/strings.py:2.",
}


def test_an_added_finding_naming_another_error_at_the_same_line_is_added(tmp_path: Path) -> None:
    """Same function, line and words as K1 (`shout` crashes on `None`: `AttributeError`), but
    another failure: the error it names is none K1's findings name. The lead's verified finding
    is reported, not thrown away as a restatement."""
    run = review_with_lead(tmp_path, [fenced(answer(added_findings=[OTHER_ERROR]))])
    titles = [f["title"] for f in run.report["findings"]]
    assert OTHER_ERROR["title"] in titles, run.section("## Agent Performance Retro")
    assert "not added twice" not in run.md
