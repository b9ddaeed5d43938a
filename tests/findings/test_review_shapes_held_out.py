"""More review shapes agents write when they follow the prompt loosely, each with a fixture in
our own words: the level or place on its own label line, bold-paragraph titles."""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.model import Severity
from findings.test_review_fixtures import FIXTURES, parse


def summary(name: str) -> list[tuple[str, Severity, str, tuple[str, ...]]]:
    return [
        (f.id, f.severity, f.title, tuple(str(loc) for loc in f.locations))
        for f in parse(name).findings
    ]


def test_a_severity_label_bold_or_italic_around_its_value() -> None:
    # `**Severity: High**` under a `### Title` heading is that finding's level, not a `High`
    # section of its own; `*Severity: Medium*` is a label too, and a place may share its line.
    r = parse("bold-severity-values")
    assert summary("bold-severity-values") == [
        ("C1", Severity.CRITICAL, "Last batch is never flushed", ("importer/stream.py:61-66",)),
        ("I1", Severity.IMPORTANT, "Header row counted as data", ("importer/stream.py:24",)),
        ("S1", Severity.SUGGESTION, "Unused `chunk_size` argument", ("importer/cli.py:12",)),
    ]
    assert r.findings[0].fix == "call `flush(batch)` once more after the loop."
    assert r.unread_findings == ()


def test_a_file_label_then_a_lines_label() -> None:
    r = parse("file-and-line-labels")
    assert summary("file-and-line-labels") == [
        ("I1", Severity.IMPORTANT, "Last batch is never flushed", ("importer/stream.py:61-66",)),
        ("S1", Severity.SUGGESTION, "Header row counted as data", ("importer/stream.py:24",)),
        ("S2", Severity.SUGGESTION, "Unused `chunk_size` argument", ("importer/cli.py:12",)),
    ]
    assert r.findings[0].body == "The loop flushes only when the batch is full."
    # the last finding ends with its `Line:` label: a whole review, not one cut off
    assert not any("cut off" in w for w in r.warnings)


def test_bold_title_paragraphs_with_a_place_under_severity_headings() -> None:
    r = parse("bold-title-paragraphs")
    assert summary("bold-title-paragraphs") == [
        ("C1", Severity.CRITICAL, "Last batch is never flushed", ("importer/stream.py:61-66",)),
        ("I1", Severity.IMPORTANT, "Header row counted as data", ("importer/stream.py:24",)),
        ("S1", Severity.SUGGESTION, "Unused `chunk_size` argument", ("importer/cli.py:12",)),
    ]
    assert "**Note** that the unit test" in r.findings[0].body  # a bold word in the body
    assert r.unread_findings == ()


def test_blocking_non_blocking_and_nit_lead_ins_in_a_list() -> None:
    assert summary("blocking-nit-list") == [
        ("C1", Severity.CRITICAL, "Last batch is never flushed", ("importer/stream.py:61-66",)),
        ("S1", Severity.SUGGESTION, "Header row counted as data", ("importer/stream.py:24",)),
        ("S2", Severity.SUGGESTION, "Unused `chunk_size` argument", ("importer/cli.py:12",)),
    ]


def test_blocking_and_nit_lead_ins_as_paragraphs_with_no_headings() -> None:
    r = parse("blocking-nit-paragraphs")
    assert [(f.id, f.severity, tuple(map(str, f.locations))) for f in r.findings] == [
        ("C1", Severity.CRITICAL, ("importer/stream.py:61",)),
        ("S1", Severity.SUGGESTION, ("importer/stream.py:24",)),
        ("S2", Severity.SUGGESTION, ("importer/cli.py:12",)),
    ]
    assert r.findings[1].title == "The header row is counted as data"
    # the title is its first sentence; the wrapped line's fragment of the next goes back to
    # the text it starts (`title_decor`)
    assert r.findings[0].title == "The last batch is never flushed (`importer/stream.py:61`)"
    assert r.findings[0].body.startswith("The loop flushes only when a batch is full")
    assert r.preamble.startswith("Read the importer change")


def test_lines_written_after_a_code_span_path_in_prose() -> None:
    # `In `a.py` (lines 61-66), …`, `in `a.py`, line 24`, `in `a.py` at line 12`
    assert [
        (f.severity, tuple(map(str, f.locations))) for f in parse("lines-after-code-path").findings
    ] == [
        (Severity.CRITICAL, ("importer/stream.py:61-66",)),
        (Severity.IMPORTANT, ("importer/stream.py:24",)),
        (Severity.SUGGESTION, ("importer/cli.py:12",)),
    ]


