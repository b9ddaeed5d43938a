"""A review whose points each open with their level as one bold word, in French (`**Bloquant**
—`, `**À corriger** —`, `**Mineur** —`) or as an English word closed by its own full stop
(`**Critical.** text`): those are the points' levels, as `**Critical** — …` is. Before, such a
French review read no finding at all and, naming no problem in English prose, read as clean.
A bold span of more words than a level (`**Moyenne des temps** —`, "mean time") or a bold level
word inside a sentence stays text.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

FRENCH = """## Revue du cache

**Bloquant** — `cache/store.py`, ligne 21 : la clé ignore le locataire, deux clients lisent
les mêmes données.

**À corriger** — dans `cache/store.py` (l. 40-44), l'expiration n'est jamais vérifiée.

**Mineur** — `cache/config.py:7` : le nom `TTL2` ne dit pas son unité.
"""

DOTTED = """Three points on the queue change.

- **Critical.** `queue/worker.py:12` drops a job when `ack` raises.
- **Minor.** `queue/worker.py:30` logs the whole payload.
"""

NOT_LEADS = """## Mesures

**Moyenne des temps** — 40 ms par requête, comme avant la modification.

Le cas **mineur** des files vides est déjà couvert par les tests.

Rien à signaler.
"""


def test_french_bold_level_words_lead_findings(tmp_path: Path) -> None:
    assert levels_and_places(parsed_by_cli(tmp_path, FRENCH)) == [
        ("critical", "cache/store.py", 21),
        ("important", "cache/store.py", 40),
        ("suggestion", "cache/config.py", 7),
    ]


def test_a_bold_level_word_closed_by_a_full_stop_leads_a_finding(tmp_path: Path) -> None:
    assert levels_and_places(parsed_by_cli(tmp_path, DOTTED)) == [
        ("critical", "queue/worker.py", 12),
        ("suggestion", "queue/worker.py", 30),
    ]


def test_bold_words_that_are_no_level_lead_nothing(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, NOT_LEADS)
    assert parsed["findings"] == []
    assert not parsed.get("unread_findings"), parsed.get("unread_findings")
