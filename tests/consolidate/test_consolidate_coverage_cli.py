"""Through the real `deep-review consolidate --changed-files`: a changed file counts as reviewed
when the seat's review names it anywhere (a backticked or plain path, its basename when no other
changed file shares it, a `file:line` in any section, a coverage table), and as a coverage miss
only when it names it nowhere or marks it trivial. These cells feed `stats` (Cov. misses) and
`--panel auto`: a clean review that says which files it read must not be scored as a lazy one."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

CLEAN = "No issues found. I read `calc.py` and `app.py` in full.\n"

FIX_VERDICTS = """## Executive Summary

Round 2: the fix landed.

## Round 1 Fix Verdicts

- I1: fixed — `calc.py:2` now returns `a + b`.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.
"""

SPELLINGS = """## Executive Summary

Read pkg/quota/parse.go end to end, and [the handler](/tmp/review-codex-Ab12Cd/web/handler.go#L12);
docs/guide.md only moves a heading; util.py only renames a variable.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Coverage Summary

| File | Status |
|------|--------|
| `docs/guide.md` | Trivial |
"""


def _cells(tmp: Path, changed: list[str], **reviews: str) -> dict[str, dict[str, str]]:
    """seat -> its retro cells, from `consolidate` of one review file per seat."""
    (tmp / "changed.txt").write_text("\n".join(changed) + "\n", encoding="utf-8")
    args = ["consolidate"]
    for seat, text in reviews.items():
        (tmp / f"{seat}.md").write_text(text, encoding="utf-8")
        args.append(str(tmp / f"{seat}.md"))
    for seat in reviews:
        args += ["--seat", seat]
    args += ["--changed-files", str(tmp / "changed.txt"), "--format", "json"]
    res = run_cli(args, cwd=tmp, env=cli_env(tmp))
    assert res.returncode == 0, res.stderr
    retro = json.loads(res.stdout)["retro"]["seats"]
    return {s["seat"]: dict(s["cells"]) for s in retro}


def test_files_a_review_names_outside_a_coverage_table_are_reviewed(tmp_path: Path) -> None:
    cells = _cells(tmp_path, ["calc.py", "app.py"], codex=CLEAN, claude=FIX_VERDICTS)
    assert cells["codex"]["Files reviewed"] == "2/2"
    assert cells["codex"]["Coverage misses"] == "0"
    # calc.py:2 in its fix verdicts; app.py is named nowhere: still a miss.
    assert cells["claude"]["Files reviewed"] == "1/2"
    assert cells["claude"]["Coverage misses"] == "1 (`app.py` not mentioned)"


def test_every_spelling_counts_and_trivial_or_unnamed_files_stay_misses(tmp_path: Path) -> None:
    changed = [
        "pkg/quota/parse.go",  # a plain path in prose
        "web/handler.go",  # a link into the seat's worktree
        "docs/guide.md",  # named, but marked Trivial in the table: still a miss
        "lib/util.py",  # its basename, the only changed util.py
        "x/config.py",  # two changed config.py files, neither named: misses
        "y/config.py",
        "cmd/serve.go",  # never named
    ]
    cells = _cells(tmp_path, changed, codex=SPELLINGS)["codex"]
    assert cells["Files reviewed"] == "3/7"
    assert cells["Coverage misses"] == (
        "4 (`serve.go`, `x/config.py`, `y/config.py` not mentioned; `guide.md` marked trivial)"
    )


def test_an_ambiguous_basename_covers_neither_file(tmp_path: Path) -> None:
    review = "No issues found. I read `config.py` carefully.\n"
    cells = _cells(tmp_path, ["x/config.py", "y/config.py"], codex=review)["codex"]
    assert cells["Files reviewed"] == "0/2"
