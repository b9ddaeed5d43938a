"""argv, environment and isolated-home contents each adapter builds (no CLI binaries needed)."""

from __future__ import annotations

import json
import re
import shlex
import stat
from pathlib import Path

import pytest

from deepreview.agents import shell_guard
from deepreview.agents.claude import ClaudeAgent
from deepreview.agents.codex import CodexAgent, env_keys
from deepreview.agents.gemini import GeminiAgent
from deepreview.agents.opencode import OpencodeAgent

USER_ENV = {
    "ANTHROPIC_API_KEY": "sk-ant",
    "ANTHROPIC_BASE_URL": "http://127.0.0.1:9/a",
    "OPENAI_API_KEY": "sk-oai",
    "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
    "GEMINI_API_KEY": "g-key",
    "GOOGLE_GEMINI_BASE_URL": "http://127.0.0.1:9/g",
    "LC_ALL": "C.UTF-8",
    "HTTPS_PROXY": "http://proxy:3128",
    "AWS_SECRET_ACCESS_KEY_UNRELATED": "nope",
    "GITHUB_TOKEN": "ghp-secret",
    "IS_SANDBOX": "1",
    "PYTHONPATH": "/somewhere",
}


def option(argv: tuple[str, ...], flag: str) -> str:
    return argv[argv.index(flag) + 1]


def assert_isolated(env: dict[str, str], home: Path) -> None:
    assert env["HOME"] == str(home)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "TMPDIR"):
        assert Path(env[var]).is_relative_to(home) and Path(env[var]).is_dir(), var
    for leak in ("GITHUB_TOKEN", "IS_SANDBOX", "PYTHONPATH", "AWS_SECRET_ACCESS_KEY_UNRELATED"):
        assert leak not in env, leak
    assert env["PATH"] == "/usr/bin:/bin"
    assert env["LC_ALL"] == "C.UTF-8" and env["HTTPS_PROXY"] == "http://proxy:3128"


# -- Claude ------------------------------------------------------------------------------------
def test_claude_defaults_are_read_only_and_prompt_goes_on_stdin(make_task) -> None:
    task = make_task("claude", user_env=USER_ENV)
    inv = ClaudeAgent().build(task)

    assert inv.argv[1] == "-p" and "--verbose" in inv.argv
    assert option(inv.argv, "--output-format") == "stream-json"
    assert option(inv.argv, "--permission-mode") == "default"
    assert option(inv.argv, "--setting-sources") == "user"
    assert "--strict-mcp-config" in inv.argv
    allowed = option(inv.argv, "--allowedTools").split(",")
    assert {
        "Read",
        "Grep",
        "Glob",
        "Bash(git log:*)",
        "Bash(git blame:*)",
        "Bash(sed -n:*)",
    } <= set(allowed)
    assert "Bash" not in allowed
    # Nothing else: no web tool, no Bash prefix beyond the guard's read-only programs
    for tool in allowed:
        bash = re.fullmatch(r"Bash\((\w+)[^)]*:\*\)", tool)
        assert tool in ("Read", "Grep", "Glob", "LS") or (
            bash and bash.group(1) in shell_guard.PROGRAMS
        ), tool
    assert {"Write", "Edit", "MultiEdit", "NotebookEdit"} <= set(
        option(inv.argv, "--disallowedTools").split(",")
    )
    assert not {"--dangerously-skip-permissions", "--allow-dangerously-skip-permissions"} & set(
        inv.argv
    )
    assert "--model" not in inv.argv and "--effort" not in inv.argv
    assert inv.stdin == task.prompt.encode()
    assert all(len(a) < 10_000 for a in inv.argv)


