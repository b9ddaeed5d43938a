"""Findings sorted into category sub-sections under `## Findings`: `### Bugs` (a findings title
of its own) then `### Style` / `### Performance` (no known title). The first category's items
were read and every later one's were lost silently (an ordinary section's prose): the verdict
counted one of three findings. A later sub-section of a known kind (`### Testing`) is still that
section, and a sibling under an ordinary section stays ordinary.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Findings\n\n### Bugs\n\n"
    "- **Budget is never refilled** — `jobs/budget.py:31`. No job retries after a bad hour.\n\n"
    "### Performance\n\n"
    "- **Queue scanned on every pop** — `jobs/queue.py:50`. `pop()` walks the whole list.\n\n"
    "### Style\n\n- **Unused import** — `jobs/queue.py:3`. `os` is never used.\n"
)


def test_every_category_keeps_its_findings() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    got = [(f.title, f.locations[0].path, f.locations[0].start) for f in review.findings]
    assert got == [
        ("Budget is never refilled", "jobs/budget.py", 31),
        ("Queue scanned on every pop", "jobs/queue.py", 50),
        ("Unused import", "jobs/queue.py", 3),
    ]
    assert not review.other_sections, review.other_sections


def test_a_known_section_after_the_categories_is_that_section() -> None:
    text = _REVIEW + "\n### Testing\n\nThe refill has a test; the pop scan has none.\n"
    review = parse_review(text, seat="alpha")
    assert len(review.findings) == 3
    assert review.testing.intro or review.testing.items


def test_a_sibling_under_an_ordinary_section_stays_ordinary() -> None:
    text = (
        "## Notes\n\n### Background\n\nThe queue was written in 2019.\n\n"
        "### History\n\n- `jobs/queue.py:3` — moved here from `utils`.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings


def test_the_verdict_counts_every_category(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert "I1–I3 need attention" in verdict["reason"], verdict
