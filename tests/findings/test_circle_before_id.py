"""A colour circle written before a finding's ID: `### 🔴 C1: Title`, `- 🟢 **S1** Title`,
`**🔴 C1. Title**`.

The circle hid the ID: titles kept `C1: `, `- 🔴 **C1** Title` was titled `C1`, a bold paragraph
or a green `### 🟢 S1:` heading was unread, and in a list of such headings the green one was
swallowed into the finding before it (a suggestion lost without a trace).
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_HEADINGS = (
    "## Summary\n\nA retry wrapper for the HTTP client.\n\n## Findings\n\n"
    "### 🔴 C1: Retries fire back to back\n\n"
    "`net/client.py:30-36` re-sends at once after a failure.\n\n**Fix:** back off.\n\n"
    "### 🟠 I1: The last error is dropped\n\n`net/client.py:44` returns `None` after the loop.\n\n"
    "### 🟡 S1: Attempt count is a literal\n\n`net/client.py:9` hard-codes `4`.\n\n"
    "### 🟢 S2: Docstring names the old function\n\n`net/client.py:2` still says `fetch`.\n\n"
    "## Verdict\n\nMerge with fixes.\n"
)


def _found(text: str) -> list[tuple[str, str, list[str]]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings and not review.unrated, review
    return [(f.id, f.title, [loc.path for loc in f.locations]) for f in review.findings]


def test_circle_and_id_headings_are_bare_titles_and_none_is_lost() -> None:
    assert [(i, t) for i, t, _ in _found(_HEADINGS)] == [
        ("C1", "Retries fire back to back"),
        ("I1", "The last error is dropped"),
        ("S1", "Attempt count is a literal"),
        ("S2", "Docstring names the old function"),
    ]


def test_circle_before_a_bold_id_in_a_list_item() -> None:
    text = (
        "## Findings\n\n"
        "- 🔴 **C1** Retries fire back to back — `net/client.py:30`\n"
        "- 🟢 **S1** Docstring names the old function — `net/client.py:2`\n"
    )
    assert _found(text) == [
        ("C1", "Retries fire back to back", ["net/client.py"]),
        ("S1", "Docstring names the old function", ["net/client.py"]),
    ]


def test_circle_inside_the_bold_id_paragraph() -> None:
    text = (
        "## Findings\n\n**🔴 C1: Retries fire back to back** — `net/client.py:30`\n\n"
        "It re-sends at once.\n\n#### 🟠 [I1] The last error is dropped\n\n"
        "`net/client.py:44` returns `None`.\n"
    )
    assert [(i, t) for i, t, _ in _found(text)] == [
        ("C1", "Retries fire back to back"),
        ("I1", "The last error is dropped"),
    ]


def test_a_circle_before_other_words_keeps_its_old_reading() -> None:
    # no ID after the circle: the circle is still the level of a plain heading title
    text = "## Findings\n\n### 🔴 Cache keys collide\n\n`net/cache.py:5` hashes only the host.\n"
    assert [(i, t) for i, t, _ in _found(text)] == [("C1", "Cache keys collide")]


def test_the_verdict_counts_every_one(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _HEADINGS})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Rework", verdict
    titles = [f["title"] for f in report["findings"]]
    assert "Docstring names the old function" in titles, titles
