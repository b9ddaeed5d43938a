"""Severity sections written in other shapes and languages (trial46b #2, #7, #14, #15): setext
headings (`Critical Issues` + `-----`), High / Medium / Low in German, French and Spanish,
"none" in other languages, and Japanese headings; through the real `deep-review review` with a
command seat that prints the review, and the parser for the word lists."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from deepreview.model import AgentReview, Severity
from support.repos import cli_env, make_repo, run_cli


def _review(tmp: Path, text: str, fail_on: str) -> tuple[int, str, list[tuple[str, str, str]]]:
    """(exit code, verdict, [(id, severity, first place)]) of a review whose one seat says
    `text`, gated by `--fail-on`."""
    repo = make_repo(tmp)
    out = tmp / "seat.out"
    out.write_text(text, encoding="utf-8")
    argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'"]
    (tmp / "user-config.toml").write_text(f"[seats.s]\nargv = {json.dumps(argv)}\n", "utf-8")
    res = run_cli(
        ["review", "--agents", "s", "--lead", "none", "--json", "--fail-on", fail_on],
        cwd=repo,
        env=cli_env(tmp),
    )
    data: dict[str, Any] = res.json()
    assert [s["status"] for s in data["seats"]] == ["ok"], res.stderr[-2000:]
    report = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    rows = [
        (f["id"], f["severity"], "{path}:{start}".format(**f["locations"][0]))
        for f in report["findings"]
    ]
    return res.returncode, data["verdict"], rows


def _rows(r: AgentReview) -> list[tuple[str, Severity, tuple[str, ...]]]:
    return [(f.id, f.severity, tuple(map(str, f.locations))) for f in r.findings]


# -- #15 setext headings -----------------------------------------------------------------------

SETEXT = (
    "Findings\n========\n\nCritical Issues\n---------------\n\n"
    "1. **`sub` is inverted** — `calc.py:5`: wrong sign.\n\n"
    "Important Issues\n----------------\n\nNone.\n\n"
    "Suggestions\n-----------\n\n1. **Blank line** — `calc.py:4`: unneeded.\n"
)


def test_setext_severity_headings_are_sections(tmp_path: Path) -> None:
    code, verdict, rows = _review(tmp_path, SETEXT, "critical")
    assert rows == [("C1", "critical", "calc.py:5"), ("S1", "suggestion", "calc.py:4")]
    assert verdict == "Rework"
    assert code == 4


def test_setext_headings_keep_their_bodies_apart() -> None:
    r = parse_review(re.sub("(?m)^-+$", "=====", SETEXT), seat="s")
    assert [f.body for f in r.findings] == ["wrong sign.", "unneeded."]
    assert r.unread_findings == () and r.unparsed == ()


def test_a_paragraph_over_a_rule_is_still_a_paragraph() -> None:
    """`text` + `---` with no known section title is a paragraph and a rule, as before."""
    r = parse_review(
        "## Executive Summary\n\nThe change looks fine overall.\n---\n\n## Findings\n\n"
        "### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
        "### Suggestions\n\n- **Blank line** — `calc.py:4`: unneeded.\n",
        seat="s",
    )
    assert r.executive_summary.startswith("The change looks fine overall.")
    assert _rows(r) == [("S1", Severity.SUGGESTION, ("calc.py:4",))]


# -- #14 High / Medium / Low in German, French, Spanish ----------------------------------------

LEVELS = (
    "## Befunde\n\n### {0}\n\n1. **`sub` vertauscht** — `calc.py:5`: falsch.\n\n"
    "### {1}\n\n1. **`shout` stürzt ab** — `util/strings.py:2`: bei None.\n\n"
    "### {2}\n\n1. **Leerzeile** — `calc.py:4`: unnötig.\n"
)
THREE = [
    ("C1", Severity.CRITICAL, ("calc.py:5",)),
    ("I1", Severity.IMPORTANT, ("util/strings.py:2",)),
    ("S1", Severity.SUGGESTION, ("calc.py:4",)),
]


def test_german_high_medium_low_sections(tmp_path: Path) -> None:
    code, _, rows = _review(tmp_path, LEVELS.format("Hoch", "Mittel", "Niedrig"), "critical")
    assert rows == [
        ("C1", "critical", "calc.py:5"),
        ("I1", "important", "util/strings.py:2"),
        ("S1", "suggestion", "calc.py:4"),
    ]
    assert code == 4


@pytest.mark.parametrize(
    "words",
    [
        ("Élevée", "Moyenne", "Faible"),
        ("Alta", "Media", "Baja"),
        ("Kritisch", "Wichtig", "Gering"),
        ("Hoch", "Mittel", "Gering"),
    ],
)
def test_high_medium_low_in_other_languages(words: tuple[str, str, str]) -> None:
    r = parse_review(LEVELS.format(*words), seat="s")
    assert _rows(r) == THREE
    assert [f.body for f in r.findings] == ["falsch.", "bei None.", "unnötig."]


def test_hoch_is_the_level_below_kritisch() -> None:
    r = parse_review(LEVELS.format("Kritisch", "Hoch", "Niedrig"), seat="s")
    assert [f.severity for f in r.findings] == [
        Severity.CRITICAL,
        Severity.IMPORTANT,
        Severity.SUGGESTION,
    ]


@pytest.mark.parametrize("section", ["## Befunde", "## Anmerkungen"])
def test_numbered_items_under_unknown_headings_do_not_swallow_each_other(section: str) -> None:
    """Headings of no known section: each list under them is findings of its own, and the
    headings are in no finding's body."""
    r = parse_review(
        LEVELS.replace("## Befunde", section).format("Sonstiges", "Anderes", "Drittes"), seat="s"
    )
    assert [(f.title, tuple(map(str, f.locations))) for f in r.findings] == [
        ("`sub` vertauscht", ("calc.py:5",)),
        ("`shout` stürzt ab", ("util/strings.py:2",)),
        ("Leerzeile", ("calc.py:4",)),
    ]
    assert [f.body for f in r.findings] == ["falsch.", "bei None.", "unnötig."]
    assert r.unread_findings == ()


