"""Through the real `deep-review consolidate`: one seat reports a bug at the code, another the
test that asserts the wrong behaviour of that same code. A careful lead merges them (the test
locks the bug in; fixing one means fixing the other), but keeps apart a test GAP beside the bug
("no test covers `parse_date`": untested, not broken) and a test that pins down a different
function's behaviour."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_CODE_BUG = """## Executive Summary

Adds date helpers for the import job.

## Findings

### Important Issues

#### I1. `parse_date` drops the timezone

**File:** `app/dates.py:12`

`parse_date` calls `.replace(tzinfo=None)` after parsing, so an input such as
`2024-03-01T10:00+02:00` comes back two hours off for every caller outside UTC. Keep the
`tzinfo` the string carries.
"""

_TEST_FINDING = """## Findings

**Medium — {title}** (`{where}`): {body}
"""

PINS_IT = _TEST_FINDING.format(
    title="The date test expects naive datetimes",
    where="tests/test_dates.py:9",
    body=(
        "`test_parse_date` asserts that `parse_date` returns a value without an offset for an "
        "input that has one, so the suite encodes the lost offset and will fail the day "
        "someone fixes it; it should expect an aware result."
    ),
)

NO_TEST = _TEST_FINDING.format(
    title="No test covers `parse_date` with an offset",
    where="tests/test_dates.py:1-20",
    body=(
        "Nothing in the suite exercises `parse_date` on an input carrying an offset; add a "
        "case for it."
    ),
)

OTHER_FUNCTION = _TEST_FINDING.format(
    title="The formatting test expects unpadded months",
    where="tests/test_dates.py:15",
    body=(
        "`test_format_date` asserts that `format_date` writes `2024-1-5`, so the suite "
        "encodes a non-ISO output; it should expect `2024-01-05`."
    ),
)


def _consolidate(tmp_path: Path, other: str) -> list[list[str]]:
    a, b = tmp_path / "review-claude-pass-1.md", tmp_path / "review-gemini-pass-1.md"
    a.write_text(_CODE_BUG, encoding="utf-8")
    b.write_text(other, encoding="utf-8")
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    return sorted(f["reviewers"] for f in json.loads(res.stdout)["findings"])


def test_a_test_asserting_the_bug_merges_with_the_bug_in_the_code(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, PINS_IT) == [["Claude", "Gemini"]]


def test_no_test_for_the_function_stays_apart_from_its_bug(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, NO_TEST) == [["Claude"], ["Gemini"]]


def test_a_test_pinning_another_function_stays_apart(tmp_path: Path) -> None:
    assert _consolidate(tmp_path, OTHER_FUNCTION) == [["Claude"], ["Gemini"]]
