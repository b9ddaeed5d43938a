"""A review grouped by file (`### calc.py`, `### util/strings.py`, or a path with a space left
unquoted) whose items lead with a colour circle and their line (`- 🟢 **L5**: …`,
`- 🔴 L5-6: …`, `- 🔴 Line 1: …`) (trial 53 #5): one finding per item, at the circle's level,
placed in the group's file at the item's lines. Before, the whole group was ONE finding: one
item's title, another's level, the other problems (🔴 ones too) pasted into its body, and a 🟢
item lost."""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

GROUPED = (
    "## Summary\n\nTwo files changed.\n\n## File-by-file\n\n### {calc}\n\n"
    "- 🟢 **L5**: name the operands `left` and `right`.\n"
    "- 🟡 **L1**: `add` lacks a docstring.\n"
    "- 🔴 L5-6: `sub` returns the negated difference; totals are silently wrong.\n\n"
    "### {strings}\n\n- 🔴 Line 1: `shout` raises on `None`.\n"
)


def rows(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, Severity, str]]:
    r = parse_review(text, seat="s", known_files=known)
    return [(f.title, f.severity, str(f.locations[0])) for f in r.findings]


def test_each_circle_item_of_a_file_group_is_a_finding() -> None:
    text = GROUPED.format(calc="`calc.py`", strings="`util/strings.py`")
    assert rows(text) == [
        ("name the operands `left` and `right`", Severity.SUGGESTION, "calc.py:5"),
        ("`add` lacks a docstring", Severity.IMPORTANT, "calc.py:1"),
        (
            "`sub` returns the negated difference; totals are silently wrong",
            Severity.CRITICAL,
            "calc.py:5-6",
        ),
        ("`shout` raises on `None`", Severity.CRITICAL, "util/strings.py:1"),
    ]


def test_an_unquoted_heading_naming_a_changed_file_with_a_space_is_its_group() -> None:
    text = GROUPED.format(calc="calc.py", strings="dir ü/naïve.py")
    found = rows(text, known=("calc.py", "dir ü/naïve.py"))
    assert found[-1] == ("`shout` raises on `None`", Severity.CRITICAL, "dir ü/naïve.py:1")
    assert len(found) == 4


def test_the_report_lists_one_finding_per_circle_item(tmp_path: Path) -> None:
    text = GROUPED.format(calc="calc.py", strings="util/strings.py")
    res, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["verdict"], res.stderr[-2000:]
    found = sorted(f["severity"] for f in report["findings"])
    assert found == ["critical", "critical", "important", "suggestion"]
    assert out["verdict"].startswith("Rework")
