"""Trial tc61, defect 6: the lead's live line counts every attempt, as the report does.

A lead whose first answer holds no JSON is asked again; its `_Lead:_` line and run.json's
`lead.run` sum both runs. The fake `claude` (tests/fakebin/fake_agent.py) answers the lead's
prompt with a plain review (no JSON) after 4 tool calls, both times.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli


def test_lead_asked_again_says_both_runs_tool_calls(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"tools": 4})
    fakes.agent("codex", {"tools": 1})
    fakes.write_config({})
    res = run_cli(
        ["review", "--agents", "codex", "--lead", "claude"], cwd=repo, env=fakes.env(agents=True)
    )
    assert res.returncode in (0, 3), res.stderr
    last = [ln for ln in res.stderr.splitlines() if ln.startswith("[lead] ")][-1]
    assert last.startswith("[lead] fallback"), res.stderr
    folder = next(p for p in (fakes.store).iterdir() if p.is_dir())
    run = json.loads((folder / "run.json").read_text(encoding="utf-8"))["lead"]["run"]
    assert run["tool_calls"] == 8
    calls = re.search(r", (\d+) tool calls\)$", last)
    assert calls is not None and int(calls.group(1)) == run["tool_calls"], last


def test_review_json_says_the_leads_tool_calls_as_run_json_and_the_report(
    tmp_path: Path,
) -> None:
    """Issue 11 §4, counts agree everywhere: `review --json` gave each seat's tool calls but
    not the lead's, which the live line, run.json and the report's `_Lead:_` line all give."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"tools": 4})
    fakes.agent("codex", {"tools": 1})
    fakes.write_config({})
    res = run_cli(
        ["review", "--agents", "codex", "--lead", "claude", "--json"],
        cwd=repo,
        env=fakes.env(agents=True),
    )
    assert res.returncode in (0, 3), res.stderr
    out = res.json()
    run = json.loads((Path(out["review_dir"]) / "run.json").read_text(encoding="utf-8"))
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert run["lead"]["run"]["tool_calls"] == 8
    assert out["lead"]["tool_calls"] == run["lead"]["run"]["tool_calls"], out["lead"]
    assert out["lead"]["tool_calls"] == report["lead"]["run"]["tool_calls"]
    assert out["lead"]["duration_s"] == run["lead"]["run"]["duration_s"], out["lead"]
    assert [s["tool_calls"] for s in out["seats"]] == [r["tool_calls"] for r in report["runs"]]