def test_claude_read_only_seat_runs_every_tool_call_past_the_guard(make_task) -> None:
    task = make_task("claude", user_env=USER_ENV)
    inv = ClaudeAgent().build(task)

    settings = json.loads((task.home / ".claude" / "settings.json").read_text())
    [entry] = settings["hooks"]["PreToolUse"]
    assert entry["matcher"] == "*"
    command = shlex.split(entry["hooks"][0]["command"])
    assert command[1] == "-I" and command[2].endswith("shell_guard.py")
    assert command[3:] == ["--root", str(task.worktree), "--root", inv.env["TMPDIR"]]
    assert "Bash(git grep:*)" not in option(inv.argv, "--allowedTools").split(",")


def test_claude_allow_exec_model_effort_extra_args_binary(make_task, tmp_path: Path) -> None:
    binary = tmp_path / "my-claude"
    binary.write_text("#!/bin/sh\n", encoding="utf-8")
    binary.chmod(binary.stat().st_mode | stat.S_IXUSR)
    task = make_task(
        "claude",
        allow_exec=True,
        model="claude-opus-4-6",
        effort="xhigh",
        extra_args=("--max-turns", "40"),
        binary=str(binary),
    )
    inv = ClaudeAgent().build(task)

    assert inv.argv[0] == str(binary)
    assert "Bash" in option(inv.argv, "--allowedTools").split(",")
    assert "Write" in option(inv.argv, "--disallowedTools")  # exec yes, edits still no
    assert option(inv.argv, "--model") == "claude-opus-4-6"
    assert option(inv.argv, "--effort") == "xhigh"
    assert inv.argv[-2:] == ("--max-turns", "40")
    assert not (task.home / ".claude" / "settings.json").exists()  # no guard: Bash is free


