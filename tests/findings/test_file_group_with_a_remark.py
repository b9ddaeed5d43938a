"""Gemini's per-file feedback (`### `path`` + `* **Line 42:** …`) where one item names a
problem and another is a remark: the problem is a finding, the remark none.

Before, one item that named no problem in our words made the whole group unread: nothing was
read, and with no other findings section the seat failed as an unparseable review. The same
holds under a `### Specific Feedback` heading with `#### `path`` groups, or with the file as a
bold line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_GROUP = (
    "*   **Line 42:** `parse()` raises `KeyError` for a row without an `id`, which the "
    "importer sends. Please guard it.\n"
    "*   **Line 7:** The module docstring is now out of date.\n"
)
_REVIEW = "This change adds an importer.\n\n## Specific Feedback\n\n### `etl/rows.py`\n\n" + _GROUP


@pytest.mark.parametrize(
    "text",
    [
        _REVIEW,
        _REVIEW.replace("## Specific", "### Specific").replace("### `etl", "#### `etl"),
        _REVIEW.replace("### `etl/rows.py`", "**`etl/rows.py`**"),
    ],
    ids=["headings", "deeper-headings", "bold-file-line"],
)
def test_the_problem_is_read_and_the_remark_is_none(text: str) -> None:
    review = parse_review(text, seat="alpha")
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [("I1", "etl/rows.py:42")]


def test_a_group_of_remarks_stays_prose() -> None:
    text = (
        "## Specific Feedback\n\n### `etl/rows.py`\n\n"
        "*   **Line 7:** The module docstring is now out of date.\n"
        "*   **Line 12:** Nice, readable helper.\n"
    )
    assert not parse_review(text, seat="alpha").findings


def test_the_seat_is_read(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