def test_a_numbered_list_in_a_findings_sub_section_stays_in_its_body() -> None:
    """A deeper heading inside a finding (`#### Steps`) with its own `1.` list: the finding's
    text, not new findings."""
    r = parse_review(
        "## Findings\n\n### Critical Issues\n\n1. **`sub` is inverted** — `calc.py:5`: wrong.\n\n"
        "#### Steps\n\n1. **Call it** — `calc.py:5`: with 1, 2.\n",
        seat="s",
    )
    assert _rows(r) == [("C1", Severity.CRITICAL, ("calc.py:5",))]
    assert "#### Steps" in r.findings[0].body


# -- #2 "none" in other languages ---------------------------------------------------------------

CLEAN_DE = (
    "## Zusammenfassung\n\nDie Änderung fügt `sub` und `shout` hinzu; beide sind korrekt.\n\n"
    "## Befunde\n\n### Kritische Probleme\n\nKeine.\n\n### Wichtige Probleme\n\nKeine.\n\n"
    "### Vorschläge\n\nKeine.\n"
)


def test_a_clean_german_review_passes_the_gate(tmp_path: Path) -> None:
    code, verdict, rows = _review(tmp_path, CLEAN_DE, "important")
    assert rows == []
    assert verdict.startswith("Merge as-is"), verdict
    assert code == 0


@pytest.mark.parametrize(
    "none",
    [
        "Keine.",
        "Aucun.",
        "Aucune.",
        "Ninguno.",
        "Ninguna.",
        "Nessuno.",
        "Nenhum.",
        "なし",
        "なし。",
        "無し",
        "—",
        "Nothing critical.",
        "- Keine",
    ],
)
def test_none_in_other_words_is_none(none: str) -> None:
    text = CLEAN_DE.replace("Keine.", none, 1)
    r = parse_review(text, seat="s")
    assert r.findings == () and r.unread_findings == (), none


def test_a_sentence_after_none_words_is_still_read() -> None:
    """Only the word alone says none: `Keine Tests für `sub`` under Critical is no "none"."""
    r = parse_review(CLEAN_DE.replace("Keine.", "Keine Tests für `calc.py:5` vorhanden.", 1))
    assert r.unread_findings != ()


# -- #7 Japanese headings ----------------------------------------------------------------------

JAPANESE = (
    "## 概要\n\nこの変更は `sub` と `shout` を追加します。\n\n## 指摘事項\n\n### 重大な問題\n\n"
    "1. **`sub` の引数が逆** — `calc.py:5`: `a - b` ではなく `b - a` であるべきです。\n\n"
    "### 重要な問題\n\nなし。\n\n### 提案\n\n"
    "- `util/strings.py:2` — `shout` は `None` を扱うべきです。\n"
)


def test_japanese_severity_headings(tmp_path: Path) -> None:
    code, _, rows = _review(tmp_path, JAPANESE, "critical")
    assert rows == [("C1", "critical", "calc.py:5"), ("S1", "suggestion", "util/strings.py:2")]
    assert code == 4


@pytest.mark.parametrize(
    "words",
    [
        ("重大", "重要", "軽微"),
        ("重大な問題：", "重要な問題", "軽微な問題"),
        ("重大", "重要", "提案"),
    ],
)
def test_japanese_heading_variants(words: tuple[str, str, str]) -> None:
    r = parse_review(LEVELS.format(*words), seat="s")
    assert _rows(r) == THREE
