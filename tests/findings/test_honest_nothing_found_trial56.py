"""Trial 56a #4: "nothing found" in a reviewer's own words (`I couldn't find any problems`,
`Nothing needs to be fixed`, `The rename is correct; I have nothing to report`) is a clean
review, not findings text that could not be read; a "nothing" that names something is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from support.printing_seats import review_printed


def _under_findings(sentence: str) -> str:
    return (
        "## Executive Summary\n\nRenames a helper and updates every caller.\n\n"
        f"## Findings\n\n{sentence}\n\n## Verdict\n\nMerge as-is.\n"
    )


NOTHING_FOUND = [
    "I found nothing that needs changing.",
    "Nothing needs to be fixed.",
    "I could not spot any problems in this diff.",
    "I can’t find any issues with this change.",
    "No defects found.",
    "There's nothing to fix in this PR.",
    "The rename is correct and complete; I have nothing to report.",
    "This change looks clean and safe. I have no findings.",
]


@pytest.mark.parametrize("sentence", NOTHING_FOUND)
def test_an_honest_nothing_found_in_its_own_words_is_clean(sentence: str) -> None:
    r = parse_review(_under_findings(sentence), seat="alpha")
    assert r.findings == () and r.unread_findings == (), r.unread_findings
    assert unparseable_reason(r) is None


SOMETHING_FOUND = [
    "The retry loop never stops; nothing else to report.",
    "Nothing needs to change in `calc.py`, but `net.py:4` never closes the socket.",
    "I couldn't find any tests for the new retry path.",
    "The rename is incomplete; I have nothing else to report.",
    "Nothing needs changing except the leaked handle in the cache.",
    # a none about one part, then a sentence telling a fault in another
    "No defects found in the happy path. The error path drops the exception silently.",
    "Nothing to fix in the parser. The cache at `cache.py:40` evicts live entries.",
]


@pytest.mark.parametrize("sentence", SOMETHING_FOUND)
def test_a_nothing_found_that_names_something_is_still_read(sentence: str) -> None:
    r = parse_review(_under_findings(sentence), seat="alpha")
    assert r.findings or r.unread_findings


def test_an_honest_nothing_found_is_merge_as_is(tmp_path: Path) -> None:
    _res, out, report = review_printed(
        tmp_path, {"alpha": _under_findings("I couldn't find any problems with this change.")}
    )
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