def test_a_json_copy_of_the_findings_after_them_is_not_unread_text() -> None:
    r = parse("findings-then-json-copy")
    assert [f.id for f in r.findings] == ["I1", "S1"]
    assert r.findings[1].body == ""
    assert r.unread_findings == ()
    assert not any("not a finding" in w for w in r.warnings)
    assert any('"findings"' in u for u in r.unparsed)  # kept all the same


def _after_none(title: str) -> str:
    # the JSON block under a section that says `None.` rather than after a finding
    text = (FIXTURES / "findings-then-json-copy.md").read_text(encoding="utf-8")
    text = text.replace("**S1. Unused `chunk_size` argument** — `importer/cli.py:12`", "None.")
    return text.replace('"Unused chunk_size argument"', title)


def test_a_json_copy_after_a_none_section_is_not_unread_text() -> None:
    r = parse_review(_after_none('"Last batch never flushed"'), seat="fixture")
    assert [f.id for f in r.findings] == ["I1"]
    assert r.unread_findings == ()
    assert not any("not a finding" in w for w in r.warnings)


def test_a_json_block_with_a_finding_of_its_own_stays_unread() -> None:
    text = _after_none('"Header row counted as data"').replace('"line": 12', '"line": 24')
    r = parse_review(text.replace('"importer/cli.py"', '"x/y.py"'), seat="fixture")
    assert len(r.unread_findings) == 1


def test_a_json_copy_after_the_last_fix_leaves_the_fix() -> None:
    text = (FIXTURES / "findings-then-json-copy.md").read_text(encoding="utf-8")
    line = "**S1. Unused `chunk_size` argument** — `importer/cli.py:12`"
    r = parse_review(text.replace(line, f"{line}\n\n**Fix:** pass it on."), seat="fixture")
    assert r.findings[1].fix == "pass it on."


def test_colored_circles_as_levels_and_an_improvements_section() -> None:
    r = parse("circle-levels-and-improvements")
    assert summary("circle-levels-and-improvements") == [
        ("C1", Severity.CRITICAL, "Last batch is never flushed", ("importer/stream.py:61-66",)),
        ("I1", Severity.IMPORTANT, "Header row counted as data", ("importer/stream.py:24",)),
        ("S1", Severity.SUGGESTION, "Unused `chunk_size` argument", ("importer/cli.py:12",)),
        ("S2", Severity.SUGGESTION, "Log the row count", ("importer/stream.py:70",)),
    ]
    # a green circle before praise with no place is no finding
    assert "Streaming keeps memory flat" in r.other_sections[-1].body
    assert not any("no severity given" in w for w in r.warnings)


def test_a_place_then_a_priority_tag_then_the_sentence() -> None:
    assert [
        (f.id, tuple(map(str, f.locations))) for f in parse("place-then-priority-tag").findings
    ] == [
        ("I1", ("importer/stream.py:61-66",)),
        ("I2", ("importer/stream.py:24",)),  # [P2]: Codex's "normal", a bug to fix
        ("S1", ("importer/cli.py:12",)),
    ]
    assert parse("place-then-priority-tag").findings[1].title == "The header row is counted as data"


def test_a_bold_level_word_right_after_the_title() -> None:
    r = parse("bold-level-after-title")
    assert [(f.severity, tuple(map(str, f.locations))) for f in r.findings] == [
        (Severity.CRITICAL, ("importer/stream.py:61-66",)),
        (Severity.IMPORTANT, ("importer/stream.py:24",)),
        (Severity.SUGGESTION, ("importer/cli.py:12",)),
    ]
    assert r.findings[0].title == "Last batch is never flushed"
    assert r.findings[0].body == "The loop flushes only when a batch is full."


def test_a_bold_severity_label_closing_the_item() -> None:
    # under topic headings (`### Correctness`), so each item must carry its own level
    r = parse("closing-bold-severity")
    assert [(f.severity, f.title) for f in r.findings] == [
        (Severity.CRITICAL, "Last batch is never flushed"),
        (Severity.IMPORTANT, "Header row counted as data"),
        (Severity.SUGGESTION, "Unused `chunk_size` argument"),
    ]
    assert r.findings[0].body == "the loop flushes only when a batch is full."


def test_a_closing_remark_after_a_list_of_findings_is_not_the_last_ones_fix() -> None:
    # every finding is a list item with its text indented under it: the bold paragraph back at
    # the margin after the list is the review's closing word, not S1's fix
    r = parse("bullets-then-closing-remark")
    assert [(f.id, f.severity) for f in r.findings] == [
        ("C1", Severity.CRITICAL),
        ("I1", Severity.IMPORTANT),
        ("S1", Severity.SUGGESTION),
    ]
    assert r.findings[-1].fix == "" and "Recommendation" not in r.findings[-1].body
    assert r.findings[1].body == "The count is off by one for every file with a header."
    assert any("Flush the last batch" in u for u in r.unparsed)
    assert r.unread_findings == ()
