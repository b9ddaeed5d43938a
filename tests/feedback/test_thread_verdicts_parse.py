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
