"""Findings sorted under category sub-headings of a section we do not know (`## Review` +
`### Correctness` + `**calc.py:5** — title`, `## Observations` + `### Concurrency` + a numbered
list) each stand alone.

Tried as a new user would: under `## Review` the bold place-led findings were not read at all
(the whole section was shown as an ordinary section), and under `## Observations` the next
category's heading joined the finding above it (`### Error handling` as its last line).
A heading that closes its items (`### Resolved`) or a category of harmless remarks stays as
it was.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_BOLD_PLACES = (
    "The change adds `sub`.\n\n## Review\n\n### Correctness\n\n"
    "**calc.py:5** — `sub` ignores its second argument\n\n"
    "It returns `a` alone, so every subtraction is wrong.\n\n"
    "### Robustness\n\n"
    "**util/strings.py:2** — `shout` crashes on `None`\n\n"
    "Calling it with `None` raises `AttributeError`.\n"
)
_NUMBERED = (
    "## Observations\n\n### Concurrency\n\n"
    "1. `pool.go:12` — data race: two goroutines bump `count` without the mutex.\n"
    "2. `pool.go:30` — the channel is closed twice on shutdown, which panics.\n\n"
    "### Error handling\n\n"
    "1. `client.go:40` — the error from `Close()` is dropped, so a failed write is lost.\n"
)


def test_bold_place_findings_under_categories_are_read(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _BOLD_PLACES})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = {
        (f["locations"][0]["path"], f["locations"][0]["start"]): (f["title"], f["body"])
        for f in report["findings"]
    }
    assert got == {
        ("calc.py", 5): (
            "`sub` ignores its second argument",
            "It returns `a` alone, so every subtraction is wrong.",
        ),
        ("util/strings.py", 2): (
            "`shout` crashes on `None`",
            "Calling it with `None` raises `AttributeError`.",
        ),
    }


def test_no_finding_holds_the_next_category_heading() -> None:
    review = parse_review(_NUMBERED, seat="alpha")
    got = [(str(f.locations[0]), f.body) for f in review.findings]
    assert [place for place, _ in got] == ["pool.go:12", "pool.go:30", "client.go:40"]
    assert not any("#" in body for _, body in got), got
    assert not review.unread_findings
    assert not review.other_sections, review.other_sections


def test_a_category_of_remarks_stays_a_section() -> None:
    text = (
        "## Review\n\n### Layout\n\n- `calc.py:3` — moved here from `utils`.\n\n"
        "### Correctness\n\n- `calc.py:5` — `sub` returns the wrong sign for negative input.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == ["calc.py:5"]
    assert any("moved here" in s.body for s in review.other_sections), review.other_sections


def test_bold_line_categories_sort_findings_too() -> None:
    text = (
        "# Code review\n\n## Review\n\n**Concurrency**\n\n"
        "1. `pool.go:12` — data race: two goroutines bump `count` without the mutex.\n"
        "2. `pool.go:30` — the channel is closed twice on shutdown, which panics.\n\n"
        "**Error handling**\n\n"
        "1. `client.go:40` — the error from `Close()` is dropped, a silent failure.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == [
        "pool.go:12",
        "pool.go:30",
        "client.go:40",
    ]
    assert not review.other_sections, review.other_sections


def test_placed_sub_headings_under_an_unknown_section_are_findings() -> None:
    text = (
        "## Summary\n\nAdds a worker pool.\n\n## Detailed review\n\n### Concurrency\n\n"
        "#### `pool.go:12` — data race on `count`\n\n"
        "Two goroutines bump `count` without the mutex.\n\n"
        "### Error handling\n\n#### `client.go:40` — `Close()` error dropped\n\n"
        "A failed write is lost.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("data race on `count`", "pool.go:12"),
        ("`Close()` error dropped", "client.go:40"),
    ]
    assert not review.unread_findings and not review.other_sections


def test_a_field_heading_inside_a_finding_is_no_category() -> None:
    text = (
        "## Findings\n\n### Retry loop never stops (`calc.py:5`)\n\nIt spins forever.\n\n"
        "**Evidence**\n\n- `calc.py:6` — the loop has no exit, so the worker hangs.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [f.title for f in review.findings] == ["Retry loop never stops"]
    assert "calc.py:6" in review.findings[0].body


def test_a_category_whose_fault_is_told_plainly_is_one_too() -> None:
    text = (
        "## Observations\n\n### Performance\n\n"
        "- `calc.py:5` — the regex is compiled on every call, which is slow for long inputs.\n\n"
        "### Style\n\n- `calc.py:1` — unused import `os`.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("the regex is compiled on every call, which is slow for long inputs", "calc.py:5"),
        ("unused import `os`", "calc.py:1"),
    ]
