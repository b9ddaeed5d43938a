"""Small models fill the severity sections they have nothing for with a bare `-` (an empty
list item), as others write `None.` or a lone `—`. That is a section saying none: before, the
`-` was findings text that could not be read, and as the last line it read as a review cut
off, so a clean review was Unverified."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_CLEAN = (
    "## Summary\n\nAdds `sub` and a `shout` helper; both are small.\n\n## Findings\n\n"
    "### Critical Issues\n\nNone\n\n### Important Issues\n\n{mid}\n\n### Suggestions\n\n{last}\n"
)


@pytest.mark.parametrize(("mid", "last"), [("N/A", "-"), ("-", "-"), ("*", "N/A")])
def test_a_bare_dash_says_none(mid: str, last: str) -> None:
    review = parse_review(_CLEAN.format(mid=mid, last=last), seat="alpha")
    assert not review.findings
    assert not review.unread_findings, review.unread_findings
    assert not review.cut_off, review.cut_off


def test_the_report_is_merge_as_is(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _CLEAN.format(mid="N/A", last="-")})
    assert [(s["status"], s.get("reason")) for s in out["seats"]] == [("ok", None)], out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


def test_a_dash_before_a_finding_leaves_the_finding() -> None:
    text = _CLEAN.format(mid="-\n- `calc.py:6` — `sub(1, None)` raises TypeError.", last="-")
    review = parse_review(text, seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == ["calc.py:6"]


def test_an_item_cut_off_after_its_dash_is_still_cut_off() -> None:
    text = _CLEAN.format(mid="N/A", last="- The `shout` helper should probably handle the")
    assert parse_review(text, seat="alpha").cut_off
