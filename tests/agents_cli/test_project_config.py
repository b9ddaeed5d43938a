"""The reviewed change's own agent config (skills, plugins, MCP servers, hooks) stays unused.

The real-CLI check is tests/e2e/test_project_config_e2e.py, which adds every such file to a
change and checks that nothing ran and nothing reached the model; these are the fast checks of
each adapter's switch.
"""

from __future__ import annotations

import itertools
import json
import stat
from pathlib import Path

from deepreview.agents.claude import ClaudeAgent
from deepreview.agents.codex import CodexAgent
from deepreview.agents.gemini import GeminiAgent
from deepreview.agents.opencode import OpencodeAgent

OPENCODE_CONFIG = (
    "opencode.json", "opencode.jsonc", ".opencode/plugin/x.js", ".opencode/skills/s/SKILL.md",
)  # fmt: skip


def test_codex_offers_no_skills(make_task) -> None:
    argv = CodexAgent().build(make_task("codex")).argv
    pairs = list(itertools.pairwise(argv))
    assert ("-c", "skills.include_instructions=false") in pairs
    assert ("--disable", "skill_search") in pairs


def test_claude_takes_no_project_mcp_servers(make_task) -> None:
    argv = ClaudeAgent().build(make_task("claude")).argv
    assert argv[argv.index("--setting-sources") + 1] == "user"
    assert "--strict-mcp-config" in argv
    assert "--mcp-config" not in argv


def test_gemini_turns_skills_off(make_task) -> None:
    task = make_task("gemini")
    GeminiAgent().build(task)
    settings = json.loads((task.home / ".gemini" / "settings.json").read_text("utf-8"))
    assert settings["skills"] == {"enabled": False}


def test_opencode_env_turns_off_external_skills(make_task) -> None:
    env = OpencodeAgent().build(make_task("opencode")).env
    assert env["OPENCODE_DISABLE_PROJECT_CONFIG"] == "1"
    assert env["OPENCODE_DISABLE_EXTERNAL_SKILLS"] == "1"
    assert env["OPENCODE_DISABLE_CLAUDE_CODE"] == "1"


def test_opencode_project_config_is_out_of_the_worktree_during_the_run(
    make_task, tmp_path: Path
) -> None:
    seen = tmp_path / "seen.txt"
    script = tmp_path / "fake-cli"
    script.write_text(f"#!/bin/sh\nfind . -type f | sort > {seen}\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    task = make_task("opencode", binary=str(script))
    for rel in (*OPENCODE_CONFIG, "src/app.py"):
        path = task.worktree / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{rel}\n", "utf-8")

    OpencodeAgent().run(task)

    visible = {line.removeprefix("./") for line in seen.read_text("utf-8").splitlines()}
    assert visible == {"src/app.py"}
    for rel in OPENCODE_CONFIG:
        assert (task.worktree / rel).read_text("utf-8") == f"{rel}\n"  # put back
