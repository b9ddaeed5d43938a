"""The installed ruff knows every rule the static seat names (pyproject bounds ruff's version).

The static seat hard-codes rule codes (which are bugs, which are noise, which hide passwords) and
the rule families it selects. A ruff release that removes, renames or demotes one of them to
preview would silently change what the seat reports; this test fails first.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from deepreview.agents.static.ruff_check import RUFF_ARGS, RULE_CODES, SELECTED, find_ruff


@pytest.fixture(scope="module")
def ruff() -> Path:
    exe = find_ruff()
    assert exe is not None, "ruff is a dependency of deepreview: reinstall it"
    return exe


@pytest.fixture(scope="module")
def rules(ruff: Path) -> dict[str, dict[str, Any]]:
    out = subprocess.run(
        [str(ruff), "rule", "--all", "--output-format", "json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {r["code"]: r for r in json.loads(out) if r.get("code")}  # a few rules have none


def _state(rule: dict[str, Any]) -> str:
    """`stable`, `preview` or `removed` (newer ruff says so in `status`, older in `preview`)."""
    status = rule.get("status")
    if isinstance(status, dict) and status:
        return str(next(iter(status))).lower()
    return "preview" if rule.get("preview") else "stable"


def test_every_rule_code_the_static_seat_names_is_a_stable_ruff_rule(
    rules: dict[str, dict[str, Any]],
) -> None:
    unknown = sorted(code for code in RULE_CODES if code not in rules)
    assert unknown == [], f"this ruff does not know {unknown}"
    not_stable = sorted(
        (code, _state(rules[code])) for code in RULE_CODES if _state(rules[code]) != "stable"
    )
    assert not_stable == []


def test_every_selected_family_has_stable_rules(rules: dict[str, dict[str, Any]]) -> None:
    for family in SELECTED:
        family_rules = [
            code
            for code, rule in rules.items()
            if re.fullmatch(rf"{family}\d+", code) and _state(rule) == "stable"
        ]
        assert family_rules, f"no stable ruff rule in family {family}"


def test_the_seat_command_line_runs_and_reports_a_named_rule(ruff: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("def f():\n    return undefined_name\n", encoding="utf-8")
    result = subprocess.run(
        [str(ruff), *RUFF_ARGS, "--", "bad.py"],
        cwd=tmp_path,
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert [d["code"] for d in json.loads(result.stdout)] == ["F821"]