def test_claude_env_passes_only_its_auth_and_quiets(make_task) -> None:
    task = make_task(
        "claude",
        user_env={**USER_ENV, "CLAUDE_CODE_MAX_RETRIES": "3"},
        env=(("ANTHROPIC_BASE_URL", "http://override"), ("EXTRA", "1")),
    )
    env = ClaudeAgent().build(task).env

    assert_isolated(env, task.home)
    assert env["ANTHROPIC_API_KEY"] == "sk-ant"
    assert env["CLAUDE_CODE_MAX_RETRIES"] == "3"
    assert env["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] == "1"
    assert env["CLAUDE_CODE_DISABLE_GIT_INSTRUCTIONS"] == "1"  # no git log in its context
    # settings.env is the user's explicit choice and wins
    assert env["ANTHROPIC_BASE_URL"] == "http://override" and env["EXTRA"] == "1"
    # other providers' keys are not Claude's business
    assert "OPENAI_API_KEY" not in env and "GEMINI_API_KEY" not in env


def test_claude_copies_only_the_credentials_file(make_task, user_home: Path) -> None:
    creds = user_home / ".claude" / ".credentials.json"
    creds.parent.mkdir()
    creds.write_text('{"token": "t"}', encoding="utf-8")
    (user_home / ".claude" / "settings.json").write_text('{"model": "x"}', encoding="utf-8")
    (user_home / ".claude.json").write_text("{}", encoding="utf-8")
    task = make_task("claude")
    ClaudeAgent().build(task)

    copied = task.home / ".claude" / ".credentials.json"
    assert copied.read_text(encoding="utf-8") == '{"token": "t"}'
    assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    # The seat's settings are deep-review's own (the guard hook), not the user's.
    own = json.loads((task.home / ".claude" / "settings.json").read_text(encoding="utf-8"))
    assert set(own) == {"hooks"}
    assert not (task.home / ".claude.json").exists()


# -- Codex -------------------------------------------------------------------------------------
def test_codex_defaults(make_task) -> None:
    task = make_task("codex", user_env=USER_ENV)
    inv = CodexAgent().build(task)

    assert inv.argv[1:3] == ("exec", "--json")
    assert option(inv.argv, "--sandbox") == "read-only"
    assert "--skip-git-repo-check" in inv.argv
    assert "analytics.enabled=false" in inv.argv
    assert option(inv.argv, "--disable") == "plugins"
    assert "--ephemeral" not in inv.argv  # the rollout file is needed
    assert inv.argv[-1] == "-"
    assert inv.stdin == task.prompt.encode()
    codex_home = Path(inv.env["CODEX_HOME"])
    assert codex_home == task.home / ".codex" and codex_home.is_dir()
    assert_isolated(inv.env, task.home)
    assert inv.env["OPENAI_API_KEY"] == "sk-oai" and inv.env["OPENAI_BASE_URL"].endswith("/v1")
    assert "ANTHROPIC_API_KEY" not in inv.env


def test_codex_exec_model_effort_and_provider(make_task) -> None:
    extra = (
        "-c", 'model_providers.x.base_url="http://127.0.0.1:1/v1"',
        "-c", 'model_providers.x.env_key="MY_GATEWAY_KEY"',
        "-c", "model_provider=x",
    )  # fmt: skip
    task = make_task(
        "codex",
        user_env={"MY_GATEWAY_KEY": "k", "OTHER_KEY": "o"},
        allow_exec=True,
        model="gpt-5.5",
        effort="high",
        extra_args=extra,
    )
    inv = CodexAgent().build(task)

    assert option(inv.argv, "--sandbox") == "workspace-write"
    assert option(inv.argv, "-m") == "gpt-5.5"
    assert 'model_reasoning_effort="high"' in inv.argv
    assert inv.argv[-len(extra) - 1 : -1] == extra  # extra args, then the stdin marker
    assert inv.env["MY_GATEWAY_KEY"] == "k" and "OTHER_KEY" not in inv.env
    assert env_keys(extra) == ["MY_GATEWAY_KEY"]


def test_codex_copies_auth_json_from_codex_home(make_task, tmp_path: Path) -> None:
    real = tmp_path / "real-codex"
    real.mkdir()
    (real / "auth.json").write_text('{"OPENAI_API_KEY": null}', encoding="utf-8")
    (real / "config.toml").write_text('model = "o3"\n', encoding="utf-8")
    task = make_task("codex", user_env={"CODEX_HOME": str(real)})
    inv = CodexAgent().build(task)

    assert inv.env["CODEX_HOME"] == str(task.home / ".codex")
    assert (task.home / ".codex" / "auth.json").is_file()
    assert not (task.home / ".codex" / "config.toml").exists()


# -- Gemini ------------------------------------------------------------------------------------
def gemini_settings(task) -> dict:  # type: ignore[no-untyped-def]
    return json.loads((task.home / ".gemini" / "settings.json").read_text(encoding="utf-8"))


def test_gemini_defaults(make_task) -> None:
    task = make_task("gemini", user_env=USER_ENV, model="gemini-2.5-pro", effort="high")
    inv = GeminiAgent().build(task)

    assert option(inv.argv, "-p") == ""  # the prompt is all on stdin
    assert option(inv.argv, "--output-format") == "stream-json"
    assert "--skip-trust" in inv.argv
    assert option(inv.argv, "--approval-mode") == "default"
    assert inv.argv.count("--allowed-tools") == 1
    allowed = option(inv.argv, "--allowed-tools").split(",")
    assert "run_shell_command(git log)" in allowed and "read_file" in allowed
    assert "run_shell_command(git grep)" not in allowed
    assert "run_shell_command" not in allowed
    assert option(inv.argv, "-m") == "gemini-2.5-pro"
    assert inv.stdin == task.prompt.encode()
    assert_isolated(inv.env, task.home)
    assert inv.env["GEMINI_API_KEY"] == "g-key"
    assert inv.env["GOOGLE_GEMINI_BASE_URL"] == "http://127.0.0.1:9/g"
    assert "OPENAI_API_KEY" not in inv.env
    settings = gemini_settings(task)
    hooks = settings.pop("hooks")
    assert settings == {
        "privacy": {"usageStatisticsEnabled": False},
        "skills": {"enabled": False},
        "advanced": {"ignoreLocalEnv": True},
        "context": {
            "fileFiltering": {"respectGitIgnore": False, "respectGeminiIgnore": False},
            "includeDirectoryTree": False,
        },
        "security": {"auth": {"selectedType": "gemini-api-key"}},
    }
    # Every tool call goes past deep-review's guard first (a BeforeTool hook).
    [entry] = hooks["BeforeTool"]
    assert entry["matcher"] == ".*"
    command = shlex.split(entry["hooks"][0]["command"])
    assert command[1] == "-I" and command[2].endswith("shell_guard.py")
    assert command[3:] == ["--root", str(task.worktree), "--root", inv.env["TMPDIR"]]


def test_gemini_allow_exec_and_oauth_login(make_task, user_home: Path) -> None:
    creds = user_home / ".gemini" / "oauth_creds.json"
    creds.parent.mkdir()
    creds.write_text("{}", encoding="utf-8")
    task = make_task("gemini", allow_exec=True)
    inv = GeminiAgent().build(task)

    assert "run_shell_command" in option(inv.argv, "--allowed-tools").split(",")
    assert (task.home / ".gemini" / "oauth_creds.json").is_file()
    assert gemini_settings(task)["security"]["auth"]["selectedType"] == "oauth-personal"
    assert "hooks" not in gemini_settings(task)  # allow_exec: the shell is free


def test_gemini_without_any_auth_selects_none(make_task) -> None:
    task = make_task("gemini")
    GeminiAgent().build(task)
    assert "security" not in gemini_settings(task)


# -- opencode ----------------------------------------------------------------------------------
def opencode_config(task) -> dict:  # type: ignore[no-untyped-def]
    path = task.home / ".config" / "opencode" / "opencode.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_opencode_config_denies_edits_outside_the_worktree(make_task) -> None:
    user_cfg = json.dumps(
        {
            "provider": {"openai": {"options": {"baseURL": "http://x/v1"}}},
            "permission": {"bash": "allow"},
        }
    )
    task = make_task(
        "opencode",
        user_env={**USER_ENV, "OPENCODE_CONFIG_CONTENT": user_cfg},
        model="openai/gpt-5.5",
        effort="high",
    )
    inv = OpencodeAgent().build(task)

    assert inv.argv[1:4] == ("run", "--format", "json")
    assert option(inv.argv, "-m") == "openai/gpt-5.5"
    assert option(inv.argv, "--variant") == "high"
    assert inv.stdin == task.prompt.encode()
    cfg = opencode_config(task)
    assert cfg["provider"]["openai"]["options"]["baseURL"] == "http://x/v1"  # user's kept
    assert cfg["permission"]["edit"] == "deny"  # ours wins
    assert cfg["permission"]["bash"] == "deny"  # patterns cannot refuse `git log --output=F`
    assert cfg["share"] == "disabled" and cfg["autoupdate"] is False
    assert not any(task.worktree.iterdir())  # nothing written into the reviewed tree
    assert inv.env["OPENCODE_DISABLE_PROJECT_CONFIG"] == "1"
    assert "OPENCODE_CONFIG_CONTENT" not in inv.env
    assert_isolated(inv.env, task.home)
    assert inv.env["OPENAI_API_KEY"] == "sk-oai" and inv.env["ANTHROPIC_API_KEY"] == "sk-ant"


def test_opencode_allow_exec(make_task) -> None:
    task = make_task("opencode", allow_exec=True)
    OpencodeAgent().build(task)
    assert opencode_config(task)["permission"]["bash"] == "allow"
    assert opencode_config(task)["permission"]["edit"] == "deny"


@pytest.mark.parametrize("agent", [ClaudeAgent(), CodexAgent(), GeminiAgent(), OpencodeAgent()])
def test_missing_binary_still_builds_a_command(agent, make_task) -> None:  # type: ignore[no-untyped-def]
    # The spawn then fails with a clear error instead of build() raising.
    task = make_task(agent.name, binary="/nonexistent/cli")
    assert agent.build(task).argv[0] == "/nonexistent/cli"
