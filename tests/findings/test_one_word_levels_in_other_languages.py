"""A review answered in Spanish or French under one-word level headings (`### Crítico`,
`### Mayor`, `### Menor`; `### Majeurs`, `### Mineur`), as an English one writes `### Critical` /
`### Major` / `### Minor`. Before, only `Críticos`, `Importantes` and the High / Medium / Low
words were known: the findings under them were text that could not be read (Unverified)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed


def _review(top: str, mid: str, low: str) -> str:
    return (
        f"## Hallazgos\n\n### {top}\n\n- `calc.py:6`: `sub` devuelve b - a.\n\n"
        f"### {mid}\n\nNinguno.\n\n### {low}\n\n- `util/strings.py:1`: falta el docstring.\n"
    )


@pytest.mark.parametrize(
    ("top", "mid", "low"),
    [
        ("Crítico", "Mayor", "Menor"),
        ("Crítica", "Mayores", "Menores"),
        ("Problèmes critiques", "Majeurs", "Mineur"),
    ],
)
def test_the_levels_are_read(top: str, mid: str, low: str) -> None:
    review = parse_review(_review(top, mid, low), seat="alpha")
    assert [(f.severity, str(f.locations[0])) for f in review.findings] == [
        (Severity.CRITICAL, "calc.py:6"),
        (Severity.SUGGESTION, "util/strings.py:1"),
    ]
    assert not review.unread_findings


def test_the_report_reads_them(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _review("Crítico", "Mayor", "Menor")})
    assert [f["severity"] for f in report["findings"]] == ["critical", "suggestion"]
