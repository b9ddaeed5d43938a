"""Through the real `deep-review consolidate`: a design concern about the function a finding
sits in, but about something else (a missing docstring or type hints, its name), does not
credit its reviewer on that finding; a concern about the finding's own problem, or the same
kind of remark, still does (notes.py)."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_REVIEW = """## Findings

### Critical Issues

None.

### Important Issues

{important}

### Suggestions

{suggestions}

## Design Observations

**Concerns**

{concerns}
"""

NEGATIVE = """I1. **`mul` returns 0 for a negative `b`** — `src/calc.py:13-17`\
 (important, regression)

`range(b)` is empty when `b` is negative, so the loop never adds.

Fix: loop over `abs(b)` and negate."""

NO_DOCSTRING = """S1. **`mul` has no docstring** — `src/calc.py:13` (suggestion, gap)

Say what it returns.

Fix: add one."""


def _reviewers(tmp_path: Path, finding: str, concerns: str) -> list[str]:
    a, b = tmp_path / "review-gemini-pass-1.md", tmp_path / "review-claude-pass-1.md"
    important, suggestions = (finding, "None.") if finding.startswith("I") else ("None.", finding)
    a.write_text(_REVIEW.format(important=important, suggestions=suggestions, concerns="None."))
    b.write_text(_REVIEW.format(important="None.", suggestions="None.", concerns=concerns))
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    [only] = json.loads(res.stdout)["findings"]
    out: list[str] = only["reviewers"]
    return out


def test_a_docstring_or_naming_note_on_a_functions_lines_credits_nobody_on_its_bug(
    tmp_path: Path,
) -> None:
    concerns = (
        "- **Docs** (future) — `src/calc.py:13`: `mul` lacks a docstring.\n"
        "- **Naming** (future) — `mul` at `src/calc.py:13` should be called `multiply`."
    )
    assert _reviewers(tmp_path, NEGATIVE, concerns) == ["Gemini"]


def test_a_note_on_the_findings_own_problem_still_credits_its_reviewer(tmp_path: Path) -> None:
    concern = "- `mul` at `src/calc.py:14` loops `b` times, so a negative multiplier gives 0."
    assert _reviewers(tmp_path, NEGATIVE, concern) == ["Gemini", "Claude"]


def test_a_docstring_note_credits_a_docstring_finding(tmp_path: Path) -> None:
    concern = "- `src/calc.py:13`: `mul` lacks a docstring."
    assert _reviewers(tmp_path, NO_DOCSTRING, concern) == ["Gemini", "Claude"]
