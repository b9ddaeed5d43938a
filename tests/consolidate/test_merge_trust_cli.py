"""Through the real `deep-review review` with two command seats: which findings at one place a
careful lead merges, and what severity and text the merged finding keeps (a tester's cases,
reworded). Two findings at one line that say different things stay two findings; true
duplicates worded apart merge; an even split never lets a Critical through the gate."""

from __future__ import annotations

import json
from pathlib import Path

from support.printing_seats import printing_seats
from support.repos import cli_env, make_repo, run_cli


def _review(tmp: Path, alpha: str, bravo: str) -> tuple[int, list[dict[str, object]], str]:
    """(exit code under `--fail-on important`, the report's findings, its verdict label)."""
    repo = make_repo(tmp)
    printing_seats(tmp, {"alpha": _doc(alpha), "bravo": _doc(bravo)})
    res = run_cli(
        ["review", "--agents", "alpha,bravo", "--lead", "none", "--json", "--fail-on", "important"],
        cwd=repo,
        env=cli_env(tmp),
    )
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return res.returncode, report["findings"], report["header"]["verdict"]["label"]


def _doc(findings: str) -> str:
    """A review in our own format with `findings` (`### Level` sections) as its findings."""
    return f"## Executive Summary\n\nRead both changed files.\n\n## Findings\n\n{findings}"


def _credits(findings: list[dict[str, object]]) -> list[tuple[str, str, list[str]]]:
    return sorted(
        (str(f["severity"]), str(f["title"]), sorted(f["reviewers"]))  # type: ignore[call-overload]
        for f in findings
    )


def test_a_crash_and_a_suggestion_on_one_line_stay_apart(tmp_path: Path) -> None:
    """Same function, same line, its name the only word in common; one seat says it crashes
    (critical bug), the other suggests a library alias. Merging them hid the crash."""
    code, found, verdict = _review(
        tmp_path,
        "### Critical Issues\n\n1. **`sub` raises on a `None` operand** — `calc.py:6` "
        "(critical, bug)\n\n`sub(None, 1)` raises `TypeError` and no caller catches it.\n",
        "### Suggestions\n\n1. **`sub` duplicates a library helper** — `calc.py:6` "
        "(suggestion)\n\n`operator.sub` already exists; import it instead.\n",
    )
    assert [len(f["reviewers"]) for f in found] == [1, 1], _credits(found)  # type: ignore[arg-type]
    assert [f["severity"] for f in found] == ["critical", "suggestion"]
    assert verdict != "Merge as-is"
    assert code == 4


def test_a_bug_and_a_design_remark_of_one_grade_stay_apart(tmp_path: Path) -> None:
    """Both important, same line: a defect (bug) and a design remark (design) contradict."""
    _code, found, _verdict = _review(
        tmp_path,
        "### Important Issues\n\n1. **`sub` raises on a `None` operand** — `calc.py:6` "
        "(important, bug)\n\n`sub(None, 1)` raises `TypeError`.\n",
        "### Important Issues\n\n1. **`sub` hides which operand comes first** — `calc.py:6` "
        "(important, design)\n\nName the parameters `minuend` and `subtrahend`.\n",
    )
    assert len(found) == 2, _credits(found)


def test_missing_type_hints_and_a_missing_docstring_stay_apart(tmp_path: Path) -> None:
    _code, found, _verdict = _review(
        tmp_path,
        "### Suggestions\n\n1. **`shout` lacks type hints** — `util/strings.py:1`\n\n"
        "Annotate the parameter as `str`.\n",
        "### Suggestions\n\n1. **Add a docstring to `shout`** — `util/strings.py:1-2`\n\n"
        "Say what happens to non-ASCII text.\n",
    )
    assert len(found) == 2, _credits(found)


def test_an_even_split_keeps_the_critical_and_its_explanation(tmp_path: Path) -> None:
    """A true duplicate graded Critical by one seat and Suggestion by the other: the finding
    stays Critical (the gate fails) and shows the Critical seat's explanation."""
    code, found, verdict = _review(
        tmp_path,
        "### Critical Issues\n\n1. **`sub` returns `b - a`** — `calc.py:6` "
        "(critical, regression)\n\nEvery caller now gets the negated result.\n",
        "### Suggestions\n\n1. **`sub` returns `b - a`** — `calc.py:6` (suggestion)\n\n"
        "Could be on purpose? A clearer name might help.\n",
    )
    assert _credits(found) == [("critical", "`sub` returns `b - a`", ["Alpha", "Bravo"])]
    assert "negated result" in str(found[0]["body"])
    assert verdict != "Merge as-is"
    assert code == 4


def test_duplicates_worded_apart_at_one_place_merge(tmp_path: Path) -> None:
    """Same line(s), same grade, same kind of problem, no word in common: one issue each."""
    _code, found, _verdict = _review(
        tmp_path,
        "### Critical Issues\n\n1. **Hard-coded access token committed** — `util/strings.py:1` "
        '(critical, security)\n\n`TOKEN = "xyz"` ships the credential.\n\n'
        "### Important Issues\n\n1. **`sub` adds instead of subtracting** — `calc.py:6` "
        "(important, regression)\n\nReturns `a + b`.\n",
        "### Critical Issues\n\n1. **Password checked into version control** — "
        "`util/strings.py:1` (critical, security)\n\nA literal at module scope is a secret.\n\n"
        "### Important Issues\n\n1. **Difference helper computes a total** — `calc.py:5-6` "
        "(important, bug)\n\nThe minus sign became a plus.\n",
    )
    assert [sorted(f["reviewers"]) for f in found] == [["Alpha", "Bravo"]] * 2, _credits(found)  # type: ignore[call-overload]


