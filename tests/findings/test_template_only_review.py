"""A small model that answers with the prompt's layout and fills nothing in: its severity
sections hold `C1: <title>` + `[file:line]`, or `**[Title]**` / `{title}` placeholders. That is
no finding (no invented finding changes the verdict), and no clean review either: before, the
placeholders in `<…>` were dropped and the seat read as "Merge as-is", and those in `[…]` or
`{…}` were findings titled "[Title]" (verdict Rework). A template echoed before a review that
fills its sections in (`None.`, or a real finding) stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.parse import unreadable_reason
from support.printing_seats import NO_FINDINGS, review_printed

_ANGLE = (
    "## Executive Summary\n\n<one paragraph on the change>\n\n## Findings\n\n"
    "### Critical Issues\n\nC1: <title>\n[file:line]\n<what goes wrong>\n\n"
    "### Important Issues\n\nI1: <title>\n[file:line]\n\n### Suggestions\n\nS1: <title>\n"
)
_SQUARE = (
    "## Findings\n\n### Critical Issues\n\n- **[Title]** — `[file:line]`\n"
    "  [Description of the issue]\n\n### Important Issues\n\n- **[Title]** — `[file:line]`\n\n"
    "### Suggestions\n\n- **[Short title]** — `[file:line]`\n"
)
_BRACES = (
    "## Findings\n\n### Critical Issues\n\nC1. **{title}** — `{file}:{line}`\n{description}\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n"
)


@pytest.mark.parametrize("text", [_ANGLE, _SQUARE, _BRACES], ids=["angle", "square", "braces"])
def test_a_template_is_no_finding_and_no_clean_review(text: str) -> None:
    review = parse_review(text, seat="alpha")
    assert not review.findings, [f.title for f in review.findings]
    assert review.unread_findings
    assert any("template" in w for w in review.warnings)


@pytest.mark.parametrize("text", [_ANGLE, _SQUARE], ids=["angle", "square"])
def test_the_report_is_not_merge_as_is(tmp_path: Path, text: str) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    assert report["findings"] == []
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]
    assert report["header"]["verdict"]["label"] != "Rework", report["header"]["verdict"]


def test_a_template_echoed_before_a_clean_review_leaves_it_clean(tmp_path: Path) -> None:
    echo = "Understood. Each finding will look like this:\n\nC1: <title>\n[file:line]\n\n"
    _res, _out, report = review_printed(tmp_path, {"alpha": echo + NO_FINDINGS})
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]


@pytest.mark.parametrize(
    "title", ["[WIP] cache eviction races the writer", "{id} is never escaped in the query"]
)
def test_a_real_title_with_brackets_is_a_finding(title: str) -> None:
    text = f"## Findings\n\n### Important Issues\n\nI1. **{title}** — `calc.py:5`\nIt breaks.\n"
    assert [f.title for f in parse_review(text, seat="alpha").findings] == [title]


def test_a_template_alone_with_no_heading_is_still_no_review() -> None:
    text = "I1. **<Short title>** — `path/to/file.ext:12-30` (important, regression)\n\n<Why>\n"
    assert unreadable_reason(text, seat="alpha") == "unparseable review"
