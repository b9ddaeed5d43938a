"""Shapes a weaker or local model writes (Qwen, Llama, Gemini Flash), each a fixture of
`tests/fixtures/reviews/` in our own words with its golden (`test_review_fixtures.py`); here
what each must read as. Before fp65 each was misread: a failed seat ("unparseable review"),
findings dropped into an ordinary section, or findings text that could not be read."""

from __future__ import annotations

import pytest

from deepreview.model import AgentReview, Severity
from support.read_findings import read_fixture

C, IMP, S = Severity.CRITICAL, Severity.IMPORTANT, Severity.SUGGESTION


def level_title_places(r: AgentReview) -> list[tuple[Severity, tuple[str, ...]]]:
    return [(f.severity, tuple(map(str, f.locations))) for f in r.findings]


def test_headings_with_location_and_severity_after_the_text() -> None:
    """`### 1. Title` + its text + `**Location:**` / `**Severity:**` lines at its end."""
    r = read_fixture("heading-fields-after-text")
    assert level_title_places(r) == [(C, ("auth/sessions.py:41",)), (S, ("auth/login.py:88",))]
    assert r.findings[0].title == "Session key ignores the workspace"
    assert "overwrite each other" in r.findings[0].body


def test_list_items_with_indented_location_and_severity_fields() -> None:
    r = read_fixture("indented-location-fields")
    assert level_title_places(r) == [(IMP, ("jobs/backoff.py:20-31",)), (S, ("jobs/backoff.py:7",))]
    assert r.findings[0].title == "Backoff has no ceiling"


def test_portuguese_and_german_level_headings() -> None:
    """`### Médio` / `### Baixo` and `## Hinweise`: before, ordinary sections (findings lost)."""
    r = read_fixture("level-headings-pt-de")
    assert level_title_places(r) == [
        (C, ("import/sheet.py:12",)),
        (IMP, ("import/sheet.py:40",)),
        (S, ("import/sheet.py:3",)),
        (S, ("import/sheet.py:55",)),
    ]


def test_nested_line_bullets_under_file_bullets() -> None:
    r = read_fixture("file-bullets-nested-lines")
    assert level_title_places(r) == [
        (C, ("mail/outbox.py:55",)),
        (S, ("mail/outbox.py:80",)),
        (IMP, ("mail/smtp.py:12",)),
    ]


def test_issue_field_records_keep_a_clean_title() -> None:
    r = read_fixture("issue-fields-colon-title")
    assert [f.title for f in r.findings] == [
        "Lost update on the hit counter",
        "No test for concurrent adds",
    ]


def test_bold_kind_items_with_the_line_in_the_sentence() -> None:
    r = read_fixture("bold-kind-items-line-in-sentence")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("jobs/poll.py:18",),
        ("jobs/poll.py:25",),
    ]


@pytest.mark.parametrize("name", ["chatty-prose-ordinal-paragraphs"])
def test_ordinal_prose_paragraphs_are_findings(name: str) -> None:
    """`First, in `a.py` on line 42, …` / `Second, … `a.py:17` …`: a paragraph each."""
    r = read_fixture(name)
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("cli/args.py:42",),
        ("cli/args.py:17",),
    ]


def test_a_table_whose_severity_column_gives_one_letter() -> None:
    """`| H |`, `| M |`, `| L |`: before, no level (three unrated important findings)."""
    r = read_fixture("table-one-letter-levels")
    assert [f.severity for f in r.findings] == [C, IMP, S]
    assert r.unrated == ()


def test_findings_as_xml_elements() -> None:
    """`<finding severity="high" file="a.py" line="33">text</finding>`: before, a failed seat."""
    r = read_fixture("xml-finding-elements")
    assert level_title_places(r) == [(C, ("shop/cart.py:33",)), (S, ("shop/cart.py:70",))]


def test_lines_then_the_file_in_parentheses() -> None:
    """`Lines 33-35 (`a.py`): text — high severity.`: before, the file without its lines."""
    r = read_fixture("lines-before-file-in-parens")
    assert level_title_places(r) == [(C, ("shop/cart.py:33-35",)), (S, ("shop/cart.py:70",))]
    assert r.findings[0].title == "a coupon applies twice when the cart is re-priced"


def test_finding_word_before_a_headings_title() -> None:
    """`#### Finding: Title`: before, the title kept `Finding: `."""
    r = read_fixture("finding-word-colon-headings")
    assert [(f.severity, f.title) for f in r.findings] == [
        (C, "Coupon applies twice on re-pricing"),
        (S, "Magic number for the cart lifetime"),
    ]


def test_a_place_told_only_in_the_findings_prose() -> None:
    """A finding with no place of its own takes the one place its prose names in words
    (`(line 14 of net/retry.py, …)`, `see line 30 of `cache/store.py``), a path-looking file
    only; two places named (I3) leave it placeless, a finding's own place (S3) stays.
    Before, I1 had no place and I2 only its file."""
    r = read_fixture("place-told-in-prose-only")
    assert level_title_places(r) == [
        (IMP, ("net/retry.py:14",)),
        (IMP, ("cache/store.py:30",)),
        (IMP, ()),
        (S, ()),
        (S, ("net/client.py:8",)),
        (S, ("docs/notes.py:2",)),
    ]


def test_a_place_told_only_in_a_json_findings_prose() -> None:
    """The same fallback for a finding read from JSON (or a table, or a prose paragraph): the
    one place its body names in words is its place; two named leave it placeless, a finding's
    own `file`/`line` stays. Before, the first two had no place."""
    r = read_fixture("json-place-told-in-prose")
    assert level_title_places(r) == [
        (C, ("worker/consume.py:52",)),
        (IMP, ("worker/config.py:18",)),
        (S, ()),
        (S, ("worker/log.py:7",)),
    ]


def test_a_folder_is_no_place_the_one_file_its_text_names_is() -> None:
    """`No code snippet.` and a folder named in the prose (`ctl/pkg/controllers/app/`): the
    folder is no place; the one file the finding names (its fix's) is, two files or none leave
    it placeless. Before, all three were placed at the folder."""
    r = read_fixture("folder-place-fix-names-file")
    assert level_title_places(r) == [
        (IMP, ("ctl/pkg/controllers/app/reconcile.go",)),
        (IMP, ()),
        (S, ()),
    ]
