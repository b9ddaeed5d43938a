"""opencode (`opencode-ai`) as a reviewer seat.

    opencode run --format json [-m provider/model] [--variant E] [extra_args...]  < prompt on stdin

The configuration is written to the isolated home (`$XDG_CONFIG_HOME/opencode/opencode.json`),
never into the reviewed worktree, and `OPENCODE_DISABLE_PROJECT_CONFIG=1` keeps the reviewed
repository's own `opencode.json` from loosening it and its root `AGENTS.md`/`CLAUDE.md` from
being loaded as instructions; the same files in subfolders, which opencode adds to a read
tool's result regardless, are moved out of the worktree for the run and put back afterwards.
So are the repository's `.opencode/` and `opencode.json(c)`: 1.18's newer config loader reads
them despite that switch and imports their plugins (JavaScript, run in-process) and skills.
`OPENCODE_DISABLE_EXTERNAL_SKILLS` / `OPENCODE_DISABLE_CLAUDE_CODE` keep the worktree's
`.agents/skills` and `.claude/skills` out of the model's instructions.
It denies edits, web fetches, paths outside the worktree and, in a read-only review, the shell
altogether (`allow_exec` allows any shell command); opencode then does not offer the edit
tools at all, and a refused command comes back as a tool error that the transcript parser
counts as denied. Sharing,
auto-update, the models.dev fetch and LSP downloads are off.

Provider settings a user needs (a base URL, a custom provider) go in `OPENCODE_CONFIG_CONTENT`
in the seat's `env`; it is merged under the permission block, which always wins. Provider keys
(`*_API_KEY`) and base URLs (`OPENAI_BASE_URL`, `ANTHROPIC_BASE_URL`) pass through; a logged-in
user's `~/.local/share/opencode/auth.json` is copied into the isolated home.

Known: at startup opencode resolves `@opencode-ai/plugin` from the npm registry in the
background (for its config directory); without network that fails quietly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from deepreview.agents._cli import TranscriptCliAgent
from deepreview.agents._home import (
    EnvPolicy,
    copy_credentials,
    home_dirs,
    real_home,
    seat_env,
)
from deepreview.agents._park import parked
from deepreview.agents._stderr import Retries
from deepreview.agents.base import Invocation, SeatOutcome, SeatSettings, SeatTask
from deepreview.agents.opencode_log import log_dir, log_retries
from deepreview.transcripts.opencode import OpencodeParser

ENV_POLICY: Final = EnvPolicy(
    names=frozenset({"OPENAI_BASE_URL", "ANTHROPIC_BASE_URL", "GOOGLE_GEMINI_BASE_URL"}),
    suffixes=("_API_KEY",),
    quiet=(
        ("OPENCODE_DISABLE_PROJECT_CONFIG", "1"),
        ("OPENCODE_DISABLE_EXTERNAL_SKILLS", "1"),  # no `.agents/skills`, `.claude/skills`
        ("OPENCODE_DISABLE_CLAUDE_CODE", "1"),  # no Claude Code prompt files or skills
        ("OPENCODE_DISABLE_AUTOUPDATE", "1"),
        ("OPENCODE_DISABLE_SHARE", "1"),
        ("OPENCODE_DISABLE_MODELS_FETCH", "1"),
        ("OPENCODE_DISABLE_LSP_DOWNLOAD", "1"),
    ),
)
AUTH_FILE: Final = ".local/share/opencode/auth.json"
# The instruction files opencode attaches to a read tool result from the read file's folders
# (1.18: not switched off by OPENCODE_DISABLE_PROJECT_CONFIG, which covers only the root ones).
# Also the project config: 1.18's newer config loader (plugins, skills, agents, commands)
# reads the cwd's `.opencode/` and `opencode.json(c)` despite OPENCODE_DISABLE_PROJECT_CONFIG.
PARKED_NAMES: Final = (
    "AGENTS.md", "CLAUDE.md", "CONTEXT.md", ".opencode", "opencode.json", "opencode.jsonc",
)  # fmt: skip


def permissions(allow_exec: bool) -> dict[str, Any]:
    # Read-only: no shell at all. Permission patterns match a command's text (`git log*` lets
    # `git log --output=F` write anywhere) and opencode 1.18 has no command hook to check
    # options; a plugin would do, but it makes the CLI wait on an npm install at startup. Its
    # read, grep, glob and list tools cover reading; `external_directory` keeps them inside.
    return {
        "edit": "deny",
        "webfetch": "deny",
        "external_directory": "deny",
        "bash": "allow" if allow_exec else "deny",
    }


def config(user_config: str | None, allow_exec: bool) -> dict[str, Any]:
    """The user's config (if any) with our permission and quieting settings on top."""
    merged: dict[str, Any] = {}
    if user_config:
        try:
            loaded = json.loads(user_config)
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            merged.update(loaded)
    merged.update(
        {
            "$schema": "https://opencode.ai/config.json",
            "share": "disabled",
            "autoupdate": False,
            "permission": permissions(allow_exec),
        }
    )
    return merged


