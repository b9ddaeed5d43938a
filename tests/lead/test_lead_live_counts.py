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
