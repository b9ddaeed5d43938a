"""Through the real `deep-review consolidate` (trial56b item 11): an even split grades a finding
as the terser reviewer did, and that reviewer wrote only a table row (a title and a few words of
fix). The finding still shows an explanation: the other reviewer's, the only one there is."""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews
from support.id_links import without_id_links

DETAILED = (
    "## Findings\n\n### Important Issues\n\n"
    "**I1. `load_user` builds its SQL from `user_id`** — `store/users.py:12` "
    "(important, regression)\n\n"
    '```python\n    cur = conn.execute("SELECT * FROM users WHERE id = " + str(user_id))\n```\n\n'
    "The caller no longer casts `user_id` to `int`, so `1 OR 1=1` reads every row.\n\n"
    '**Fix:** pass the id as a parameter: `conn.execute("... WHERE id = ?", (user_id,))`.\n'
)
TERSE = (
    "**Findings**\n\n"
    "| # | Severity | Location | Issue | Suggested fix |\n"
    "|---|---|---|---|---|\n"
    "| 1 | High | `store/users.py:12` | `load_user` concatenates `user_id` into SQL "
    "| Bind `?` again |\n"
)


def _consolidate(tmp_path: Path, fmt: str) -> str:
    return consolidate_reviews(tmp_path, {"claude": DETAILED, "codex": TERSE}, fmt)


def test_a_graded_member_without_explanation_borrows_the_other_reviewers(tmp_path: Path) -> None:
    [f] = json.loads(_consolidate(tmp_path, "json"))["findings"]
    assert f["severity"] == "critical", f  # the even split: the more severe middle grade
    assert f["title"] == "`load_user` concatenates `user_id` into SQL", f
    assert "`1 OR 1=1` reads every row" in f["body"], f
    assert f["fix"] == "Bind `?` again", f  # the graded reviewer's own fix stands


def test_the_report_says_whose_explanation_it_shows(tmp_path: Path) -> None:
    md = without_id_links(_consolidate(tmp_path, "md"))
    assert "C1 shows Claude I1's explanation: Codex C1 gives none" in md, md
