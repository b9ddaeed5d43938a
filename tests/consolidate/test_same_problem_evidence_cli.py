"""Through the real `deep-review review` with command seats: which two seats' findings at one
place are one problem (trial 56b).

- Two seats calling one line's literal password "committed" and "hard-coded" say the same
  thing (a hard-coded secret), however far apart they grade it: one finding.
- "`make_token` now uses SHA-1" and "the salt defaults to an empty string" share a line and the
  function's name, not the problem (a weak hash; a missing salt): two findings, each seat's
  text kept.
- A model's own JSON writes the function's name bare ("SQL injection in lookup_orders"): still
  the name a peer backticks, so the two are one finding (also graded apart, both calling it
  an injection).
- A finding with no place whose seat's Coverage Summary maps a file to it is on that file: it
  meets the same finding a peer placed at a line of that file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.printing_seats import printing_seats, stored_report
from support.repos import commit_all, make_repo, write

MAIL = 'import smtplib\n\nSMTP_PASSWORD = "s3cr3t-Mail-Pass-42"\n\n\ndef send(msg):\n    pass\n'
TOKENS = (
    "import hashlib\n\n\ndef make_token(user, salt=''):\n"
    "    return hashlib.sha1((salt + user).encode()).hexdigest()\n"
)
QUERY = (
    "def connect():\n    pass\n\n\n"
    "def lookup_orders(db, customer):\n"
    "    sql = f\"SELECT * FROM orders WHERE customer = '{customer}'\"\n"
    "    return db.execute(sql).fetchall()\n"
)


def _repo(tmp: Path) -> Path:
    repo = make_repo(tmp)
    write(repo, "notify/mail.py", MAIL)
    write(repo, "notify/tokens.py", TOKENS)
    write(repo, "shop/orders.py", QUERY)
    commit_all(repo, "Mail, tokens and order lookup")
    return repo


def _doc(findings: str, coverage: str = "") -> str:
    intro = "## Executive Summary\n\nRead the three new modules.\n\n## Findings\n\n"
    return f"{intro}{findings}{coverage}"


def _findings(tmp: Path, **seats: str) -> list[dict[str, Any]]:
    repo = _repo(tmp)
    printing_seats(tmp, seats)
    found: list[dict[str, Any]] = stored_report(tmp, repo, list(seats))["findings"]
    return found


def _review(tmp: Path, **seats: str) -> list[tuple[str, str, list[str]]]:
    found = _findings(tmp, **seats)
    return sorted((f["severity"], f["title"], sorted(f["reviewers"])) for f in found)


def test_one_hard_coded_password_graded_apart_is_one_finding(tmp_path: Path) -> None:
    found = _review(
        tmp_path,
        alpha=_doc(
            "### Suggestions\n\n1. **Mail server password checked into the repository** — "
            "`notify/mail.py:3` (suggestion, gap)\n\n`SMTP_PASSWORD` is a literal; take it "
            "from the environment.\n"
        ),
        bravo=_doc(
            "### Critical Issues\n\n1. **Hard-coded SMTP credential** — `notify/mail.py:3` "
            "(critical, security)\n\nAnyone with read access to the history can send mail as "
            "the service. Rotate it.\n"
        ),
    )
    assert found == [("critical", "Hard-coded SMTP credential", ["Alpha", "Bravo"])]


def test_a_weak_hash_and_a_missing_salt_at_one_line_stay_two(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **`make_token` now uses SHA-1** — `notify/tokens.py:5` "
            "(important, regression)\n\nSHA-1 digests are cheap to brute-force. Use "
            "`hashlib.pbkdf2_hmac` instead.\n"
        ),
        bravo=_doc(
            "### Important Issues\n\n1. **The salt defaults to an empty string** — "
            "`notify/tokens.py:5` (important, regression)\n\nNo caller of `make_token` passes "
            "`salt`, so equal users get equal digests. Draw a random salt per user.\n"
        ),
    )
    assert sorted(f["reviewers"] for f in found) == [["Alpha"], ["Bravo"]], found
    bodies = " ".join(f["body"] for f in found)
    assert "cheap to brute-force" in bodies and "equal users get equal digests" in bodies


JSON_REVIEW = {
    "summary": "One injection.",
    "findings": [
        {
            "severity": "medium",
            "file": "shop/orders.py",
            "line": 6,
            "title": "SQL injection in NAME",
            "description": "the customer name is formatted into the statement",
        }
    ],
}


@pytest.mark.parametrize("name", ["lookup_orders", "lookupOrders"])
def test_a_bare_function_name_in_a_title_is_the_name_a_peer_backticks(
    tmp_path: Path, name: str
) -> None:
    raw = json.dumps(JSON_REVIEW).replace("NAME", name)
    found = _review(
        tmp_path,
        alpha=_doc(
            f"### Important Issues\n\n1. **`{name}` puts the customer into the statement** — "
            "`shop/orders.py:5-7`\n\nA quote in the name ends the string literal early.\n"
        ),
        jay=raw,
    )
    assert [reviewers for _, _, reviewers in found] == [["Alpha", "Jay"]], found


def test_one_injection_graded_apart_with_a_bare_name_is_one_finding(tmp_path: Path) -> None:
    """Both titles call it an injection at the same line; the grades (critical, important) do
    not make it two problems."""
    raw = json.dumps(JSON_REVIEW).replace("NAME", "lookup_orders").replace("medium", "high")
    found = _review(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **`lookup_orders` interpolates the customer into the "
            "query** — `shop/orders.py:5-7`\n\nA quote in the name ends the string early.\n"
        ),
        jay=raw,
    )
    assert [(sev, reviewers) for sev, _, reviewers in found] == [("critical", ["Alpha", "Jay"])]


VERBOSE = """### Important Issues

