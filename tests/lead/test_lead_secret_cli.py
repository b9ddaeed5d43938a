"""A secret only the lead flags is masked in every file of the review, as one a seat flags is.

The change commits a password in a shape no token pattern knows, passed positionally (no
secret-named key to give it away); no seat sees it. The lead adds "Hard-coded database
password" at that line, quoting it: the report, the lead's own files and the seats' prompts
(which hold the diff) must not keep it in clear."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced

from support.repos import commit_all, write

PASSWORD = "Zq8vK2mP9xL4wR7t"
LINE = f'conn = psycopg.connect("db", "{PASSWORD}")'


def _commit_db(repo: Path) -> None:
    write(repo, "db.py", f"import psycopg\n\n{LINE}\n")
    commit_all(repo, "Add db")


def test_a_secret_only_the_lead_flags_is_redacted_everywhere(tmp_path: Path) -> None:
    added = {
        "severity": "critical",
        "title": "Hard-coded database password",
        "locations": [{"path": "db.py", "start": 3}],
        "classification": "regression",
        "body": f"```python\n{LINE}\n```\n\nThe password `{PASSWORD}` is committed.",
        "reason": "db.py:3 passes a literal password.",
    }
    run = review_with_lead(tmp_path, [fenced(answer(added_findings=[added]))], prepare=_commit_db)
    finding = run.finding("Hard-coded database password")
    assert "[REDACTED]" in finding["body"]
    store = run.review_dir.parent
    leaks = [
        str(p.relative_to(store))
        for p in sorted(store.rglob("*"))
        if p.is_file() and PASSWORD.encode() in p.read_bytes()
    ]
    assert leaks == []
