"""Through the real `deep-review review --lead none`: an injection told as input "spliced into
the statement" is the "SQL injection" another seat names a line above (`claims.py`, tm66); the
LIKE wildcards in the same f-string are another problem there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

SEARCH = (
    "def search(conn, term):\n"  # 1
    "    sql = (\n"  # 2
    '        "SELECT id, name FROM products "\n'  # 3
    "        f\"WHERE name LIKE '%{term}%'\"\n"  # 4
    "    )\n"  # 5
    "    return conn.execute(sql).fetchall()\n"  # 6
)
INJECTION = (
    "## Findings\n\n### Critical Issues\n\n#### C1. SQL injection through `term`\n\n"
    "**File:** `app/search.py:2-5`\n\nA quote in the term ends the literal; bind it as a "
    "parameter.\n"
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"app/search.py": SEARCH}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_input_spliced_into_the_statement_is_the_injection_a_line_above(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=INJECTION,
        bravo="- [P0] app/search.py:6 — user-controlled text is spliced into the statement "
        "that is executed here; `' OR 1=1 --` dumps every product.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_like_wildcards_in_the_same_string_stay_apart(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=INJECTION,
        bravo="- [P3] app/search.py:4 — `%` and `_` typed by the user act as LIKE wildcards; "
        "escape them and add an ESCAPE clause.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got