1. **`lookup_orders` interpolates the customer name it is given into the query text** — \
`shop/orders.py:5-7`

```python
sql = f"SELECT * FROM orders WHERE customer = '{customer}'"
```

`customer` comes straight from `request.args.get` in `orders_view`. A quote in the name ends the
string literal early; `fetchall` then returns every row, and `render_orders` shows them all.

Fix: bind it: `db.execute("... = ?", (customer,))`.
"""


def test_one_injection_told_at_length_is_still_one_finding(tmp_path: Path) -> None:
    """Both titles name the same failure and the same function at one line: one problem,
    however many other names one explanation mentions (each thins the shared one)."""
    raw = json.dumps(JSON_REVIEW).replace("NAME", "lookup_orders").replace("medium", "high")
    found = _review(tmp_path, alpha=_doc(VERBOSE), jay=raw)
    assert [(sev, reviewers) for sev, _, reviewers in found] == [("critical", ["Alpha", "Jay"])]


@pytest.mark.parametrize("tag", [" (important, regression)", ""])
def test_a_placeless_finding_meets_its_twin_on_the_file_its_coverage_row_names(
    tmp_path: Path, tag: str
) -> None:
    found = _review(
        tmp_path,
        alpha=_doc(
            "### Important Issues\n\n1. **Token digest downgraded to SHA-1** — "
            f"`notify/tokens.py:5`{tag}\n\nSHA-1 is cheap to brute-force.\n"
        ),
        bravo=_doc(
            "### Important Issues\n\n1. **Tokens are hashed with SHA-1** (important, "
            "regression)\n\n`make_token` now calls `hashlib.sha1`; use a slow key derivation.\n",
            "\n## Coverage Summary\n\n| File | Status |\n|---|---|\n| notify/tokens.py | I1 |\n"
            "| notify/mail.py | Reviewed, no issues |\n| shop/orders.py | Reviewed, no issues |\n",
        ),
    )
    assert [reviewers for _, _, reviewers in found] == [["Alpha", "Bravo"]], found
