"""Review shapes read wrongly before round six of the parse cases, tried through the command.

- review comments each with a GitHub ```suggestion fence under a paragraph led by its bold place
  (`**`a.py` line 12** — …`), levels said only in words: nothing was read;
- a checklist whose ticked item (`- [x] …`, already done) was counted as a finding;
- field labels in Spanish, French, German or Portuguese (`**Archivo:**`, `**Gravité :**`,
  `**Datei:**`, `**Gravidade:**`) and their level words (`Alta`, `Moyenne`, `Niedrig`) were
  not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import read_by_cli

_SUGGESTIONS = (
    "Three comments, each with a change you can apply from the PR page.\n\n"
    "**`billing/rates.py` line 14** — the rate table is loaded once per request and the disk\n"
    "is read every time. This has to be fixed before release.\n\n"
    "```suggestion\n"
    "RATES = load_rates()\n"
    "```\n\n"
    "**`billing/rates.py` lines 30-31** — `round()` here uses banker's rounding, so half a cent\n"
    "goes down on even amounts.\n\n"
    "```suggestion\n"
    "    return amount.quantize(CENT, rounding=ROUND_HALF_UP)\n"
    "```\n\n"
    "**`billing/format.py` line 3** — tiny one: `fmt` could be `format_amount`, purely for\n"
    "readability.\n\n"
    "```suggestion\n"
    "def format_amount(value):\n"
    "```\n\n"
    "The first one is the only one I'd block on.\n"
)


def test_suggestion_fences_under_placed_paragraphs_are_findings(tmp_path: Path) -> None:
    found, unread = read_by_cli(tmp_path, _SUGGESTIONS)
    assert [(s, p) for s, p, _ in found] == [
        ("critical", "billing/rates.py:14"),
        ("important", "billing/rates.py:30"),
        ("suggestion", "billing/format.py:3"),
    ]
    assert unread == []


def test_suggestion_comments_under_a_findings_heading(tmp_path: Path) -> None:
    found, unread = read_by_cli(tmp_path, "## Findings\n\n" + _SUGGESTIONS)
    assert [p for _, p, _ in found] == [
        "billing/rates.py:14",
        "billing/rates.py:30",
        "billing/format.py:3",
    ]
    assert unread == []


def test_a_code_fence_of_another_language_is_no_suggestion(tmp_path: Path) -> None:
    # a paragraph quoting the code it describes (```python) offers no change: the rule reads
    # only the suggestion fences a reviewer commits from the PR page
    text = _SUGGESTIONS.replace("```suggestion", "```python").replace(
        "tiny one: `fmt` could be `format_amount`, purely for\nreadability.",
        "this is where amounts are printed.",
    )
    found, _ = read_by_cli(tmp_path, text)
    assert ("suggestion", "billing/format.py:3") not in [(s, p) for s, p, _ in found]
    assert len(found) < 3


_CHECKLIST = (
    "## Review\n\n"
    "A checklist of what is left:\n\n"
    "### Must fix before merge\n\n"
    "- [ ] `cache/store.go:40` — `Get` returns the entry after it expired, so stale prices\n"
    "      are served for a day. Compare against `now` before returning.\n\n"
    "### Should fix\n\n"
    "- [x] `cache/store.go:71` — the eviction loop holds the lock while it writes the log\n"
    "      line, so readers wait on the disk.\n"
    "- [ ] `cache/store.go:88` — `Purge` does not stop the janitor goroutine, which leaks.\n"
)


def test_a_ticked_checklist_item_is_done_not_a_finding(tmp_path: Path) -> None:
    # the tick alone says it is done: its words tell the problem as the open items do
    found, unread = read_by_cli(tmp_path, _CHECKLIST)
    assert [(s, p) for s, p, _ in found] == [
        ("critical", "cache/store.go:40"),
        ("important", "cache/store.go:88"),
    ]
    assert unread == []


def test_an_unticked_item_stays_a_finding(tmp_path: Path) -> None:
    found, _ = read_by_cli(tmp_path, _CHECKLIST.replace("- [x]", "- [ ]"))
    assert [p for _, p, _ in found] == [
        "cache/store.go:40",
        "cache/store.go:71",
        "cache/store.go:88",
    ]


def test_a_ticked_item_in_a_checklist_of_placed_items_leaves_the_open_one_as_written(
    tmp_path: Path,
) -> None:
    """Under a heading that is no findings section, the open item keeps its level and title
    when its ticked sibling is set aside: reading the two as place-led remarks instead turned
    the open one into "[ ] **…** — High" at the default level, and the ticked one back into a
    finding."""
    text = (
        "## Review checklist\n\n"
        "- [ ] **`parse()` drops the last field** (`csv/read.py:12`) — High\n"
        "- [x] **Unused import of `os`** (`csv/read.py:3`) — Low\n"
    )
    found, unread = read_by_cli(tmp_path, text)
    assert found == [("critical", "csv/read.py:12", "`parse()` drops the last field")]
    assert unread == []


# (heading, file label, line word, level label, the three level words) per language
_LANGUAGES = {
    "es": ("Problemas", "Archivo", "línea", "Gravedad", ("Alta", "Media", "Baja")),
    "fr": ("Problèmes", "Fichier", "ligne", "Gravité", ("Haute", "Moyenne", "Faible")),
    "de": ("Probleme", "Datei", "Zeile", "Schweregrad", ("Hoch", "Mittel", "Niedrig")),
    "pt": ("Problemas", "Arquivo", "linha", "Gravidade", ("Alta", "Média", "Baixa")),
}


def _labelled(lang: str) -> str:
    heading, file_label, line_word, level_label, levels = _LANGUAGES[lang]
    parts = [f"## {heading}\n"]
    for n, (path, line, level) in enumerate(
        (
            ("shop/cart.py", 12, levels[0]),
            ("shop/cart.py", 40, levels[1]),
            ("shop/util.py", 5, levels[2]),
        ),
        start=1,
    ):
        parts.append(
            f"### {n}. Punto {n}\n\n"
            f"**{file_label}:** `{path}`, {line_word} {line}\n"
            f"**{level_label}:** {level}\n\n"
            f"`total` diverge ({n}).\n"
        )
    return "\n".join(parts)


@pytest.mark.parametrize("lang", sorted(_LANGUAGES))
def test_field_labels_and_levels_in_other_languages(tmp_path: Path, lang: str) -> None:
    found, unread = read_by_cli(tmp_path, _labelled(lang))
    assert [(s, p) for s, p, _ in found] == [
        ("critical", "shop/cart.py:12"),
        ("important", "shop/cart.py:40"),
        ("suggestion", "shop/util.py:5"),
    ]
    assert unread == []


def test_a_foreign_level_word_counts_only_after_a_level_label(tmp_path: Path) -> None:
    # `Media` is a level after `Gravedad:`; as a word of a title it is just a word
    text = (
        "## Findings\n\n"
        "### 1. Media uploads skip the size check\n\n"
        "**File:** `api/upload.py`, line 9\n"
        "**Severity:** Low\n\n"
        "Large files are buffered whole.\n"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert [(s, p) for s, p, _ in found] == [("suggestion", "api/upload.py:9")]
