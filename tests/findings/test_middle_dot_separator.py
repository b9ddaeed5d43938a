"""A middle dot (`·`) parts a finding's fields as a dash does: `- **High** · `a.py:42` · Title:
text`, `- **C1 · Title** — `a.py:88``, `#### P1 · Title`.

Before, the first kept `· place ·` in its title, the second kept the ID in its title (unrated,
important), and a `#### P1 · Title` heading list was unread text. A dot inside a title with no
blank around it (`a·b`) is a word of the title.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed
from support.read_findings import read_findings


def _got(text: str) -> list[tuple[str, str, str, list[tuple[str, int | None]]]]:
    return [(r.id, r.level, r.title, r.places) for r in read_findings(text)]


def test_level_place_and_title_parted_by_dots() -> None:
    text = (
        "## Findings\n\n"
        "- **High** · `cache/store.py:51` · Entries never expire\n"
        "- **Low** · `cache/store.py:9` · Stale comment: it names the old class.\n"
    )
    got = _got(text)
    assert got[0] == ("C1", "critical", "Entries never expire", [("cache/store.py", 51)])
    assert got[1][:2] == ("S1", "suggestion") and got[1][3] == [("cache/store.py", 9)]
    # read as the same item with dashes is
    assert got == _got(text.replace(" · ", " — "))


def test_an_id_parted_from_its_bold_title_by_a_dot() -> None:
    text = (
        "## Findings\n\n"
        "- **C1 · Entries never expire** — `cache/store.py:51`\n"
        "- **S1 · Stale comment** — `cache/store.py:9`\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.unrated
    assert [(i, s, t) for i, s, t, _ in _got(text)] == [
        ("C1", "critical", "Entries never expire"),
        ("S1", "suggestion", "Stale comment"),
    ]


def test_a_priority_heading_parted_by_a_dot() -> None:
    text = (
        "## Findings\n\n#### P1 · Entries never expire\n"
        "`cache/store.py:51` — `ttl` is read but never applied.\n\n"
        "#### P3 · Stale comment\n`cache/store.py:9` — it names the old class.\n"
    )
    assert _got(text) == [
        ("I1", "important", "Entries never expire", [("cache/store.py", 51)]),
        ("S1", "suggestion", "Stale comment", [("cache/store.py", 9)]),
    ]


def test_an_id_heading_and_a_plain_title_parted_by_dots() -> None:
    text = (
        "## Findings\n\n### C1 · Entries never expire\n\n`cache/store.py:51` — `ttl` is unused.\n\n"
        "### Suggestions\n\n- Stale comment · `cache/store.py:9`\n"
    )
    assert _got(text) == [
        ("C1", "critical", "Entries never expire", [("cache/store.py", 51)]),
        ("S1", "suggestion", "Stale comment", [("cache/store.py", 9)]),
    ]


def test_a_dot_inside_a_word_stays_in_the_title() -> None:
    text = "## Findings\n\n- **High** · `cache/store.py:51` · Key a·b is never hashed.\n"
    assert [t for _, _, t, _ in _got(text)] == ["Key a·b is never hashed"]


def test_the_report_reads_the_dotted_levels(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n#### P1 · Entries never expire\n"
        "`cache/store.py:51` — `ttl` is read but never applied.\n"
    )
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    assert [(f["severity"], f["title"]) for f in report["findings"]] == [
        ("important", "Entries never expire")
    ]
