"""A finding closed by its tag on a line of its own (`(important, regression)` after the Fix,
one layout Claude writes; trial56b item 8): never a sentence of its fix or explanation, and its
level is read as the heading's would be. (Its classification is not read: see
`findings.head.closing_tag`.)"""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity

_FINDING = (
    "## Findings\n\n### Important Issues\n\n"
    "**I1. `load` reads the whole file into memory** — `io/reader.py:8-9`\n\n"
    "A 2 GB upload is read at once; the worker is killed.\n\n"
    "{fix}"
    "(important, regression)\n"
)


def test_a_closing_tag_after_the_fix_is_read_and_left_out_of_the_fix() -> None:
    text = _FINDING.format(fix="Fix: stream it with `iter(lambda: f.read(65536), b'')`.\n\n")
    [f] = parse_review(text, seat="alpha").findings
    assert f.severity is Severity.IMPORTANT
    assert f.fix == "stream it with `iter(lambda: f.read(65536), b'')`.", f
    assert f.body == "A 2 GB upload is read at once; the worker is killed.", f


def test_a_closing_tag_without_a_fix_leaves_the_explanation() -> None:
    [f] = parse_review(_FINDING.format(fix=""), seat="alpha").findings
    assert f.body == "A 2 GB upload is read at once; the worker is killed.", f
    assert f.fix == ""


@pytest.mark.parametrize("tag", ["(critical, gap)", "(suggestion, regression)"])
def test_a_closing_tag_that_disagrees_with_its_section_reads_as_on_the_heading(tag: str) -> None:
    """The rule that settles a heading tag's level against the finding's section settles the
    closing tag's."""
    heading = _FINDING.format(fix="").replace("(important, regression)\n", "")
    on_heading = heading.replace("`io/reader.py:8-9`", f"`io/reader.py:8-9` {tag}")
    closing = heading + f"\n{tag}\n"
    [by_heading] = parse_review(on_heading, seat="alpha").findings
    [by_closing] = parse_review(closing, seat="alpha").findings
    assert by_closing.severity == by_heading.severity
    assert by_closing.body == by_heading.body


def test_a_closing_tag_line_right_under_the_fix_is_read() -> None:
    text = _FINDING.format(fix="Fix: stream it.\n")
    [f] = parse_review(text, seat="alpha").findings
    assert f.fix == "stream it.", f


def test_a_parenthesised_sentence_closing_a_fix_stays() -> None:
    text = _FINDING.format(fix="Fix: stream it.\n\n").replace(
        "(important, regression)", "(see the upload handler, which has the same problem)"
    )
    [f] = parse_review(text, seat="alpha").findings
    assert f.fix.endswith("(see the upload handler, which has the same problem)"), f
