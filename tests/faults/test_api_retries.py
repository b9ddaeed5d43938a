"""API retries are counted and shown (trial 29: a claude run with two `api_retry` events had
"errors 0" in run.json and a silent retro)."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo


def test_claude_api_retries_reach_run_json_and_the_retro(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"api_retries": 2})
    res = fakes.review(repo, "--agents", "claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    assert next(s for s in out["seats"] if s["seat"] == "claude")["api_retries"] == 2
    state = json.loads((Path(out["review_dir"]) / "run.json").read_text(encoding="utf-8"))
    assert '"api_retries": 2' in json.dumps(state)
    report = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = report[report.index("## Agent Performance Retro") :]
    assert "2 API retries" in retro
