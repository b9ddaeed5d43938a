"""A finding's fields labelled in the seat's language: `**Problem:**` / `**Lösung:**` /
`**Empfehlung:**` (German), `**Correction :**` (French), `**Solución:**` (Spanish); the fix
text is the finding's Fix, the problem text its text, and the closing section (`## Fazit`,
`## Conclusión`) no finding.

Tried as a new user would: a German review (`### 1. Cache wird nie geleert (`calc.py:5`)` +
`**Problem:**` + `**Lösung:**` under `## Befunde`) was not read at all (a numbered heading with
its place and no level was skipped, in English too), and in French or Spanish the fix stayed in
the finding's text with its label, the finding reported as having no fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_GERMAN = (
    "## Zusammenfassung\n\nDie Änderung fügt `sub` hinzu.\n\n## Befunde\n\n"
    "### 1. `sub` ignoriert das zweite Argument (`calc.py:5`)\n\n"
    "**Problem:** `sub` gibt nur `a` zurück, jede Subtraktion ist falsch.\n\n"
    "**Lösung:** `a - b` zurückgeben.\n\n"
    "### 2. `shout` stürzt bei `None` ab (`util/strings.py:2`)\n\n"
    "**Problem:** Mit `None` wirft `shout` einen `AttributeError`.\n\n"
    "**Empfehlung:** `None` vorher abfangen.\n\n"
    "## Fazit\n\nInsgesamt solide, aber `sub` muss vor dem Merge korrigiert werden.\n"
)


def test_german_fields_give_text_and_fix(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": _GERMAN})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    got = sorted((f["locations"][0]["path"], f["body"], f["fix"]) for f in report["findings"])
    assert got == [
        (
            "calc.py",
            "`sub` gibt nur `a` zurück, jede Subtraktion ist falsch.",
            "`a - b` zurückgeben.",
        ),
        (
            "util/strings.py",
            "Mit `None` wirft `shout` einen `AttributeError`.",
            "`None` vorher abfangen.",
        ),
    ]


_ONE_ITEM = (
    "## {section}\n\n1. **{title}** (`calc.py:5`) — {text}\n\n   **{label}** {fix}\n\n"
    "## {closing}\n\n{words}\n"
)
CASES = {
    "french": dict(
        section="Problèmes importants",
        title="`sub` ignore son second argument",
        text="la soustraction est fausse.",
        label="Correction :",
        fix="renvoyer `a - b`.",
        closing="Conclusion",
        words="Bon changement, mais `sub` doit être corrigé.",
    ),
    "spanish": dict(
        section="Problemas importantes",
        title="`sub` ignora su segundo argumento",
        text="la resta es incorrecta.",
        label="Solución:",
        fix="devolver `a - b`.",
        closing="Conclusión",
        words="Buen cambio, pero hay que corregir `sub` antes de fusionar.",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_fix_label_gives_the_fix(name: str) -> None:
    case = CASES[name]
    review = parse_review(_ONE_ITEM.format(**case), seat="alpha")
    [finding] = review.findings
    assert (finding.title, finding.body, finding.fix) == (
        case["title"],
        case["text"],
        case["fix"],
    )
    assert [s.title for s in review.other_sections] == [case["closing"]]
    assert not review.unread_findings


def test_a_numbered_heading_with_its_place_is_a_finding() -> None:
    text = (
        "## Findings\n\n### 1. `sub` ignores its second argument (`calc.py:5`)\n\n"
        "**Problem:** every subtraction is wrong.\n\n**Fix:** return `a - b`.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.title, f.body, f.fix) for f in review.findings] == [
        ("`sub` ignores its second argument", "every subtraction is wrong.", "return `a - b`.")
    ]


@pytest.mark.parametrize(
    ("label", "fix"),
    [
        ("- **Vorschlag:**", "`a - b` zurückgeben."),
        ("**修正案：**", "`a - b` を返す。"),
        ("**Sugerencia:**", "devolver `a - b`."),
        ("**Correction proposée :**", "renvoyer `a - b`."),
        ("Empfohlene Lösung:", "`a - b` zurückgeben."),
    ],
)
def test_a_suggestion_label_inside_a_finding_is_its_fix(label: str, fix: str) -> None:
    text = (
        "## Findings\n\n1. **`sub` ignores its second argument** (`calc.py:5`) — every "
        f"subtraction is wrong.\n   {label} {fix}\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.body, f.fix) for f in review.findings] == [("every subtraction is wrong.", fix)]
