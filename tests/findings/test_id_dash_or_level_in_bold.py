"""A finding's ID written inside its bold title with a dash (`**I1 — Title**`, `- **I2 – Title**
(place): …`) or with its level in brackets (`**I1 (Important): Title**`, `### S1 (Suggestion):
Title`, `**I1 (Important)** — Title`).

The ID stayed in the title (`'I1 — Title'`), or the title was only the ID; with the place on a
later line the finding was unread text, and under a plain `## Findings` heading the level the ID
gives was lost. A bold title that opens with a word like an ID (`**S3 bucket …**`) is a title.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed
from support.read_findings import read_findings


def _got(text: str) -> list[tuple[str, str, list[tuple[str, int | None]]]]:
    return [(r.id, r.title, r.places) for r in read_findings(text)]


_TWO = [
    ("I1", "Budget is never refilled", [("jobs/budget.py", 31)]),
    ("S1", "Queue name is hard-coded", [("jobs/queue.py", 12)]),
]


@pytest.mark.parametrize(
    "text",
    [
        # the ID, a dash, the title, all bold; the place below or beside it
        "## Findings\n\n**I1 — Budget is never refilled**\n\n"
        "Each failure takes a token and none is put back (`jobs/budget.py:31`).\n\n"
        "**S1 – Queue name is hard-coded** — `jobs/queue.py:12`\n\nRead it from settings.\n",
        "## Findings\n\n- **I1 — Budget is never refilled** (`jobs/budget.py:31`): none put back.\n"
        "- **S1 - Queue name is hard-coded** (`jobs/queue.py:12`): read it from settings.\n",
        # the level in brackets after the ID
        "## Findings\n\n**I1 (Important): Budget is never refilled** — `jobs/budget.py:31`\n"
        "Each failure takes a token and none is put back.\n\n"
        "**S1 (Suggestion): Queue name is hard-coded** — `jobs/queue.py:12`\n"
        "Read it from settings.\n",
        "## Findings\n\n### I1 (Important): Budget is never refilled\n\n"
        "`jobs/budget.py:31` — each failure takes a token and none is put back.\n\n"
        "### S1 (Suggestion): Queue name is hard-coded\n\n`jobs/queue.py:12` — read it.\n",
        "## Findings\n\n- **I1 (Important)** — Budget is never refilled (`jobs/budget.py:31`).\n"
        "- **S1 (Suggestion)** — Queue name is hard-coded (`jobs/queue.py:12`).\n",
    ],
    ids=["dash-paragraphs", "dash-bullets", "level-paragraphs", "level-headings", "level-bold-id"],
)
def test_id_with_a_dash_or_its_level_in_the_bold(text: str) -> None:
    assert _got(text) == _TWO


def test_under_a_severity_section_each_keeps_its_own_id_and_title() -> None:
    text = (
        "#### Important Issues\n\n**I1 — Budget is never refilled**\n\n"
        "Each failure takes a token and none is put back (`jobs/budget.py:31`).\n\n"
        "**I2 — Wrong error on an empty queue** — `jobs/queue.py:77`\n\n`pop()` raises.\n"
    )
    assert _got(text) == [
        ("I1", "Budget is never refilled", [("jobs/budget.py", 31)]),
        ("I2", "Wrong error on an empty queue", [("jobs/queue.py", 77)]),
    ]


def test_a_title_that_opens_like_an_id_is_a_title() -> None:
    text = (
        "#### Important Issues\n\n"
        "**S3 bucket policy allows public reads** — `infra/bucket.tf:12`\n\nAnyone can list it.\n"
    )
    assert _got(text) == [("I1", "S3 bucket policy allows public reads", [("infra/bucket.tf", 12)])]


def test_the_verdict_reads_the_levels(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n**C1 — Budget is never refilled** (`jobs/budget.py:31`)\n\n"
        "Each failure takes a token and none is put back.\n"
    )
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    assert report["header"]["verdict"]["label"] == "Rework", report["header"]["verdict"]


@pytest.mark.parametrize("lead", ["**C1:** ", "**C1** — ", "**C1 (Critical)** — "])
def test_after_a_bold_id_the_place_parts_title_from_text(lead: str) -> None:
    text = (
        f"## Findings\n\n{lead}Budget is never refilled (`jobs/budget.py:31`). Each failure "
        "takes a token and none is put back.\n"
    )
    review = parse_review(text, seat="alpha")
    (f,) = review.findings
    assert (f.id, f.title) == ("C1", "Budget is never refilled")
    assert [(loc.path, loc.start) for loc in f.locations] == [("jobs/budget.py", 31)]
    assert "none is put back" in f.body
