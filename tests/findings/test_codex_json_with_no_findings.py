"""Codex's review object with no findings: `"findings": []` and `"overall_correctness": "patch
is correct"` is a clean review (its verdict line that), not an unparseable one; with "patch is
incorrect" and no finding listed it is never clean: its explanation is findings text that could
not be read.

Before, both failed the seat as "unparseable review".
"""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _object(correctness: str, explanation: str) -> str:
    return json.dumps(
        {
            "findings": [],
            "overall_correctness": correctness,
            "overall_explanation": explanation,
            "overall_confidence_score": 0.8,
        },
        indent=2,
    )


_CLEAN = _object("patch is correct", "The helper only renames a local; nothing depends on it.")
_WRONG = _object("patch is incorrect", "`sub` subtracts the wrong way round in calc.py.")


def test_a_clean_object_is_a_clean_review(tmp_path: Path) -> None:
    review = parse_review(_CLEAN, seat="codex")
    assert not review.findings and not review.unread_findings
    assert review.verdict_line == "Overall correctness: patch is correct"
    _res, out, report = review_printed(tmp_path, {"codex": _CLEAN})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


def test_an_incorrect_patch_with_no_findings_is_not_clean(tmp_path: Path) -> None:
    review = parse_review(_WRONG, seat="codex")
    assert review.unread_findings == ("`sub` subtracts the wrong way round in calc.py.",)
    _res, _out, report = review_printed(tmp_path, {"codex": _WRONG})
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]
