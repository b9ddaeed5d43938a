"""Through the real `deep-review consolidate`: what a careful lead merges and keeps apart on
small reviews, where each finding is all the evidence there is (a tester's cases, reworded)."""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidated_findings
from support.repos import cli_env, run_cli


def _consolidate(tmp_path: Path, reviews: dict[str, str]) -> list[tuple[str, list[str]]]:
    return [(f["title"], f["reviewers"]) for f in consolidated_findings(tmp_path, reviews)]


def test_a_third_seat_backing_a_linked_pair_joins_it(tmp_path: Path) -> None:
    """Two seats put the leaked file handle on line 12; a third on lines 14-16, worded its
    own way. Each of its two pairs is weak alone; together they make it the same leak."""
    found = _consolidate(
        tmp_path,
        {
            "claude": "## Findings\n\n### Important Issues\n\n"
            "**I1. File handle leaked in `read_settings`** — `conf/loader.py:12` "
            "(important, regression)\n\n`open(path)` is never closed; the descriptor leaks "
            "on error paths.\n",
            "gemini": "## Findings\n\n### Important Issues\n\n"
            "**I1. Resource leak: the file opened in `read_settings` is never closed** — "
            "`conf/loader.py:12`\n\nUse `with open(...)`.\n",
            "codex": "## Findings\n\n### Important Issues\n\n"
            "**I1. Unclosed file when reading settings** — `conf/loader.py:14-16`\n\n"
            "`read_settings` returns `json.load(fh)` and the opened `fh` is never closed. Use a "
            "context manager.\n",
        },
    )
    assert [sorted(r) for _, r in found] == [["Claude", "Codex", "Gemini"]], found


def test_hyphenated_and_joined_spellings_are_one_word(tmp_path: Path) -> None:
    found = _consolidate(
        tmp_path,
        {
            "codex": "## Findings\n\n### Important Issues\n\n"
            "**I1. Hard-coded credential committed** — `svc/keys.py:1`\n\n"
            '`TOKEN = "abc"` puts a credential in version control; load it from the environment.\n',
            "gemini": "## Findings\n\n### Important Issues\n\n"
            "**I1. Security: hardcoded API token** — `svc/keys.py:1`\n\n"
            "A secret value is hardcoded. Use environment variables or a secrets manager.\n",
        },
    )
    assert [sorted(r) for _, r in found] == [["Codex", "Gemini"]], found


def test_a_missing_docstring_and_a_defect_in_one_function_stay_apart(tmp_path: Path) -> None:
    """Same function, overlapping lines, the function's name the only word in common: one
    says its documentation is missing, the other that it crashes. Two problems."""
    found = _consolidate(
        tmp_path,
        {
            "codex": "## Findings\n\n### Suggestions\n\n"
            "**S1. Missing zero-divisor handling in `ratio`** — `num/ops.py:4-5`\n\n"
            "`ratio(a, 0)` raises ZeroDivisionError. Guard the divisor.\n",
            "gemini": "## Findings\n\n### Suggestions\n\n"
            "**S1. `ratio` lacks a docstring** — `num/ops.py:4` (suggestion, gap)\n\n"
            "Add a docstring.\n",
        },
    )
    assert sorted(r for _, r in found) == [["Codex"], ["Gemini"]], found


def test_folders_named_a_and_b_are_not_diff_prefixes(tmp_path: Path) -> None:
    """`a/util.py` and `b/util.py` are two changed files (two copies of one helper), not one
    file `util.py` spelled with diff prefixes: the same bug reported in each keeps both places
    (one issue in two files, as a lead would write it)."""
    changed = tmp_path / "changed.txt"
    changed.write_text("a/util.py\nb/util.py\n", encoding="utf-8")
    review = (
        "## Findings\n\n### Important Issues\n\n"
        "**I1. `ratio` divides by zero** — `{path}:3` (important, regression)\n\n"
        "`ratio(1, 0)` raises ZeroDivisionError.\n"
    )
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    a.write_text(review.format(path="a/util.py"), encoding="utf-8")
    b.write_text(review.format(path="b/util.py"), encoding="utf-8")
    res = run_cli(
        ["consolidate", str(a), str(b), "--changed-files", str(changed), "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    found = json.loads(res.stdout)["findings"]
    places = sorted(loc["path"] for f in found for loc in f["locations"])
    assert places == ["a/util.py", "b/util.py"], found
