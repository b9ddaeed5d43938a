"""Trial 56a #7: a `## Verdict` of one sentence written as a label, with no full stop, ends a
complete review; one that stops on an open word or after an earlier sentence is cut off."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed
from support.review_texts import CLEAN_REVIEW, ONE_FINDING_REVIEW


def _ending(verdict: str) -> str:
    return ONE_FINDING_REVIEW.replace(
        "## Suggestions\n\nNone.\n\n", "## Suggestions\n\nNone.\n\n" + verdict
    )


WHOLE_VERDICTS = [
    "## Verdict\n\nMerge once the export streams its rows instead of loading them all\n",
    "## Verdict\n\nNot ready to merge until the rows are streamed in bounded chunks\n",
    "## Verdict\n\n**Needs changes** — I1 has to be fixed before merge, the rest can wait\n",
    "**Verdict:** Merge once the export streams its rows instead of loading them all\n",
]


@pytest.mark.parametrize("verdict", WHOLE_VERDICTS)
def test_a_verdict_line_without_a_full_stop_is_no_cut_off(verdict: str) -> None:
    r = parse_review(_ending(verdict), seat="alpha")
    assert r.cut_off == "", r.cut_off
    assert r.verdict_line


CUT_VERDICTS = [
    "## Verdict\n\nMerge once the export streams its rows instead of loading the\n",
    "## Verdict\n\nMerge with fixes. The export has to stream before this ships because the "
    "worker quickly runs\n",
    "## Verdict\n\nRequest changes: the export has to stream (see I1 and the\n",
    "## Verdict\n\n**Needs changes** — I1 has to be fixed before merge, and\n",
]


@pytest.mark.parametrize("verdict", CUT_VERDICTS)
def test_a_verdict_that_stops_mid_sentence_is_still_cut_off(verdict: str) -> None:
    r = parse_review(_ending(verdict), seat="alpha")
    assert r.cut_off, r.verdict_line


def test_a_clean_review_with_a_long_verdict_line_is_merge_as_is(tmp_path: Path) -> None:
    text = (
        CLEAN_REVIEW
        + "## Verdict\n\nMerge as-is since the rename is complete and every caller moved\n"
    )
    _res, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
