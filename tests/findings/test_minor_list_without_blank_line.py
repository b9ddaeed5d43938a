"""`No blocking issues. Minor:` with its list right below it (no blank line between) reads the
list as it reads one after a blank line: the minor items are Suggestions. Before, the whole
paragraph was taken as the "none" statement, and the review read clean (fp57)."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_ITEMS = (
    "- `export.py:12` the header row is written twice when `append=True`.\n"
    "- `export.py:30` rename `tmp2` to something clearer.\n"
)


def _parse(tmp_path: Path, findings: str) -> dict[str, object]:
    text = f"## Summary\n\nAdds CSV export.\n\n## Findings\n\n{findings}"
    (tmp_path / "review.md").write_text(text, encoding="utf-8")
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    parsed = json.loads(res.stdout)
    assert isinstance(parsed, dict)
    return parsed


def _rows(parsed: dict[str, object]) -> list[tuple[str, int]]:
    findings = parsed["findings"]
    assert isinstance(findings, list)
    return [(f["id"], f["locations"][0]["start"]) for f in findings]


def test_minor_items_right_below_the_none_line_are_suggestions(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, f"No blocking issues. Minor:\n{_ITEMS}")
    assert _rows(parsed) == [("S1", 12), ("S2", 30)]


def test_the_same_with_a_blank_line_between(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, f"No blocking issues. Minor:\n\n{_ITEMS}")
    assert _rows(parsed) == [("S1", 12), ("S2", 30)]


def test_items_not_called_minor_stay_unread_not_clean(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, f"No blocking issues. However:\n{_ITEMS}")
    assert parsed["unread_findings"] != []


def test_a_plain_none_statement_stays_clean(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, "No issues found.\n")
    assert parsed["findings"] == [] and parsed["unread_findings"] == []
