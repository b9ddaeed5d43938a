"""Through the real `deep-review review --lead none`: a code name one reviewer backticks and
another writes bare in its explanation ("the store bumps resourceVersion") is a name both give
(`consolidate/prose_names.py`). Only code-shaped names count (lowerCamelCase, snake_case): an
UpperCamel word read bare may be a product's name (`PowerShell`), and ties nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

SYNC = "".join(f"step_{n} = {n}\n" for n in range(1, 21))

ALPHA = (
    "## Findings\n\n### Important Issues\n\n"
    "I1. **Every sync writes the status, so the object never settles** — `app/sync.py:14-15` "
    "(important, regression)\n\n`save_status()` runs on each event and stamps `lastSeenBy` with "
    "the caller's name, so each pass changes `{name}` and queues one more pass.\n"
)
BRAVO = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Status message names the last caller** — `app/sync.py:15-16` (suggestion)\n\n"
    "The message changes with every caller, so the write is never a no-op: the store bumps "
    "{name} each time and the watch fires again.\n"
)


def _credited(tmp: Path, name: str) -> list[list[str]]:
    seats = {"alpha": ALPHA.format(name=name), "bravo": BRAVO.format(name=name)}
    found: list[dict[str, Any]] = findings_of_change(tmp, {"app/sync.py": SYNC}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_backticked_name_written_bare_by_the_other_is_shared(tmp_path: Path) -> None:
    assert _credited(tmp_path, "resourceVersion") == [["Alpha", "Bravo"]]


def test_an_upper_camel_word_written_bare_ties_nothing(tmp_path: Path) -> None:
    assert _credited(tmp_path, "ResourceVersion") == [["Alpha"], ["Bravo"]]
