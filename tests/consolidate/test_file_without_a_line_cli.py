"""Through the real `deep-review consolidate`: one seat places a finding on a file and gives no
line (`auth/reset.py`), another tells the same problem in one line at a line of that file. The
finding without a line has no place to meet the other's by; a careful lead reads what the two
say, and here the one-line finding's text says what the other's title and explanation say
(a reset link, an old mailbox, months later, the account): one problem. Another finding at a
line of that file sharing a word or two with it (the reset link, logged) stays apart, and so
does the same text placed in another file."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_NO_LINE = """## Findings

**High — Reset tokens never expire** (`auth/reset.py`): a password reset link that was mailed
once keeps working for months; anyone who finds it in an old mailbox can take the account over.
"""

_SAME = (
    "- [P1] {path}:22 — `make_token` stores no creation time, so a reset link sitting in an old"
    " mailbox still works months later and hands the account to whoever opens it.\n"
)

_OTHER = (
    "- [P1] auth/reset.py:30 — `deliver()` writes the whole message body, reset link included,"
    " to the INFO log.\n"
)


def _consolidate(tmp_path: Path, other: str) -> list[list[str]]:
    a, b = tmp_path / "review-gemini-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(_NO_LINE, encoding="utf-8")
    b.write_text(other, encoding="utf-8")
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    return sorted(sorted(f["reviewers"]) for f in json.loads(res.stdout)["findings"])


def test_a_file_without_a_line_merges_with_the_same_problem_at_its_line(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, _SAME.format(path="auth/reset.py")) == [["Codex", "Gemini"]]


def test_another_problem_at_a_line_of_that_file_stays_apart(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, _OTHER) == [["Codex"], ["Gemini"]]


def test_the_same_words_in_another_file_stay_apart(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, _SAME.format(path="auth/tokens.py")) == [["Codex"], ["Gemini"]]