def test_a_file_level_finding_joins_the_same_topic_at_a_line_of_that_file(
    tmp_path: Path,
) -> None:
    """A finding titled "Secret in source", naming only the file, is the hard-coded token at
    its line 1."""
    code, found, _verdict = _review(
        tmp_path,
        "### Critical Issues\n\n1. **Hard-coded access token committed** — `util/strings.py:1` "
        '(critical, security)\n\n`TOKEN = "xyz"` ships the credential in the repository.\n',
        "### Important Issues\n\n1. **Secret in source** — `util/strings.py` "
        "(important, security)\n\nA literal credential is assigned at module level; read it "
        "from the environment.\n",
    )
    assert _credits(found) == [
        ("critical", "Hard-coded access token committed", ["Alpha", "Bravo"])
    ], _credits(found)
    assert code == 4


def _review3(tmp: Path, alpha: str, bravo: str, charlie: str) -> list[dict[str, object]]:
    """The report's findings from three printing seats, without a lead."""
    repo = make_repo(tmp)
    printing_seats(tmp, {"alpha": _doc(alpha), "bravo": _doc(bravo), "charlie": _doc(charlie)})
    res = run_cli(
        ["review", "--agents", "alpha,bravo,charlie", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp),
    )
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    return report["findings"]  # type: ignore[no-any-return]


_GUARD = (
    "### Suggestions\n\n1. **`sub` raises a bare `TypeError` on `None`** — "
    "`calc.py:5-6` (suggestion, regression)\n\n```python\n    return a - b\n```\n\n"
    "Callers get an unexplained `TypeError`. Raise a `ValueError` with a message.\n\n"
    "Fix:\n\n```diff\n+    if a is None or b is None:\n+        raise ValueError('sub: None')\n"
    "```\n"
)


def test_a_claim_sharing_only_the_name_and_line_stays_out_and_lends_no_fix(
    tmp_path: Path,
) -> None:
    """Trial 34: two seats say `sub` has no guard for `None`; a third says it overflows (a
    false claim, graded higher) at the same line, quoting the same line, naming only `sub`. It
    was merged in (score 0.42), and its `Decimal` fix shown under the guard finding."""
    found = _review3(
        tmp_path,
        _GUARD,
        "### Suggestions\n\n1. **`sub` has no guard for `None`** — `calc.py:6` "
        "(suggestion, regression)\n\n```python\n    return a - b\n```\n\n`sub(None, 1)` raises "
        "`TypeError`. If callers pass user input, guard it and raise a `ValueError`.\n\n"
        "Fix:\n\n```diff\n+    if None in (a, b):\n+        raise ValueError('None')\n```\n",
        "### Important Issues\n\n1. **`sub` can overflow for large integer operands** — "
        "`calc.py:6` (important, regression)\n\n```python\n    return a - b\n```\n\n"
        "When `a` is beyond 2**63 the result wraps around the 64-bit range and is wrong.\n\n"
        "Fix: use `decimal.Decimal` for arbitrary precision:\n\n```diff\n"
        "+from decimal import Decimal\n-    return a - b\n+    return Decimal(a) - Decimal(b)\n"
        "```\n",
    )
    assert [(sev, who) for sev, _title, who in _credits(found)] == [
        ("important", ["Charlie"]),
        ("suggestion", ["Alpha", "Bravo"]),
    ], _credits(found)
    guard = next(f for f in found if f["severity"] == "suggestion")
    assert "Decimal" not in str(guard["fix"])


def test_the_fix_comes_from_a_member_with_the_findings_grade(tmp_path: Path) -> None:
    """One finding, three seats: the shown text (a suggestion with a code excerpt) has no fix;
    the other suggestion's fix is shown, not the outvoted Important seat's longer one."""
    said = (
        "`sub(None, 1)` raises a bare `TypeError` on a `None` operand; callers get no message "
        "saying which operand was missing."
    )
    found = _review3(
        tmp_path,
        "### Suggestions\n\n1. **`sub` raises a bare `TypeError` on a `None` operand** — "
        f"`calc.py:6` (suggestion, regression)\n\n```python\n    return a - b\n```\n\n{said}\n",
        "### Suggestions\n\n1. **`sub` raises a bare `TypeError` on a `None` operand** — "
        f"`calc.py:6` (suggestion, regression)\n\n{said}\n\n"
        "Fix: check for `None` first and raise `ValueError('sub: None operand')`.\n",
        "### Important Issues\n\n1. **`sub` raises a bare `TypeError` on a `None` operand** — "
        f"`calc.py:6` (important, regression)\n\n```python\n    return a - b\n```\n\n{said}\n\n"
        "Fix: rewrite `sub` with full validation of both operands and a custom error class "
        "`OperandError`, raised for every kind of invalid input.\n",
    )
    assert [sorted(f["reviewers"]) for f in found] == [["Alpha", "Bravo", "Charlie"]], _credits(  # type: ignore[call-overload]
        found
    )
    assert found[0]["severity"] == "suggestion"
    assert "ValueError('sub: None operand')" in str(found[0]["fix"])
