"""A review that opens with `## Summary` (or `## Resumo`) and gives each finding a heading below
it ending in its level tag (`### 1. SQL injection in `sort` (Critical)`, in Portuguese
`(Crítico)` / `(Médio)` / `(Baixo)`): those headings are findings, not the summary's
sub-sections. Before, the summary swallowed them and the review read as clean (no finding, no
unread text), in English as in Portuguese. A summary's sub-heading whose bracketed word is no
level (`### Key changes (backend)`, `### Mudanças (resumo)`) stays the summary's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli

ENGLISH = """## Summary

Adds paging to the orders list. Two points.

### 1. SQL injection through `sort` (Critical)

In `orders/repo.py`, line 52, `sort` comes from the query string into `ORDER BY`.

### 2. Total counted on every page (Low)

`orders/repo.py:78` runs `COUNT(*)` on every request.

## Conclusion

Fix item 1 before merging.
"""

PORTUGUESE = """## Resumo

O PR adiciona paginação. Dois pontos.

### 1. Injeção de SQL via `sort` (Crítico)

Em `orders/repo.py`, linha 52, `sort` vem da query string direto para o `ORDER BY`.

### 2. Contagem total a cada página (Baixo)

`orders/repo.py:78` executa `COUNT(*)` em toda requisição.

## Conclusão

Corrigir o item 1 antes do merge.
"""

NOT_FINDINGS = """## Summary

Adds paging to the orders list; `orders/repo.py` gains a `page` argument.

### Key changes (backend)

The repository counts rows once per request and pages with `LIMIT`.

### Mudanças (resumo)

`orders/views.py` passa o número da página.
"""


@pytest.mark.parametrize("text", [ENGLISH, PORTUGUESE], ids=["english", "portuguese"])
def test_level_tagged_headings_under_a_summary_are_findings(tmp_path: Path, text: str) -> None:
    parsed = parsed_by_cli(tmp_path, text)
    found = [
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"])
        for f in parsed["findings"]
    ]
    assert found == [("critical", "orders/repo.py", 52), ("suggestion", "orders/repo.py", 78)]


def test_a_summary_sub_heading_with_no_level_stays_the_summary(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, NOT_FINDINGS)
    assert parsed["findings"] == []
    assert "Key changes" in parsed["executive_summary"]
    assert "Mudanças" in parsed["executive_summary"]
