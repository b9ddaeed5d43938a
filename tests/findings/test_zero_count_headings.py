"""Trial 56a #19: a severity heading that carries its count (`## Suggestions (0)`, `## Critical
Issues: 0`) says that section is empty: a review ending on one is complete, not cut off after
its heading; `LGTM.` after the last one is a clean closing word, not findings text. A heading
with a count above zero and nothing under it is still cut off."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from support.printing_seats import review_printed

_ONE = (
    "## Executive Summary\n\nRenames a helper.\n\n## Critical Issues{c}\n\n"
    "## Important Issues{i}\n\nI1. **Old name still exported** — `calc.py:2` (important, gap)\n"
    "Callers importing `get_user` break.\n\n## Suggestions{s}\n"
)


@pytest.mark.parametrize(
    ("c", "i", "s"), [(" (0)", " (1)", " (0)"), (": 0", ": 1", ": 0"), (" — 0", " — 1", " [0]")]
)
def test_a_review_ending_on_a_zero_count_heading_is_complete(c: str, i: str, s: str) -> None:
    r = parse_review(_ONE.format(c=c, i=i, s=s), seat="alpha")
    assert [f.id for f in r.findings] == ["I1"]
    assert r.cut_off == "", r.cut_off


@pytest.mark.parametrize("s", [" (2)", "", ": 3"])
def test_a_review_ending_on_a_heading_with_findings_to_come_is_cut_off(s: str) -> None:
    r = parse_review(_ONE.format(c=" (0)", i=" (1)", s=s), seat="alpha")
    assert r.cut_off, r.warnings


_ZEROS = (
    "## Executive Summary\n\nRenames a helper.\n\n## Critical Issues: 0\n## Important Issues: 0\n"
    "## Suggestions: 0\n\n"
)


@pytest.mark.parametrize("tail", ["LGTM.", "Looks good to me!", "Ship it."])
def test_lgtm_after_zero_count_headings_is_clean(tail: str) -> None:
    r = parse_review(_ZEROS + tail + "\n", seat="alpha")
    assert r.findings == () and r.unread_findings == (), r.unread_findings
    assert r.cut_off == ""
    assert unparseable_reason(r) is None


@pytest.mark.parametrize(
    "tail", ["LGTM except the missing test for `calc.py:4`.", "LGTM, but the cache never expires."]
)
def test_lgtm_with_a_reservation_is_still_findings_text(tail: str) -> None:
    r = parse_review(_ZEROS + tail + "\n", seat="alpha")
    assert r.unread_findings, r.warnings


def test_zero_count_headings_and_lgtm_are_merge_as_is(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _ZEROS + "LGTM.\n"})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


def test_lgtm_then_a_clause_of_new_text_is_still_findings_text() -> None:
    r = parse_review(_ZEROS + "Looks good overall; the test for the parser is missing.\n", seat="a")
    assert r.unread_findings, r.warnings
