"""`deep-review doctor` judges a seat's auth by the provider its settings actually use.

Trial 29: README's Codex gateway recipe (no provider `name`, no `env_key`) was called usable
though Codex refuses it; opencode with model `openai/...` was "yes — ANTHROPIC_API_KEY is set".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import run_cli

README_GATEWAY = [
    "-c", "model_providers.gw.base_url=http://127.0.0.1:8080/v1",
    "-c", "model_providers.gw.wire_api=responses", "-c", "model_provider=gw",
]  # fmt: skip


def _doctor(tmp_path: Path, seats: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    fakes = Fakes(tmp_path)
    fakes.install("codex", "#!/bin/sh\necho codex-cli 0.171.0\n")
    fakes.install("opencode", "#!/bin/sh\necho 1.18.33\n")
    fakes.write_config(seats)
    res = run_cli(
        ["doctor", "--json"], cwd=tmp_path, env=fakes.env({"HOME": str(tmp_path / "h"), **env})
    )
    assert res.returncode == 0, res.stderr
    return {s["name"]: s for s in res.json()["seats"]}


def _readme_codex_args(readme: Path) -> list[str]:
    """The `extra_args` of README's Codex gateway example, as a user would copy it."""
    import tomllib

    text = readme.read_text(encoding="utf-8")
    start = text.index("**Company gateways and local models.**")
    block = text[text.index("```toml", start) + len("```toml") : text.index("```\n", start + 1)]
    args: list[str] = tomllib.loads(block)["seats"]["codex"]["extra_args"]
    return args


def test_codex_provider_without_a_name_is_not_usable(tmp_path: Path) -> None:
    seats = _doctor(tmp_path, {"codex": {"extra_args": README_GATEWAY}}, {})
    codex = seats["codex"]
    assert codex["usable"] is False and codex["authenticated"] is False
    assert "model_providers.gw.name" in codex["reason"]


def test_codex_provider_says_which_variable_holds_its_key(tmp_path: Path) -> None:
    named = [*README_GATEWAY, "-c", 'model_providers.gw.name="Gateway"']
    keyless = _doctor(tmp_path / "a", {"codex": {"extra_args": named}}, {})["codex"]
    # Codex sends no Authorization header without `env_key`: say so, do not claim auth.
    assert keyless["authenticated"] is None and "env_key" in keyless["reason"]
    keyed = [*named, "-c", 'model_providers.gw.env_key="GW_KEY"']
    missing = _doctor(tmp_path / "b", {"codex": {"extra_args": keyed}}, {})["codex"]
    assert missing["usable"] is False and "GW_KEY" in missing["reason"]
    ok = _doctor(tmp_path / "c", {"codex": {"extra_args": keyed}}, {"GW_KEY": "k"})["codex"]
    assert ok["usable"] is True and ok["authenticated"] is True
    assert "GW_KEY" in ok["reason"]


def test_readme_codex_gateway_recipe_is_complete(tmp_path: Path) -> None:
    args = _readme_codex_args(Path(__file__).resolve().parents[2] / "README.md")
    joined = " ".join(args)
    assert "model_providers.gw.name" in joined and "model_providers.gw.env_key" in joined
    seats = _doctor(tmp_path, {"codex": {"extra_args": args}}, {"GATEWAY_API_KEY": "k"})
    assert seats["codex"]["usable"] is True, seats["codex"]["reason"]


def test_opencode_checks_the_key_of_its_models_provider(tmp_path: Path) -> None:
    seat = {"opencode": {"model": "openai/gpt-5.5"}}
    wrong = _doctor(tmp_path / "a", seat, {"ANTHROPIC_API_KEY": "k"})["opencode"]
    assert wrong["usable"] is False and wrong["authenticated"] is False
    assert "OPENAI_API_KEY" in wrong["reason"]
    right = _doctor(tmp_path / "b", seat, {"OPENAI_API_KEY": "k"})["opencode"]
    assert right["usable"] is True and "OPENAI_API_KEY" in right["reason"]


def test_opencode_provider_logged_in_through_auth_json(tmp_path: Path) -> None:
    auth = tmp_path / "h" / ".local/share/opencode/auth.json"
    auth.parent.mkdir(parents=True)
    auth.write_text('{"anthropic": {"type": "api", "key": "k"}}', encoding="utf-8")
    wrong = _doctor(tmp_path, {"opencode": {"model": "openai/gpt-5.5"}}, {})["opencode"]
    assert wrong["usable"] is False and "OPENAI_API_KEY" in wrong["reason"]
    right = _doctor(tmp_path, {"opencode": {"model": "anthropic/claude-sonnet-4-5"}}, {})
    assert right["opencode"]["usable"] is True


def test_a_key_of_blanks_is_no_key(tmp_path: Path) -> None:
    # `export OPENAI_API_KEY=" "` (a template's placeholder) authenticates nothing: doctor
    # said "auth: OPENAI_API_KEY is set" and the review's seat then failed on its first call.
    blank = _doctor(tmp_path / "a", {"codex": {}}, {"OPENAI_API_KEY": "  \t"})["codex"]
    assert blank["authenticated"] is False and "is set" not in blank["reason"]
    assert blank["usable"] is False
    keyed = _doctor(tmp_path / "b", {"codex": {}}, {"OPENAI_API_KEY": "sk-x"})["codex"]
    assert keyed["authenticated"] is True
