"""A review told only in prose that names its problem at `calc.py: on line 6`, or names only
the file (trial 50a #5): its findings could not be read — never "no issues found" — as the
`calc.py:6` spelling already is. No finding is invented from the prose."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from support.printing_seats import printing_seats
from support.repos import cli_env, make_repo, run_cli

LINE_IN_WORDS = (
    "I went through the change. The worst problem is in sub in calc.py: on line 6 the operands "
    "are swapped, so every caller gets the negated difference, a real bug. The rest looks fine."
)
FILE_ONLY = (
    "I went through the change. The worst problem is in sub in calc.py, whose operands are "
    "swapped: every caller gets the negated difference, a real bug. The rest looks fine."
)


@pytest.mark.parametrize("text", [LINE_IN_WORDS, FILE_ONLY])
def test_prose_problem_is_flagged_in_the_verdict(tmp_path: Path, text: str) -> None:
    repo = make_repo(tmp_path)
    printing_seats(tmp_path, {"codex": text})
    res = run_cli(
        ["review", "--agents", "codex", "--lead", "none", "--json", "--fail-on", "important"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    data: dict[str, Any] = res.json()
    assert [s["status"] for s in data["seats"]] == ["ok"], res.stderr[-2000:]
    report = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["findings"] == []  # nothing invented
    assert data["verdict"] != "Merge as-is"
    md = Path(data["paths"]["md"]).read_text(encoding="utf-8")
    assert "findings could not be read" in md.split("## Appendix")[0]
    assert "Merge as-is" not in md.split("## Appendix")[0]


@pytest.mark.parametrize(
    "text",
    [
        LINE_IN_WORDS,
        FILE_ONLY,
        "The retry loop in `net/retry.go` never stops: a critical bug.",
    ],
)
def test_flagged_as_unread(text: str) -> None:
    r = parse_review(text, seat="s")
    assert r.findings == ()
    assert len(r.unread_findings) == 1


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Problem: `src/app.py`: line 7 builds SQL from user input (injection).", "src/app.py:7"),
        # one denied word beside one that is not: still a problem named
        (
            "Nothing else is wrong, but `calc.py:6` has a bug: the operands of sub are swapped.",
            "calc.py:6",
        ),
    ],
)
def test_a_paragraph_whose_first_sentence_names_the_problem_at_its_place_is_a_finding(
    text: str, place: str
) -> None:
    """(Before fp65, unread findings text: the paragraph is one finding, told at one place in
    its first sentence: `test_prose_paragraph_findings.py`.)"""
    r = parse_review(text, seat="s")
    assert [str(loc) for f in r.findings for loc in f.locations] == [place]
    assert r.unread_findings == ()


@pytest.mark.parametrize(
    "text",
    [
        # a clean review, or one that says what it checked, raises no alarm
        "I read calc.py and util/strings.py. No issues found.",
        "This change fixes the bug in calc.py where sub swapped its operands. Looks good.",
        "The change touches calc.py only; it adds `sub` with a test. LGTM.",
        "The earlier bug in calc.py is now fixed.",
        # a problem word the sentence denies is no problem named
        "Nothing wrong in `util/strings.py` so far.",
        "I found no bugs in calc.py; the new `sub` has a test.",
        "calc.py:6 is not broken by the refactor, and has no real issues.",
    ],
)
def test_no_false_alarm(text: str) -> None:
    r = parse_review(text, seat="s")
    assert r.unread_findings == (), text
