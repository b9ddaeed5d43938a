"""A small model's review under a heading of its own (`## Review`, `## My take`) that closes
with its verdict (`Verdict: request changes`). The verdict is the seat's, wherever it stands:
a seat that asks for changes is never a clean review, and never an unparseable one either
(before, its praise + "request changes" failed the seat, while the same text ending
"Verdict: approve" read as a clean review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_PRAISE = "The new helper is short and easy to follow; naming matches the module."


@pytest.mark.parametrize(
    "closing", ["Verdict: request changes", "**Verdict:** Needs work", "Final verdict: reject"]
)
def test_a_closing_verdict_under_an_own_heading_is_read(closing: str) -> None:
    review = parse_review(f"## My take\n\n{_PRAISE}\n\n{closing}\n", seat="alpha")
    assert review.verdict_line, review
    assert closing.split(":")[-1].strip(" *") in review.verdict_line


def test_a_verdict_asking_for_changes_is_no_clean_review_nor_a_failed_seat(
    tmp_path: Path,
) -> None:
    text = f"## Review\n\n{_PRAISE}\n\nVerdict: request changes\n"
    _res, out, report = review_printed(tmp_path, {"alpha": text})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]


def test_an_approving_verdict_there_stays_a_clean_review(tmp_path: Path) -> None:
    text = f"## Review\n\n{_PRAISE}\n\nVerdict: approve\n"
    _res, out, report = review_printed(tmp_path, {"alpha": text})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


def test_a_verdict_word_inside_the_sections_prose_stays_prose() -> None:
    text = f"## Review\n\nVerdict: request changes, said the bot, then retracted.\n\n{_PRAISE}\n"
    review = parse_review(text, seat="alpha")
    assert review.verdict_line is None
