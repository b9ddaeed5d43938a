"""Trial 50b, defect 3: Claude Code names its 1M-context model `claude-opus-4-8[1m]`; the report
names the reviewer `Claude Opus 4.8`, as for any other ID, not `Claude claude-opus-4-8[1m]` (whose
brackets also broke the finding credits' Markdown). run.json keeps the ID as the CLI said it."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import make_repo


def test_a_context_suffixed_model_id_is_shown_as_its_model(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"mode": "ok", "tools": 1, "model": "claude-opus-4-8[1m]"})
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "claude", "--lead", "none", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert "| **Reviewers** | Claude Opus 4.8 |" in md
    assert "[1m]" not in md and "[1m]" not in html
    assert "Claude Opus 4.8" in html
    assert "claude-opus-4-8[1m]" in json.dumps(run_json(Path(out["review_dir"])))
