"""A level written after the place, parted from it by a middle dot or a full stop, is the level.

Tried as a new user would: `**1. Unused import** · `calc.py:1` · low` was an Important finding
whose text began "low", and `**2. Secret** — Location: `calc.py:4`. Severity: critical.` an
Important one whose text began "Severity: critical." — the same items parted by dashes
(`— `calc.py:1` — low`, `— severity: critical`) had their levels.
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed

REVIEW = (
    "## Issues\n\n"
    "**1. `sub` ignores its second argument** · `calc.py:5` · critical\n"
    "It returns `a` alone.\n\n"
    "**2. `shout` has no docstring** · `util/strings.py:1` · Low\n"
    "Callers cannot tell what it does.\n\n"
    "**3. `add` is never tested** — Location: `calc.py:1`. Severity: medium.\n"
    "No test calls it.\n\n"
    "**4. `shout` drops accents** — `util/strings.py:2`. Priority: low\n"
    "It uses `upper`.\n"
)


def test_a_level_after_the_place_parted_by_a_dot_or_a_sentence_end(tmp_path: Path) -> None:
    _, out, report = review_printed(tmp_path, {"alpha": REVIEW})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = {f["title"]: (f["severity"], f["body"]) for f in report["findings"]}
    assert got == {
        "`sub` ignores its second argument": ("critical", "It returns `a` alone."),
        "`shout` has no docstring": ("suggestion", "Callers cannot tell what it does."),
        "`add` is never tested": ("important", "No test calls it."),
        "`shout` drops accents": ("suggestion", "It uses `upper`."),
    }


def test_a_level_word_inside_the_title_sentence_is_no_level(tmp_path: Path) -> None:
    text = (
        "## Issues\n\n"
        "**1. `sub` ignores its second argument** — `calc.py:5` — of low risk to callers today.\n"
        "It returns `a` alone.\n"
    )
    _, _, report = review_printed(tmp_path, {"alpha": text})
    assert [f["severity"] for f in report["findings"]] != ["suggestion"], report["findings"]
