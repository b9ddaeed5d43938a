"""A `- **Suggestion:** …` fix line under a numbered item we could not read, with a plain
sentence above it, is that item's fix: never a suggestion of its own (with no place), and the
item stays findings text that could not be read. A `**Suggestion:**` item with no numbered item
above it, or with a place of its own, is still a suggestion (`labels.fix_of_unread_item`)."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity


def review(section: str) -> str:
    return (
        "## Executive Summary\n\nAdds an export.\n\n"
        f"## Findings\n\n{section}\n\n## Verdict\n\nFix it.\n"
    )


@pytest.mark.parametrize(
    "item",
    [
        "A few things stand out in the export path.\n\n**1. Export writes to the wrong folder**"
        "\n\nThe folder comes from home.\n\n- **Suggestion:** read it from settings.",
        "### Important Issues\n\nThe export writes to the wrong folder.\n\n"
        "1. `src/export.py:44` uses the home folder.\n\n- **Suggestion:** read it from settings.",
    ],
)
def test_the_fix_line_of_an_unread_item_is_no_finding(item: str) -> None:
    r = parse_review(review(item), seat="s")
    assert not r.findings, r.findings
    assert r.unread_findings and "read it from settings" in r.unread_findings[0]


@pytest.mark.parametrize(
    "section",
    [
        "Overall fine.\n\n- **Suggestion:** add a docstring to `parse()`.",
        "A few things stand out.\n\n1. One.\n\n- **Suggestion:** rename `tmp` (`src/a.py:3`).",
    ],
)
def test_a_suggestion_item_of_its_own_is_read(section: str) -> None:
    [f] = parse_review(review(section), seat="s").findings
    assert f.severity is Severity.SUGGESTION
