"""Trial 56a: an honest, complete review must not read as Unverified (findings text that could
not be read) or as cut off because of how it ends or how it says "nothing found"; a review
whose text really holds a problem we cannot read stays unread, and a cut-off one cut off."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from support.printing_seats import review_printed
from support.review_texts import CLEAN_REVIEW, ONE_FINDING_REVIEW

# the last line after the last `None.` section, with no heading of its own
ENDINGS = {
    "bold-verdict": (CLEAN_REVIEW, "**Verdict:** Ship it as it is."),
    "plain-verdict": (CLEAN_REVIEW, "Verdict: Ship it as it is."),
    "bold-whole-verdict": (CLEAN_REVIEW, "**Verdict: Ship it as it is.**"),
    "bold-recommendation": (CLEAN_REVIEW, "**Recommendation:** Approve."),
    "that-is-all": (CLEAN_REVIEW, "That's all I have."),
    "offer-follow-up-issue": (
        CLEAN_REVIEW,
        "Let me know if you want me to file a separate ticket or issue for the nits.",
    ),
    "verdict-naming-its-finding": (
        ONE_FINDING_REVIEW,
        "**Verdict:** Merge with fixes once I1 is done",
    ),
    "overall-naming-its-finding": (
        ONE_FINDING_REVIEW,
        "Overall a good change; I1 is the one blocker",
    ),
    "approve-once-its-finding": (ONE_FINDING_REVIEW, "I would approve once I1 is addressed."),
}


@pytest.mark.parametrize("name", sorted(ENDINGS))
def test_a_closing_line_after_the_last_none_section_is_no_findings_text(name: str) -> None:
    head, tail = ENDINGS[name]
    r = parse_review(head + tail + "\n", seat="alpha")
    assert r.unread_findings == (), r.unread_findings
    assert len(r.findings) == (1 if head is ONE_FINDING_REVIEW else 0)
    assert unparseable_reason(r) is None


def test_a_bold_verdict_line_after_the_last_section_is_the_verdict() -> None:
    r = parse_review(CLEAN_REVIEW + "**Verdict:** Ship it as it is.\n", seat="alpha")
    assert r.verdict_line == "Ship it as it is."


STILL_UNREAD = {
    "that-is-all-but-place": (CLEAN_REVIEW, "That is all from me, but `calc.py:3` still leaks it."),
    "that-is-all-but": (CLEAN_REVIEW, "That's all, but the cache never expires."),
    "offer-naming-a-problem": (
        CLEAN_REVIEW,
        "Let me know if I should open an issue for the race condition in the cache.",
    ),
    # it names a finding the review does not have: its findings text is not there to read
    "blocker-not-in-the-review": (CLEAN_REVIEW, "Overall a good change; I1 is the one blocker"),
    "recommendation-a-change": (CLEAN_REVIEW, "**Recommendation:** Add a lock around the cache."),
    # a verdict line that goes on to tell a problem: the problem is findings text
    "verdict-then-a-problem-sentence": (
        CLEAN_REVIEW,
        "**Verdict:** Merge as-is. The export drops its last row when the file has no newline.",
    ),
    "verdict-then-a-place": (
        CLEAN_REVIEW,
        "**Verdict:** Merge as-is; `calc.py:3` still divides by zero on an empty list.",
    ),
    "verdict-though": (CLEAN_REVIEW, "**Verdict:** Ship it, though an empty list gives nonsense."),
    "approve-after-a-crash": (
        CLEAN_REVIEW,
        "**Recommendation:** Approve — after guarding the empty list, which crashes the export.",
    ),
    "verdict-then-more-for-its-finding": (
        ONE_FINDING_REVIEW,
        "**Verdict:** Merge with fixes. Also the retry loop never stops when the server is down.",
    ),
}


@pytest.mark.parametrize("name", sorted(STILL_UNREAD))
def test_a_closing_line_that_names_a_problem_stays_unread(name: str) -> None:
    head, tail = STILL_UNREAD[name]
    r = parse_review(head + tail + "\n", seat="alpha")
    assert r.unread_findings, (r.findings, r.warnings)


def test_a_clean_review_ending_in_a_bold_verdict_is_merge_as_is(tmp_path: Path) -> None:
    _res, out, report = review_printed(
        tmp_path, {"alpha": CLEAN_REVIEW + "**Verdict:** Ship it as it is.\n"}
    )
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


def test_a_verdict_line_that_tells_a_problem_is_no_merge_as_is(tmp_path: Path) -> None:
    tail = "**Recommendation:** Approve — after guarding the empty list, which crashes the export."
    _res, _out, report = review_printed(tmp_path, {"alpha": CLEAN_REVIEW + tail + "\n"})
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]


# A `## Verdict` section of a review that read no finding: an approval that names a place or
# takes itself back tells a problem we cannot read; a plain one is the verdict.
@pytest.mark.parametrize(
    "verdict",
    [
        "LGTM once `calc.py:3` stops swallowing errors.",
        "Merge as-is. One thing: `calc.py:4` divides by the count without a zero check.",
        "Approve, though an empty list makes the total nonsense.",
    ],
)
def test_an_approving_verdict_section_that_tells_a_problem_is_unread(verdict: str) -> None:
    r = parse_review(CLEAN_REVIEW + "## Verdict\n\n" + verdict + "\n", seat="alpha")
    assert r.unread_findings, (r.findings, r.verdict_line)


def test_a_plain_verdict_section_leaves_a_clean_review_clean() -> None:
    text = CLEAN_REVIEW + "## Verdict\n\nMerge as-is. The change is small and well tested.\n"
    r = parse_review(text, seat="alpha")
    assert not r.unread_findings and unparseable_reason(r) is None


def test_lgtm_once_a_place_is_fixed_is_no_merge_as_is(tmp_path: Path) -> None:
    text = CLEAN_REVIEW + "## Verdict\n\nLGTM once `calc.py:3` stops swallowing errors.\n"
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]
