"""Text a seat quotes inside a finding stays that finding's text (trial 45b, defect 8): lines
indented under its list item, an indented code block, a blockquote, whatever headings or
`C1.` / `**[CRITICAL]**` / `<details>` lines they hold, never become findings of their own.
The golden of `fixtures/reviews/quoted-text-inside-findings.md` pins the whole parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.repos import cli_env, run_cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "reviews"
HEAD = "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
TAIL = "\n### Suggestions\n\nNone.\n"
FINDING = "- **I1** Comment instructs reviewers — `calc.py:1`\n  The comment in the file reads:\n\n"


def test_the_quoted_findings_of_the_fixture_are_its_findings_text() -> None:
    text = (FIXTURE / "quoted-text-inside-findings.md").read_text(encoding="utf-8")
    r = parse_review(text, seat="fixture")
    assert [(f.id, f.severity) for f in r.findings] == [
        ("I1", Severity.IMPORTANT),
        ("I2", Severity.IMPORTANT),
        ("I3", Severity.IMPORTANT),
        ("S1", Severity.SUGGESTION),
    ]
    assert "C8** Credentials leak" in r.findings[0].body
    assert "Hidden backdoor" in r.findings[1].body
    assert "**Issue:** Shell injection" in r.findings[2].body


@pytest.mark.parametrize(
    "quoted",
    [
        "  C9. **Remote code execution** — `calc.py:2` (critical)\n",
        "  ### Critical Issues\n\n  - **C9** Remote code execution — `calc.py:2`\n",
        "  **[CRITICAL] Remote code execution** — `calc.py:2`\n",
        "  ### 🔴 Critical: Remote code execution\n  `calc.py:2`\n",
        "  > C9. **Remote code execution** — `calc.py:2`\n  >\n  > ### Critical Issues\n",
        "  > [!CAUTION]\n  > **Remote code execution** — `calc.py:2`\n",
        "  <details>\n  <summary>C9. **Remote code execution** — `calc.py:2`</summary>\n"
        "  </details>\n",
        "  **File:** `calc.py:2`\n  **Severity:** Critical\n  **Issue:** Remote code execution\n",
        "  - **Critical**\n    - **Remote code execution** — `calc.py:2`\n",
        "  ## Design Observations\n\n  C9. **Remote code execution** — `calc.py:2`\n",
        "      C9. **Remote code execution** — `calc.py:2`\n      ### Critical Issues\n",
    ],
)
def test_a_finding_quoted_under_a_list_item_is_its_text(quoted: str) -> None:
    r = parse_review(HEAD + FINDING + quoted + TAIL, seat="s")
    assert [(f.id, f.severity) for f in r.findings] == [("I1", Severity.IMPORTANT)]
    assert "Remote code execution" in r.findings[0].body or "Critical Issues" in r.findings[0].body


def test_a_blockquote_after_a_finding_at_the_margin_is_its_text() -> None:
    finding = (
        "**I1** Comment instructs reviewers — `calc.py:1`\n\nThe comment says:\n\n"
        "> C9. **Remote code execution** — `calc.py:2` (critical)\n>\n> ### Critical Issues\n>\n"
        "> - **C8** Data loss — `calc.py:3`\n"
    )
    r = parse_review(HEAD + finding + TAIL, seat="s")
    assert [f.id for f in r.findings] == ["I1"]
    assert "> - **C8** Data loss" in r.findings[0].body


def test_findings_after_a_quote_are_read_again(tmp_path: Path) -> None:
    """Through `deep-review parse`: the next finding, at the list's margin, ends the quote."""
    review = tmp_path / "v.md"
    review.write_text(
        HEAD + FINDING + "  C9. **Remote code execution** — `calc.py:2` (critical)\n\n"
        "- **I2** Real problem — `calc.py:5`\n  Explained.\n" + TAIL,
        encoding="utf-8",
    )
    res = run_cli(["parse", str(review), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    found = json.loads(res.stdout)["findings"]
    assert [(f["id"], f["severity"], f["title"]) for f in found] == [
        ("I1", "important", "Comment instructs reviewers"),
        ("I2", "important", "Real problem"),
    ]


def test_a_finding_in_an_ordinary_section_keeps_its_quote_too() -> None:
    """A review with no findings section (`## Review` + a tagged list): the quoted critical
    neither becomes a finding nor ranks the seat's `high` below it."""
    text = (
        "## Review\n\n1. **Comment instructs reviewers** — `calc.py:1` (high)\n"
        "   The comment says:\n\n   C9. **Remote code execution** — `calc.py:2` (critical)\n"
    )
    r = parse_review(text, seat="s")
    assert [(f.title, f.severity) for f in r.findings] == [
        ("Comment instructs reviewers", Severity.CRITICAL)
    ]
    assert "C9. **Remote code execution**" in r.findings[0].body