class OpencodeAgent(TranscriptCliAgent):
    name = "opencode"
    display_name = "opencode"
    can_lead = True
    npm_package = "opencode-ai"
    default_binary = "opencode"
    transcript_parser = OpencodeParser
    takes_effort = True  # see build(): its CLI gets the seat's effort

    def build(self, task: SeatTask) -> Invocation:
        s = task.settings
        binary = self.binary(task)
        argv = [binary, "run", "--format", "json"]
        if s.model:
            argv += ["-m", s.model]
        if s.effort:
            argv += ["--variant", s.effort]
        argv += s.extra_args
        dirs = home_dirs(task.home)
        source = user_auth_file(task.env)
        if source is not None:
            dest = dirs["XDG_DATA_HOME"] / "opencode" / "auth.json"
            copy_credentials(task.home, [(source, dest)])
        user_config = dict(s.env).get("OPENCODE_CONFIG_CONTENT") or task.env.get(
            "OPENCODE_CONFIG_CONTENT"
        )
        env = seat_env(task, ENV_POLICY)
        # Our config is the only one: the user's goes into it, not beside it.
        env.pop("OPENCODE_CONFIG", None)
        env.pop("OPENCODE_CONFIG_CONTENT", None)
        path = dirs["XDG_CONFIG_HOME"] / "opencode" / "opencode.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(config(user_config, task.allow_exec), indent=2), "utf-8")
        return Invocation(argv=tuple(argv), env=env, stdin=self.prompt_bytes(task))

    def run(self, task: SeatTask) -> SeatOutcome:
        with parked(task.worktree, PARKED_NAMES, task.home / "parked-instructions"):
            return super().run(task)

    def check_auth(self, settings: SeatSettings, env: Mapping[str, str]) -> tuple[bool | None, str]:
        return auth_status(env, settings.model)

    def api_retries(self, task: SeatTask) -> Retries | None:
        """opencode logs its failed model requests to its own log, not stderr."""
        data_home = home_dirs(task.home)["XDG_DATA_HOME"]
        return log_retries(log_dir(data_home)) or super().api_retries(task)


def user_auth_file(env: Mapping[str, str]) -> Path | None:
    if env.get("XDG_DATA_HOME"):
        return Path(env["XDG_DATA_HOME"]) / "opencode" / "auth.json"
    home = real_home(env)
    return home / AUTH_FILE if home is not None else None


# The variables opencode reads a provider's key from (models.dev's `env`); any other provider
# `p` is assumed to read `P_API_KEY`, and a provider not listed here may need no key at all.
PROVIDER_KEYS: Final = {
    "openai": ("OPENAI_API_KEY",),
    "anthropic": ("ANTHROPIC_API_KEY",),
    "google": ("GOOGLE_GENERATIVE_AI_API_KEY", "GEMINI_API_KEY"),
    "openrouter": ("OPENROUTER_API_KEY",),
    "groq": ("GROQ_API_KEY",),
    "xai": ("XAI_API_KEY",),
    "mistral": ("MISTRAL_API_KEY",),
    "deepseek": ("DEEPSEEK_API_KEY",),
}


def auth_status(env: Mapping[str, str], model: str | None = None) -> tuple[bool | None, str]:
    """With a `provider/model`, only that provider's key counts (trial 29: an Anthropic key
    made an `openai/...` seat look ready); without a model, any provider key does."""
    provider = model.split("/", 1)[0] if model and "/" in model else None
    if provider is not None:
        return _provider_auth(provider, env)
    keys = sorted(k for k, v in env.items() if k.endswith("_API_KEY") and v)
    if keys:
        return True, f"auth: {keys[0]} is set"
    source = user_auth_file(env)
    if source is not None and source.is_file():
        return True, "auth: logged in (opencode auth.json)"
    return None, "no provider key found; opencode may still have a free provider"


def _provider_auth(provider: str, env: Mapping[str, str]) -> tuple[bool | None, str]:
    wanted = PROVIDER_KEYS.get(provider, (f"{provider.upper().replace('-', '_')}_API_KEY",))
    for var in wanted:
        if env.get(var):
            return True, f"auth: {var} is set (provider {provider})"
    if provider in _logged_in_providers(env):
        return True, f"auth: logged in to {provider} (opencode auth.json)"
    if provider in _configured_providers(env.get("OPENCODE_CONFIG_CONTENT")):
        return None, f"provider {provider} comes from OPENCODE_CONFIG_CONTENT"
    how = f"set {' or '.join(wanted)} or run `opencode auth login`"
    if provider in PROVIDER_KEYS:
        return False, f"no key for provider {provider}: {how}"
    return None, f"no key found for provider {provider} ({how} if it needs one)"


def _json_keys(text: str | None) -> set[str]:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return set()
    return set(data) if isinstance(data, dict) else set()


def _logged_in_providers(env: Mapping[str, str]) -> set[str]:
    """The providers `opencode auth login` stored a credential for."""
    source = user_auth_file(env)
    try:
        text = source.read_text(encoding="utf-8") if source is not None else None
    except OSError:
        return set()
    return _json_keys(text)


def _configured_providers(user_config: str | None) -> set[str]:
    try:
        loaded = json.loads(user_config) if user_config else None
    except ValueError:
        return set()
    provider = loaded.get("provider") if isinstance(loaded, dict) else None
    return set(provider) if isinstance(provider, dict) else set()
