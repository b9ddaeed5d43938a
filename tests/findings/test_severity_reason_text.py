"""A severity said in prose on a finding's first line and tied to its reason (`— High severity,
since the token leaks …`): the level is read and leaves the text, and so does what tied the
reason to it. The text kept `since the token leaks …` (or `, since …` in a title, `(, since …)`
in parentheses): it should read as the reason alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, run_cli

_REASON = "the session token leaks into every request log, where support staff can reuse it."


def _only_finding(tmp_path: Path, text: str) -> dict[str, object]:
    (tmp_path / "review.md").write_text(text, encoding="utf-8")
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    findings = json.loads(res.stdout)["findings"]
    assert isinstance(findings, list) and len(findings) == 1, findings
    finding = findings[0]
    assert isinstance(finding, dict)
    return finding


@pytest.mark.parametrize(
    "joined",
    [
        " — High severity, since ",
        ": High severity, since ",
        " — high severity, because ",
        ". High severity, as ",
        " — Severity: high, since ",
        " — High severity, ",
    ],
)
def test_the_reason_after_a_severity_phrase_reads_cleanly(tmp_path: Path, joined: str) -> None:
    line = f"1. **Session token written to the log** (`auth.py:40`){joined}{_REASON}"
    finding = _only_finding(tmp_path, f"## Findings\n\n{line}\n")
    assert finding["title"] == "Session token written to the log"
    assert finding["severity"] != "important"  # the phrase's level was read, not the default
    assert finding["body"] == _REASON[:1].upper() + _REASON[1:]


def test_a_place_led_item_keeps_no_stray_comma(tmp_path: Path) -> None:
    line = f"- `auth.py:40` — the session token is logged. High severity, since {_REASON}"
    finding = _only_finding(tmp_path, f"## Findings\n\n{line}\n")
    text = f"{finding['title']} {finding['body']}"
    assert ", since" not in text and ". ," not in text
    assert "The session token leaks into every request log" in text


def test_a_severity_in_parentheses_keeps_its_reason(tmp_path: Path) -> None:
    line = (
        "1. **Session token written to the log** (`auth.py:40`) — the token reaches the "
        "request log (high severity, since support staff can read it)."
    )
    finding = _only_finding(tmp_path, f"## Findings\n\n{line}\n")
    body = finding["body"]
    assert isinstance(body, str)
    assert "(support staff can read it)" in body
    assert "(," not in body
