"""Local reasoning models (served through opencode or an API) print their thinking before the
answer: `<think>…</think>`, `<thinking>…</thinking>`, or ollama's `Thinking...` … `...done
thinking.`. That is the model talking to itself — a finding drafted there and then dropped is
no finding, and a worry mused on there does not make a clean answer unreadable. Before, the
thinking was read as the review: a discarded draft became a critical issue (verdict Rework).
The appendix keeps the seat's whole output."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import NO_FINDINGS, review_printed

_DROPPED = (
    "Let me go through the diff. `sub` in calc.py could crash?\n\n"
    "C1. **`sub` crashes on strings** — `calc.py:6`\nPassing strings raises TypeError.\n\n"
    "No wait, the callers only pass ints; that is fine. Nothing to report.\n"
)


@pytest.mark.parametrize(
    "wrapped",
    [
        f"<think>\n{_DROPPED}</think>\n\n",
        f"<thinking>\n{_DROPPED}</thinking>\n",
        f"Thinking...\n{_DROPPED}...done thinking.\n\n",
    ],
    ids=["think", "thinking", "ollama"],
)
def test_findings_in_the_thinking_are_none(wrapped: str) -> None:
    review = parse_review(wrapped + NO_FINDINGS, seat="alpha")
    assert not review.findings, [f.title for f in review.findings]
    assert not review.unread_findings, review.unread_findings
    assert review.raw.startswith(wrapped[:9])  # the appendix keeps all of it


def test_the_answer_after_the_thinking_is_read() -> None:
    answer = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **`shout(None)` crashes** — `util/strings.py:2`\nIt raises AttributeError.\n"
    )
    review = parse_review(f"<think>\nThe helper looks fine.\n</think>\n{answer}", seat="alpha")
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [("I1", "util/strings.py:2")]


def test_the_report_counts_no_finding_from_the_thinking(tmp_path: Path) -> None:
    text = f"<think>\n{_DROPPED}</think>\n\nNo issues found.\n"
    _res, out, report = review_printed(tmp_path, {"alpha": text})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert report["findings"] == []
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


def test_a_think_tag_inside_the_review_is_the_reviews_text() -> None:
    text = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **The `<think>` block is echoed to users** — `calc.py:6`\n"
        "<think>\nreasoning\n</think> shows up in the chat window.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [f.id for f in review.findings] == ["I1"]
