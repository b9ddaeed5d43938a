"""Each pass that reads another markup as Markdown (`foreign_markup`) leaves a Markdown review
that only looks like that markup untouched: the same list object back, so nothing downstream
sees a rewritten line. (`test_other_markup_reviews_cli` checks the whole parse; a wrong
rewrite there can still end in the same findings, so each guard is pinned here on its own.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from deepreview.findings.box_tables import box_tables_as_pipes
from deepreview.findings.definition_lists import definitions_as_items
from deepreview.findings.org_review import org_as_markdown
from deepreview.findings.rst_review import rst_as_markdown

Rewrite = Callable[[list[str]], list[str]]

ONE_DEFINITION = [
    "The rest of the module is as before.",
    ": nothing else to change there.",
]
TWO_DEFINITIONS = [
    "`cache.py:12`",
    ": **Major:** the key ignores the locale.",
    "`cache.py:40`",
    ": the entry never expires.",
]
FENCED_TABLE = [
    "Output of the tool:",
    "```",
    "┌──────┬──────┐",
    "│ HIGH │ a.py │",
    "│ LOW  │ b.py │",
    "└──────┴──────┘",
    "```",
]
DRAWN_TABLE = FENCED_TABLE[2:6]
MARKDOWN_TODO = ["## Notes", "", "* TODO: a later change could add a scan.", "* done elsewhere"]
ORG_REVIEW = ["* Review", "** TODO [#A] The token is logged", "   In =auth.py= line 3."]
SETEXT_ONLY = ["Findings", "--------", "", "- `a.py:3` — the loop never ends."]
RST_REVIEW = [*SETEXT_ONLY, "", ":Severity: high"]


@pytest.mark.parametrize(
    ("rewrite", "lines"),
    [
        (definitions_as_items, ONE_DEFINITION),  # one `: ` line in prose is a sentence
        (box_tables_as_pipes, FENCED_TABLE),  # a drawn table inside a code block is code
        (org_as_markdown, MARKDOWN_TODO),  # a Markdown `* TODO:` bullet, no org headline
        (rst_as_markdown, SETEXT_ONLY),  # a setext heading is Markdown too: no field list
    ],
)
def test_a_look_alike_is_left_as_it_is(rewrite: Rewrite, lines: list[str]) -> None:
    assert rewrite(lines) is lines


@pytest.mark.parametrize(
    ("rewrite", "lines"),
    [
        (definitions_as_items, TWO_DEFINITIONS),
        (box_tables_as_pipes, DRAWN_TABLE),
        (org_as_markdown, ORG_REVIEW),
        (rst_as_markdown, RST_REVIEW),
    ],
)
def test_the_markup_itself_is_rewritten_line_for_line(rewrite: Rewrite, lines: list[str]) -> None:
    out = rewrite(lines)
    assert out is not lines and out != lines
    assert len(out) == len(lines)  # every place below keeps its line number
