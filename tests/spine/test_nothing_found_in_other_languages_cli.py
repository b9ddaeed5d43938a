"""A short review that says in another language that it found nothing is a clean review.

Tried as a new user would: a seat answering "Keine Probleme gefunden." (or "Nenhum problema
encontrado.", "No se encontraron problemas.", "Aucun problème trouvé.", "没有发现问题。") failed
as "unparseable review", and with every seat saying so the review exited 3, "no seat produced
a review". Level words in those languages were already read (`## Wichtige Probleme`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import review_printed

CLEAN = {
    "de": "Keine Probleme gefunden.",
    "pt": "Nenhum problema encontrado.",
    "es": "No se encontraron problemas.",
    "fr": "Aucun problème trouvé.",
    "zh": "没有发现问题。",
    "ja": "問題は見つかりませんでした。",
}


@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_nothing_found_in_another_language_is_a_clean_review(tmp_path: Path, lang: str) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": CLEAN[lang] + "\n"})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    assert report["header"]["verdict"]["label"] == "Merge as-is"
    assert res.returncode == 0, res.stderr


def test_an_error_closing_with_it_is_still_no_review(tmp_path: Path) -> None:
    text = "Error: You exceeded your current quota. Keine Probleme gefunden.\n"
    res, out, _ = review_printed(tmp_path, {"alpha": text})
    assert (out["seats"][0]["status"], out["seats"][0]["reason"]) == (
        "failed",
        "unparseable review",
    )
    assert res.returncode == 3, res.stderr
