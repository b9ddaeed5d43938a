"""What seats conclude about each unresolved PR thread: bullets, tables, numbered lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.findings.thread_verdicts import parse_thread_verdicts
from support.golden import assert_golden

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "thread-verdicts"


@pytest.mark.parametrize("name", ["bullets", "table", "numbered"])
def test_shapes_against_goldens(name: str) -> None:
    text = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    got = parse_thread_verdicts(text)
    assert_golden(f"thread-verdicts/{name}.json", json.dumps(got, indent=2) + "\n")


def test_bullets_read_each_word_and_only_the_section() -> None:
    got = parse_thread_verdicts((FIXTURES / "bullets.md").read_text(encoding="utf-8"))
    assert {ref: word for ref, (word, _) in got.items()} == {
        "T1": "addressed",
        "T2": "not addressed",
        "T3": "unclear",
        "T4": "not addressed",
    }
    assert got["T1"][1] == "`money.py:14` now rounds half-even as the reviewer asked"


def test_no_section_means_no_verdicts() -> None:
    assert parse_thread_verdicts("## Findings\n\n- T1: addressed\n") == {}
    assert parse_thread_verdicts("") == {}


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("- T1: not yet addressed", "not addressed"),
        ("- T1: isn't addressed", "not addressed"),
        ("- T1: not fully addressed", "not addressed"),
        ("- T1: partially addressed", "not addressed"),
        ("- T1: still open", "not addressed"),
        ("- T1: resolved", "addressed"),
        ("- T1: addressed", "addressed"),
        ("- T1: unclear", "unclear"),
        ("| T1 | Fixed width | still open |", "not addressed"),
    ],
)
def test_negations_and_synonyms(line: str, word: str) -> None:
    got = parse_thread_verdicts(f"## Unresolved Feedback Verdicts\n\n{line}\n")
    assert got["T1"][0] == word


@pytest.mark.parametrize(
    ("header", "row", "word"),
    [
        ("| Thread | Status |", "| T1 | partly fixed, test still missing |", "not addressed"),
        ("| Thread | Status |", "| T1 | fixed in code but not in docs |", "not addressed"),
        (
            "| Comment | Addressed? |",
            "| T1 | Partly — the rename is done, the test is not |",
            "not addressed",
        ),
        ("| Comment | Addressed? |", "| T1 | No |", "not addressed"),
        ("| Comment | Addressed? |", "| T1 | Mostly |", "not addressed"),
        ("| Comment | Addressed? |", "| T1 | Yes |", "addressed"),
        (
            "| Comment | Addressed in this PR? |",
            "| T1 | No — the docs still say the old name |",
            "not addressed",
        ),
        (
            "| Thread | Resolution | Notes |",
            "| T1 | Addressed? unclear | handled in docs |",
            "unclear",
        ),
        (
            "| Thread | Summary | Resolution |",
            "| T1 | Fixed the null case? | No |",
            "not addressed",
        ),
        ("| Thread | Concern | Addressed |", "| T1 | Retry done twice | No |", "not addressed"),
        ("| Thread | Concern | Addressed |", "| T1 | Retry done twice | maybe |", "unclear"),
        ("| Thread | Status |", "| T1 | addressed, then reverted |", "not addressed"),
        ("| Thread | Status |", "| T1 | ~~addressed~~ reopened |", "not addressed"),
        ("| Thread | Status |", "| T1 | addressed? |", "unclear"),
        ("| Thread | Status |", "| T1 | seems addressed |", "unclear"),
        ("| Thread | Verdict |", "| T1 | addressed in code, not in docs |", "not addressed"),
        ("| Thread | Verdict |", "| T1 | ✅ addressed | `a.py:3` now logs |", "addressed"),
    ],
)
def test_thread_tables_never_read_a_mixed_cell_as_addressed(
    header: str, row: str, word: str
) -> None:
    text = f"## Unresolved Feedback Verdicts\n\n{header}\n|---|---|\n{row}\n"
    assert parse_thread_verdicts(text)["T1"][0] == word


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("- T1: addressed?", "unclear"),
        ("- T1: probably addressed", "unclear"),
        ("- T1: addressed, but only for the CLI", "not addressed"),
        ("- T1: was addressed, then regressed", "not addressed"),
        ("- T1: mostly addressed", "not addressed"),
        ("- T1: Partly — the rename is done, the test is not", "not addressed"),
        ("- T1: addressed ❌", "not addressed"),
        ("- T1: addressed — `a.py:3` now logs the error", "addressed"),
    ],
)
def test_thread_lines_never_read_a_hedge_or_a_mix_as_addressed(line: str, word: str) -> None:
    got = parse_thread_verdicts(f"## Unresolved Feedback Verdicts\n\n{line}\n")
    assert got["T1"][0] == word


def test_a_struck_out_answer_is_no_answer() -> None:
    assert parse_thread_verdicts("## Unresolved Feedback Verdicts\n\n- T1: ~~addressed~~\n") == {}


@pytest.mark.parametrize(
    "line",
    [
        "- T1 (why not cache this?): addressed — `cache.py:4` caches it",
        "- T1 (the retry should back off): addressed in `retry.py:9`",
    ],
)
def test_a_restated_point_before_the_verdict_is_no_hedge(line: str) -> None:
    got = parse_thread_verdicts(f"## Unresolved Feedback Verdicts\n\n{line}\n")
    assert got["T1"][0] == "addressed"


def test_a_later_less_optimistic_answer_takes_an_earlier_one_back() -> None:
    text = (
        "## Unresolved Feedback Verdicts\n\n- T1: addressed\n- T2: not addressed\n"
        "- T1: not addressed after all, the docs still say the old name\n- T2: addressed\n"
        "- T3: ✅ ⚠️ docs pending\n"
    )
    got = parse_thread_verdicts(text)
    assert {ref: word for ref, (word, _) in got.items()} == {
        "T1": "not addressed",
        "T2": "not addressed",
        "T3": "not addressed",
    }


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("- Not addressed: T1", {"T1": "not addressed"}),
        ("- Addressed: T1, T2", {"T1": "addressed", "T2": "addressed"}),
        ("- T1, T2: addressed", {"T1": "addressed", "T2": "addressed"}),
        ("- T1 and T3: not addressed", {"T1": "not addressed", "T3": "not addressed"}),
        ("- T1: addressed; T2: not addressed", {"T1": "addressed", "T2": "not addressed"}),
        ("- T1: addressed, but T2 is still open", {"T1": "addressed", "T2": "not addressed"}),
    ],
)
def test_thread_verdicts_for_lists_and_before_the_refs(line: str, words: dict[str, str]) -> None:
    got = parse_thread_verdicts(f"## Unresolved Feedback Verdicts\n\n{line}\n")
    assert {k: w for k, (w, _) in got.items()} == words
