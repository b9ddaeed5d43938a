"""`parse` and `render` given what is no input for them: one line on stderr that says what the
file is and what to give instead, exit 2 (README, exit codes), and with JSON on stdout the
error document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, run_cli

# A SARIF log from another linter: JSON, but no Deep Review report.
OTHER_TOOL = {
    "version": "2.1.0",
    "runs": [{"tool": {"driver": {"name": "eslint"}}, "results": []}],
}


def _one_line(stderr: str) -> str:
    (line,) = stderr.strip().splitlines()
    assert line.startswith("deep-review: error: "), line
    return line


@pytest.mark.parametrize("text", ["", "\n  \n"])
def test_parse_of_an_empty_file_says_so(tmp_path: Path, text: str) -> None:
    """A seat that prints nothing fails; `parse`, its preview, printed an empty review."""
    env = cli_env(tmp_path)
    (tmp_path / "review.md").write_text(text, encoding="utf-8")
    res = run_cli(["parse", "review.md"], cwd=tmp_path, env=env)
    assert res.returncode == 2, res.stdout[:300]
    line = _one_line(res.stderr)
    assert "review.md is empty; give an agent's review" in line, line
    assert json.loads(res.stdout) == {"schema_version": 1, "error": line[20:], "exit_code": 2}
    piped = run_cli(["parse", "-", "--format", "md"], cwd=tmp_path, env=env, input_=text.encode())
    assert (piped.returncode, piped.stdout) == (2, "")
    assert "stdin is empty; give an agent's review" in _one_line(piped.stderr)


def test_render_of_another_tools_report_says_what_to_give(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    (tmp_path / "eslint.sarif").write_text(json.dumps(OTHER_TOOL), encoding="utf-8")
    res = run_cli(["render", "eslint.sarif", "--format", "md"], cwd=tmp_path, env=env)
    assert (res.returncode, res.stdout) == (2, "")
    line = _one_line(res.stderr)
    assert "eslint.sarif is not a Deep Review report JSON: header: Field required" in line, line
    assert "(and 1 more problem)" in line, line
    assert line.endswith(
        "; give a Deep Review report JSON (the store's <ID>.json, or "
        "`deep-review consolidate … --format json`)"
    ), line


def test_parse_of_another_tools_report_says_a_seat_would_fail(tmp_path: Path) -> None:
    """`parse` previews what a seat printing the file hands over: for a text that is no review
    (another tool's JSON, a page of prose) the seat would fail, and its preview says so on
    stderr, beside the JSON of what it read (exit 0: that is what `parse` is asked for)."""
    env = cli_env(tmp_path)
    (tmp_path / "eslint.sarif").write_text(json.dumps(OTHER_TOOL), encoding="utf-8")
    (tmp_path / "words.md").write_text("I looked at it for a while.\n", encoding="utf-8")
    for name in ("eslint.sarif", "words.md"):
        res = run_cli(["parse", name], cwd=tmp_path, env=env)
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout)["findings"] == []
        (line,) = res.stderr.strip().splitlines()
        assert line == (
            f"note: {name} is no review: a seat printing it would fail as `unparseable "
            "review`; give an agent's review (Markdown, or the command seats' JSON)"
        ), line
    (tmp_path / "fine.md").write_text("No issues found.\n", encoding="utf-8")
    fine = run_cli(["parse", "fine.md"], cwd=tmp_path, env=env)
    assert (fine.returncode, fine.stderr) == (0, "")
