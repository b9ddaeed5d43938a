"""One `deep-review review` with the canned seats of lead_kit and a scripted fake `claude` lead,
through the real CLI: what the lead tests below read back (report JSON, Markdown, review dir)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lead_kit import install_fake_claude, write_config

from support.id_links import without_id_links
from support.repos import cli_env, make_repo, run_cli

API_KEY = {"ANTHROPIC_API_KEY": "test-key-not-a-secret"}


@dataclass(frozen=True)
class LeadRun:
    out: dict[str, Any]  # `--json`'s document
    report: dict[str, Any]  # the stored report JSON
    md: str  # the Markdown report, ID links removed
    raw_md: str  # as stored
    review_dir: Path

    def finding(self, title: str) -> dict[str, Any]:
        return next(f for f in self.report["findings"] if f["title"] == title)

    def section(self, heading: str) -> str:
        return self.md.split(f"\n{heading}\n", 1)[1].split("\n---\n", 1)[0]


def review_with_lead(
    tmp_path: Path,
    answers: list[str],
    *,
    prepare: Callable[[Path], None] | None = None,
    seats: dict[str, dict[str, Any]] | None = None,
    wrap: Callable[[Path], None] | None = None,
) -> LeadRun:
    """`deep-review review --lead claude` of make_repo's branch, the lead answering `answers`
    in turn; `prepare(repo)` may commit more of the change first, `wrap(bin_dir)` change the
    installed `claude`."""
    repo = make_repo(tmp_path)
    if prepare is not None:
        prepare(repo)
    write_config(tmp_path / "user-config.toml", seats=seats)
    bin_dir = tmp_path / "bin"
    install_fake_claude(bin_dir, answers, log_dir=tmp_path / "lead-log")
    if wrap is not None:
        wrap(bin_dir)
    env = cli_env(tmp_path, API_KEY)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    res = run_cli(
        ["review", "--agents", "alpha,bravo,charlie", "--lead", "claude", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    out = res.json()
    paths = out["paths"]
    raw = Path(paths["md"]).read_text(encoding="utf-8")
    return LeadRun(
        out=out,
        report=json.loads(Path(paths["json"]).read_text(encoding="utf-8")),
        md=without_id_links(raw),
        raw_md=raw,
        review_dir=Path(out["review_dir"]),
    )
