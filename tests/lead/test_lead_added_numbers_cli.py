"""The lead's `L1`, `L2` … name its added findings by their place in its answer. One of them that
restates a kept finding is not added (test_lead_added_restates_cli), yet the lead's prose still
names it and the ones after it by those numbers: each must read as the finding the lead meant."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced

# alpha's own words for K1 (`shout(None)` crashes): the restatement matches alpha's member
RESTATED = {
    "severity": "important",
    "title": "`shout` crashes on `None` input",
    "locations": [{"path": "util/strings.py", "start": 1, "end": 2}],
    "classification": "regression",
    "body": "```python\ndef shout(s):\n    return s.upper()\n```\n\n`shout(None)` raises "
    "`AttributeError: 'NoneType' object has no attribute 'upper'`.",
    "reason": "Read util/strings.py:2.",
}
NEW = {
    "severity": "important",
    "title": "`sub` drops the sign of negative results when formatted",
    "locations": [{"path": "calc.py", "start": 5, "end": 6}],
    "classification": "regression",
    "body": "`'%u' % sub(1, 2)` loses the minus sign the callers print.",
    "reason": "Read calc.py:5-6.",
}


def _ids_in(text: str) -> list[str]:
    return re.findall(r"\b[CIS]\d+\b|\bL\d+\b", text)


def _id_of(run: Any, title: str) -> str:
    return str(run.finding(title)["id"])


def test_an_added_finding_after_a_restated_one_keeps_its_own_number(tmp_path: Path) -> None:
    """L1 restates K1 and is not added; L2 is. "L2" must name L2's finding, never L1's place,
    and "L1" the finding it restates (not left as an ID the report does not have)."""
    run = review_with_lead(
        tmp_path,
        [
            fenced(
                answer(
                    added_findings=[RESTATED, NEW],
                    verdict={"label": "Merge with fixes", "reason": "L2 and K1 need fixing."},
                    executive_summary="L2 is new; L1 repeats K1.",
                )
            )
        ],
    )
    titles = [f["title"] for f in run.report["findings"]]
    assert titles.count(RESTATED["title"]) == 1  # alpha's, not the lead's copy
    new, k1 = _id_of(run, NEW["title"]), _id_of(run, RESTATED["title"])
    assert run.report["header"]["verdict"]["reason"] == f"{new} and {k1} need fixing."
    assert run.report["executive_summary"] == f"{new} is new; {k1} repeats {k1}."
    head = run.md.split("## Appendix", 1)[0]
    assert "L1" not in _ids_in(head) and "L2" not in _ids_in(head), head


def test_a_restatement_names_the_part_of_a_split_that_holds_what_it_restates(
    tmp_path: Path,
) -> None:
    """The lead splits alpha's claim out of K1 and adds alpha's own words again: the note and
    the lead's `L1` name the finding alpha's claim is in now, not the one left in K1."""
    decisions: list[dict[str, Any]] = [
        {
            "cluster": "K1",
            "action": "split",
            "split_members": ["alpha:I1"],
            "reason": "alpha quotes the whole function at util/strings.py:1-2.",
        },
        *ANSWER["decisions"],
    ]
    run = review_with_lead(
        tmp_path,
        [
            fenced(
                answer(
                    decisions=decisions,
                    added_findings=[RESTATED],
                    verdict={"label": "Merge with fixes", "reason": "L1 needs a guard."},
                )
            )
        ],
    )
    alpha = next(f for f in run.report["findings"] if f["reviewers"] == ["Alpha"])
    bravo = next(f for f in run.report["findings"] if f["reviewers"] == ["Bravo"])
    assert alpha["id"] != bravo["id"]
    said = f"The lead's added finding “{RESTATED['title']}” restates {alpha['id']} ("
    assert said in run.md, run.section("## Agent Performance Retro")
    assert run.report["header"]["verdict"]["reason"] == f"{alpha['id']} needs a guard."
