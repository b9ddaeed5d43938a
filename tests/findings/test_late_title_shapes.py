"""Three title shapes real reviews write:

- `### 🐛 Bug: list input crashes` heading findings: the title is what follows the kind (the
  emoji and `Bug:` leave it; the kind is the classification). Before, both stayed in the title.
- `- **[High]** text — `a.py` L2`: the file and its line in words are the place, not the
  title's end. Before, the title kept "— `a.py` L2".
- `1. **Title** (`a.py`, line 1) — minor.`: the closing level word is the finding's level
  (a suggestion). Before, the finding was unrated (important).
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_KIND_HEADINGS = (
    "## Issues\n\n"
    "### 🐛 Bug: empty batches crash the writer\n\n"
    "`jobs/write.py:18` — `rows[0]` raises `IndexError` when a batch is empty.\n\n"
    "### 🐛 Bug: stale module docstring\n\n"
    "`jobs/write.py:1` — the docstring still promises CSV output, which is wrong now.\n"
)


def test_a_kind_lead_leaves_the_heading_title() -> None:
    review = parse_review(_KIND_HEADINGS, seat="alpha")
    assert [(f.title, f.classification) for f in review.findings] == [
        ("empty batches crash the writer", "bug"),
        ("stale module docstring", "bug"),
    ]


def test_a_heading_without_a_kind_lead_keeps_its_title() -> None:
    text = _KIND_HEADINGS.replace("🐛 Bug: empty", "Empty")
    review = parse_review(text, seat="alpha")
    assert review.findings[0].title == "Empty batches crash the writer"


def test_a_place_in_words_after_a_dash_leaves_the_title() -> None:
    text = (
        "## Issues\n\n"
        "- **[High]** `rows[0]` raises `IndexError` on an empty batch — `jobs/write.py` L18\n"
        "- **[Low]** the docstring is stale — `jobs/write.py` L1\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("`rows[0]` raises `IndexError` on an empty batch", "jobs/write.py:18"),
        ("the docstring is stale", "jobs/write.py:1"),
    ]


_MINOR = "## Issues\n\n1. **Stale module docstring** (`jobs/write.py`, line 1) — minor.\n"


def test_a_closing_level_word_is_the_level() -> None:
    review = parse_review(_MINOR, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [("S1", "Stale module docstring")]
    assert not review.unrated


def test_closing_words_that_are_no_level_stay_unrated() -> None:
    text = _MINOR.replace("— minor.", "— minor wording slip in the first line.")
    review = parse_review(text, seat="alpha")
    assert [f.severity.value for f in review.findings] == ["important"]
    assert review.unrated


def test_the_verdict_takes_the_closing_level(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _MINOR})
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
