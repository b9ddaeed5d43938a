"""Credential copy/sync-back, and availability(): binary lookup, version probe, auth verdict."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from deepreview.agents._home import EnvPolicy, copy_credentials, sync_back_credentials
from deepreview.agents.base import SeatSettings
from deepreview.agents.claude import ClaudeAgent
from deepreview.agents.codex import CodexAgent
from deepreview.agents.gemini import GeminiAgent
from deepreview.agents.opencode import OpencodeAgent


def test_refreshed_credentials_are_written_back(tmp_path: Path) -> None:
    source = tmp_path / "real" / "creds.json"
    source.parent.mkdir()
    source.write_text("old-token", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    dest = home / ".x" / "creds.json"
    assert copy_credentials(home, [(source, dest), (tmp_path / "absent.json", home / "a")]) == [
        dest
    ]

    assert sync_back_credentials(home) == []  # unchanged: nothing to do
    dest.write_text("refreshed-token", encoding="utf-8")
    assert sync_back_credentials(home) == [source]
    assert source.read_text(encoding="utf-8") == "refreshed-token"
    assert stat.S_IMODE(source.stat().st_mode) == 0o600


def test_credentials_changed_elsewhere_are_not_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "creds.json"
    source.write_text("old", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    dest = home / "creds.json"
    copy_credentials(home, [(source, dest)])
    source.write_text("newer-from-another-login", encoding="utf-8")
    dest.write_text("refreshed", encoding="utf-8")

    assert sync_back_credentials(home) == []
    assert source.read_text(encoding="utf-8") == "newer-from-another-login"


def test_sync_back_without_manifest_is_a_no_op(tmp_path: Path) -> None:
    assert sync_back_credentials(tmp_path) == []


def test_env_policy_admits() -> None:
    policy = EnvPolicy(names=frozenset({"A_KEY"}), prefixes=("ANTHROPIC_",), suffixes=("_TOKEN",))
    assert policy.admits("PATH") and policy.admits("LC_ALL") and policy.admits("A_KEY")
    assert policy.admits("ANTHROPIC_MODEL") and policy.admits("FOO_TOKEN")
    assert not policy.admits("GITHUB_SECRET") and not policy.admits("HOME")


def fake_cli(tmp_path: Path, name: str, output: str, code: int = 0) -> Path:
    path = tmp_path / "bin" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{output}'\nexit {code}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_availability_from_path_with_version_and_key(tmp_path: Path) -> None:
    fake_cli(tmp_path, "claude", "2.1.197 (Claude Code)")
    env = {"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path), "ANTHROPIC_API_KEY": "k"}
    av = ClaudeAgent().availability(SeatSettings(), env)

    assert av.usable and av.found and av.authenticated is True
    assert av.version == "2.1.197"
    assert av.binary == str(tmp_path / "bin" / "claude")
    assert "ANTHROPIC_API_KEY" in av.reason


def test_availability_binary_from_settings_and_settings_env_auth(tmp_path: Path) -> None:
    binary = fake_cli(tmp_path, "codex-nightly", "codex-cli 0.171.0")
    settings = SeatSettings(binary=str(binary), env=(("OPENAI_API_KEY", "k"),))
    av = CodexAgent().availability(settings, {"PATH": "/nonexistent", "HOME": str(tmp_path)})

    assert av.usable and av.version == "0.171.0" and av.binary == str(binary)


def test_availability_missing_binary_names_the_npm_package(tmp_path: Path) -> None:
    av = GeminiAgent().availability(SeatSettings(), {"PATH": str(tmp_path), "HOME": str(tmp_path)})

    assert not av.usable and not av.found
    assert av.install_hint == "npm install -g @google/gemini-cli"
    assert "npm install -g @google/gemini-cli" in av.reason


def test_project_local_install_is_not_used_implicitly(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    local = tmp_path / ".tools" / "agent-clis" / "node_modules" / ".bin"
    local.mkdir(parents=True)
    cli = local / "opencode"
    cli.write_text("#!/bin/sh\necho 1.18.33\n", encoding="utf-8")
    cli.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    env = {"PATH": str(tmp_path / "empty"), "HOME": str(tmp_path)}
    av = OpencodeAgent().availability(SeatSettings(), env)
    assert not av.found and av.install_hint == "npm install -g opencode-ai"
    # ...but it is used when the config names it
    assert OpencodeAgent().availability(SeatSettings(binary=str(cli)), env).found


def test_broken_binary_is_found_but_not_usable(tmp_path: Path) -> None:
    fake_cli(tmp_path, "claude", "boom", code=3)
    env = {"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path), "ANTHROPIC_API_KEY": "k"}
    av = ClaudeAgent().availability(SeatSettings(), env)

    assert av.found and not av.usable
    assert "--version` failed" in av.reason


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS keychain makes Claude auth unknowable")
def test_no_auth_is_not_usable_and_says_how_to_fix(tmp_path: Path) -> None:
    fake_cli(tmp_path, "claude", "2.1.197 (Claude Code)")
    av = ClaudeAgent().availability(SeatSettings(), {"PATH": str(tmp_path / "bin"), "HOME": "/x"})
    assert av.found and not av.usable and av.authenticated is False
    assert "ANTHROPIC_API_KEY" in av.reason


@pytest.mark.parametrize(
    ("agent", "files", "env"),
    [
        (ClaudeAgent(), [".claude/.credentials.json"], {}),
        (CodexAgent(), [".codex/auth.json"], {}),
        (GeminiAgent(), [".gemini/oauth_creds.json"], {}),
        (OpencodeAgent(), [".local/share/opencode/auth.json"], {}),
        (GeminiAgent(), [], {"GOOGLE_API_KEY": "k"}),
        (OpencodeAgent(), [], {"OPENROUTER_API_KEY": "k"}),
    ],
)
def test_logged_in_users_are_authenticated(agent, files, env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    for rel in files:
        (home / rel).parent.mkdir(parents=True, exist_ok=True)
        (home / rel).write_text("{}", encoding="utf-8")
    fake_cli(tmp_path, agent.default_binary, "1.0.0")
    av = agent.availability(
        SeatSettings(), {"PATH": str(tmp_path / "bin"), "HOME": str(home), **env}
    )
    assert av.usable and av.authenticated is True, av.reason


def test_codex_custom_provider_auth(tmp_path: Path) -> None:
    fake_cli(tmp_path, "codex", "codex-cli 0.171.0")
    env = {"PATH": str(tmp_path / "bin"), "HOME": str(tmp_path)}
    keyed = (
        *("-c", 'model_providers.x.name="X"', "-c", 'model_providers.x.env_key="GW_KEY"'),
        *("-c", "model_provider=x"),
    )
    no_key = CodexAgent().availability(SeatSettings(extra_args=keyed), env)
    with_key = CodexAgent().availability(SeatSettings(extra_args=keyed), {**env, "GW_KEY": "k"})
    open_provider = CodexAgent().availability(
        SeatSettings(extra_args=("-c", "model_provider=x")), env
    )

    assert not no_key.usable and "GW_KEY" in no_key.reason
    assert with_key.usable and with_key.authenticated is True
    assert open_provider.usable and open_provider.authenticated is None
    # the built-in provider chosen by name still takes OpenAI's own key
    builtin = CodexAgent().availability(
        SeatSettings(extra_args=("-c", "model_provider=openai")), {**env, "OPENAI_API_KEY": "k"}
    )
    assert builtin.authenticated is True and "OPENAI_API_KEY" in builtin.reason
