"""An Action items / Next steps item at the place of a finding (I1 at `calc.py:5`) that tells a
different problem there (`calc.py:5` also leaks the log handle) is a finding of its own, not I1
told again: its fault (a leak) is nowhere in I1's words. An item there that tells I1's own
problem again (`fix the wrong subtraction order`, `the broken `sub``) stays the recap
(`repeats.summary_repeats`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

FINDING = (
    "## Executive Summary\n\nAdds `sub`.\n\n"
    "## Findings\n\n### Important Issues\n\n"
    "I1. **`sub` subtracts in the wrong order** — `calc.py:5`\n\n"
    "Every caller gets the negated difference.\n\nFix: return `a - b`.\n\n"
)


@pytest.mark.parametrize(
    "recap",
    [
        "## Action items\n\n1. Swap the operands at `calc.py:5` (I1).\n"
        "2. `calc.py:5` also opens the audit log without closing it, so the handle leaks on "
        "every call — fix before merge.\n",
        "## Next steps\n\n1. Swap the operands at `calc.py:5` (I1); also `calc.py:5` opens the "
        "audit log without closing it, so the handle leaks on every call.\n",
    ],
)
def test_a_new_problem_at_a_findings_place_is_its_own_finding(recap: str) -> None:
    r = parse_review(FINDING + recap, seat="s")
    assert len(r.findings) == 2, r.warnings
    new = r.findings[1]
    assert "leaks" in new.title
    assert [(loc.path, loc.start) for loc in new.locations] == [("calc.py", 5)]


@pytest.mark.parametrize(
    "item",
    [
        "1. Fix the wrong subtraction order at `calc.py:5`.\n",
        "1. `calc.py:5`: the broken `sub` must be fixed before merge.\n",
        "1. Swap the operands at `calc.py:5` (I1); also add a test for `sub` in `test_calc.py`.\n",
    ],
)
def test_an_item_telling_the_findings_own_problem_stays_the_recap(item: str) -> None:
    r = parse_review(FINDING + "## Action items\n\n" + item, seat="s")
    assert [f.id for f in r.findings] == ["I1"], r.warnings


def test_the_new_problem_reaches_the_report(tmp_path: Path) -> None:
    text = FINDING + (
        "## Action items\n\n1. Swap the operands at `calc.py:5` (I1).\n"
        "2. `calc.py:5` also opens the audit log without closing it, so the handle leaks on "
        "every call — fix before merge.\n"
    )
    res, _out, report = review_printed(tmp_path, {"keen": text})
    assert res.returncode == 0, res.stderr[-2000:]
    got = [(f["severity"], f["locations"][0]["start"]) for f in report["findings"]]
    assert got == [(Severity.IMPORTANT.value, 5)] * 2, report["findings"]


def test_a_recap_in_other_words_than_the_finding_stays_the_recap() -> None:
    text = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **Audit log never closed** — `calc.py:5`\n\n"
        "`sub` opens the audit log on every call without a `with` block.\n\n"
        "## Next steps\n\n1. `calc.py:5` leaks a file handle per call; close it before merge.\n"
    )
    r = parse_review(text, seat="s")
    assert [f.id for f in r.findings] == ["I1"], r.warnings
