"""Codex CLI (`@openai/codex`) as a reviewer seat.

    codex exec --json --sandbox read-only --skip-git-repo-check
               -c analytics.enabled=false --disable plugins -c project_doc_max_bytes=0
               -c skills.include_instructions=false --disable skill_search
               [-m M] [-c model_reasoning_effort="E"] [extra_args...] -   < prompt on stdin

The worktree's `.codex/config.toml` (MCP servers, hooks, `notify`) is not read: with an
isolated `CODEX_HOME` no project is trusted, and 0.171 reads project config only for trusted
ones (the e2e test checks it). The worktree's `.codex` folders are parked out of it for the
run all the same (`_park`), so a later CLI that trusts more cannot run the change's hooks.
Its skills (`.agents/skills`, `.codex/skills`) would still be listed as instructions; the two
skill switches above stop that.

`CODEX_HOME` is a directory inside the isolated home, so the user's `config.toml` is not read:
model and provider come from the seat settings. A custom provider (a local server, Azure, a
gateway) is given with `extra_args`, e.g.
`-c model_providers.x.name="X" -c model_providers.x.base_url="http://host/v1"
-c model_providers.x.wire_api="responses" -c model_providers.x.env_key="X_API_KEY"
-c model_provider=x`; a variable named by `env_key=` there is passed through. Codex refuses a
provider without `name`, and sends no key without `env_key`: `auth_status` says so.

Read-only by default through Codex's own sandbox (`--sandbox read-only`); `allow_exec` switches
to `workspace-write` so the project's tests can run. Commands the sandbox refused are missing
from the `--json` stream, so the session rollout (`$CODEX_HOME/sessions/**/rollout-*.jsonl`,
which is why `--ephemeral` is not used) is read to count them as denied calls.

Codex never exits on its own while the server is unreachable ("Reconnecting..."); the seat
timeout ends it. A run without a terminal `turn.completed` event is a failure.

Auth: `OPENAI_API_KEY` / `CODEX_API_KEY` pass through, and `OPENAI_BASE_URL`; a `codex login`
user's `auth.json` (from `$CODEX_HOME`, default `~/.codex`) is copied into the isolated home.
A key the API refuses ("unexpected status 401 Unauthorized: …") or a used-up quota fails the
seat with the variable to check (a custom provider's `env_key`; `account.account_help`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from deepreview import proc
from deepreview.agents._cli import TranscriptCliAgent
from deepreview.agents._home import EnvPolicy, copy_credentials, real_home, seat_env
from deepreview.agents._park import parked
from deepreview.agents._stderr import stderr_tail
from deepreview.agents.account import Credentials, account_help
from deepreview.agents.base import Invocation, SeatOutcome, SeatSettings, SeatTask
from deepreview.transcripts import parse_codex_rollout_file
from deepreview.transcripts.codex import CodexParser
from deepreview.transcripts.stats import ToolCall, TranscriptStats
from deepreview.transcripts.stream import denial_text

AUTH_VARS: Final = ("OPENAI_API_KEY", "CODEX_API_KEY", "AZURE_OPENAI_API_KEY")
ENV_POLICY: Final = EnvPolicy(
    names=frozenset(
        {*AUTH_VARS, "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_ORGANIZATION", "OPENAI_PROJECT"}
    ),
)
CODEX_DIR: Final = ".codex"
PARKED_NAMES: Final = (CODEX_DIR,)
_ENV_KEY = re.compile(r"env_key\s*=\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)")
_PROVIDER = re.compile(r"^\s*model_provider\s*=\s*[\"']?([A-Za-z0-9_.-]+)")
_INLINE_NAME = re.compile(r"\bname\s*=\s*[\"'][^\"']")


class CodexAgent(TranscriptCliAgent):
    name = "codex"
    display_name = "Codex"
    can_lead = True
    npm_package = "@openai/codex"
    default_binary = "codex"
    transcript_parser = CodexParser
    takes_effort = True  # see build(): its CLI gets the seat's effort

    def build(self, task: SeatTask) -> Invocation:
        s = task.settings
        binary = self.binary(task)
        argv = [
            binary, "exec", "--json",
            "--sandbox", "workspace-write" if task.allow_exec else "read-only",
            # The cwd is always our own checkout; never let the trust check refuse it.
            "--skip-git-repo-check",
            "-c", "analytics.enabled=false",
            "--disable", "plugins",  # no plugin sync from github.com at startup
            # No AGENTS.md / AGENTS.override.md from the worktree (the change under review)
            # as instructions: the prompt carries the base revision's as data.
            "-c", "project_doc_max_bytes=0",
            # No catalog of skills (the change's `.agents/skills`, `.codex/skills` among them)
            # in the instructions, and no tool that searches them.
            "-c", "skills.include_instructions=false",
            "--disable", "skill_search",
        ]  # fmt: skip
        if s.model:
            argv += ["-m", s.model]
        if s.effort:
            argv += ["-c", f'model_reasoning_effort="{s.effort}"']
        argv += s.extra_args
        argv.append("-")  # the prompt is read from stdin
        codex_home = task.home / CODEX_DIR
        codex_home.mkdir(parents=True, exist_ok=True)  # Codex refuses a missing CODEX_HOME
        source = _user_codex_home(task.env)
        if source is not None:
            copy_credentials(task.home, [(source / "auth.json", codex_home / "auth.json")])
        passthrough = {v: task.env[v] for v in env_keys(s.extra_args) if v in task.env}
        env = seat_env(task, ENV_POLICY, {"CODEX_HOME": str(codex_home), **passthrough})
        return Invocation(argv=tuple(argv), env=env, stdin=self.prompt_bytes(task))

    def run(self, task: SeatTask) -> SeatOutcome:
        with parked(task.worktree, PARKED_NAMES, task.home / "parked-workspace-codex"):
            return super().run(task)

    def read_stats(self, task: SeatTask, result: proc.ProcResult) -> TranscriptStats | None:
        stats = super().read_stats(task, result)
        if stats is None:
            return None
        rollout = newest_rollout(task.home / CODEX_DIR, since=result.started_at)
        if rollout is None:
            return stats
        return merge_rollout(stats, parse_codex_rollout_file(rollout))

    def failure(
        self, task: SeatTask, result: proc.ProcResult, stats: TranscriptStats | None
    ) -> str | None:
        # A CLI that printed no event at all never started a turn: its exit and stderr say
        # why, in the words every agent's early exit gets (below).
        if stats is not None and stats.lines and not stats.is_error and not stats.ended_normally:
            details = [f"last error: {stats.errors[-1][:300]}"] if stats.errors else []
            if not result.ok and result.describe_failure():
                details.append(result.describe_failure())  # e.g. "killed by signal SIGSEGV"
            tail = stderr_tail(task.stderr_path)
            if tail:
                details.append(f"stderr: {tail}")
            suffix = f" ({'; '.join(details)})" if details else ""
            return f"no turn.completed event: the run did not finish{suffix}"
        reason = super().failure(task, result, stats)
        if reason is not None and stats is not None and stats.is_error:
            # "unexpected status 401 Unauthorized: …" names no key: say which one to check
            return account_help(reason, credentials(task.settings.extra_args)) or reason
        return reason

    def check_auth(self, settings: SeatSettings, env: Mapping[str, str]) -> tuple[bool | None, str]:
        return auth_status(env, settings.extra_args)


def env_keys(extra_args: Sequence[str]) -> list[str]:
    """Variables a provider given in `extra_args` reads its key from (`env_key=NAME`)."""
    return [m.group(1) for arg in extra_args for m in _ENV_KEY.finditer(arg)]


def _user_codex_home(env: Mapping[str, str]) -> Path | None:
    if env.get("CODEX_HOME"):
        return Path(env["CODEX_HOME"])
    home = real_home(env)
    return home / CODEX_DIR if home is not None else None


def auth_status(env: Mapping[str, str], extra_args: Sequence[str]) -> tuple[bool | None, str]:
    provider = chosen_provider(extra_args)
    if provider is not None and (provider != "openai" or provider_keys(provider, extra_args)):
        return _provider_auth(provider, env, extra_args)
    for var in AUTH_VARS:
        if env.get(var):
            return True, f"auth: {var} is set"
    source = _user_codex_home(env)
    if source is not None and (source / "auth.json").is_file():
        return True, "auth: logged in (codex auth.json)"
    return False, "not logged in: set OPENAI_API_KEY or run `codex login`"


def credentials(extra_args: Sequence[str]) -> Credentials:
    """Where the seat's key comes from: a provider's `env_key` when `extra_args` choose one
    (no `codex login` for it), else OpenAI's variables or the login."""
    provider = chosen_provider(extra_args)
    if provider is not None and (provider != "openai" or provider_keys(provider, extra_args)):
        keys = provider_keys(provider, extra_args)
        env_key = keys.env_key if keys is not None else next(iter(env_keys(extra_args)), None)
        return Credentials(env_key or f"model_providers.{provider}.env_key")
    return Credentials(" / ".join(AUTH_VARS[:2]), "run `codex login`")


def chosen_provider(extra_args: Sequence[str]) -> str | None:
    """The provider id `model_provider=` selects in `extra_args` (the last one wins)."""
    found = [m.group(1) for arg in extra_args if (m := _PROVIDER.match(arg))]
    return found[-1] if found else None


def _provider_auth(
    provider: str, env: Mapping[str, str], extra_args: Sequence[str]
) -> tuple[bool | None, str]:
    """A provider defined in `extra_args` needs a `name` (Codex refuses to start without one:
    "provider name must not be empty") and sends a key only when `env_key` names a variable."""
    keys = provider_keys(provider, extra_args)
    if keys is not None and not keys.named:
        return False, (
            f"custom provider {provider} has no name: add "
            f'"-c", \'model_providers.{provider}.name="{provider}"\' to extra_args'
        )
    if keys is not None:
        env_key = keys.env_key
    else:  # defined elsewhere (a built-in): an `env_key=` anywhere is the best guess
        env_key = next(iter(env_keys(extra_args)), None)
    if env_key is None:
        return None, (
            f"custom provider {provider} sends no API key (add "
            f'model_providers.{provider}.env_key="VAR" if it needs one)'
        )
    if not env.get(env_key):
        return False, f"provider {provider} key missing: set {env_key}"
    return True, f"auth: provider {provider} key from {env_key}"


@dataclass(frozen=True)
class ProviderKeys:
    named: bool
    env_key: str | None


def provider_keys(provider: str, extra_args: Sequence[str]) -> ProviderKeys | None:
    """What `extra_args` set for `model_providers.<provider>` (as dotted keys or one inline
    table), or None when they define nothing for it (a built-in such as `oss`)."""
    prefix = f"model_providers.{provider}"
    named, env_key, defined = False, None, False
    for arg in extra_args:
        key, sep, value = arg.partition("=")
        key = key.strip()
        if not sep or not (key == prefix or key.startswith(prefix + ".")):
            continue
        defined = True
        if key == prefix:  # an inline table: `model_providers.gw={name="GW", ...}`
            named = named or bool(_INLINE_NAME.search(value))
            found = _ENV_KEY.search(value)
            env_key = found.group(1) if found else env_key
        elif key == f"{prefix}.name":
            named = bool(value.strip().strip("\"'"))
        elif key == f"{prefix}.env_key":
            env_key = value.strip().strip("\"'") or None
    return ProviderKeys(named, env_key) if defined else None


def newest_rollout(codex_home: Path, since: float) -> Path | None:
    """The session rollout this run wrote (the newest one not older than the run)."""
    sessions = codex_home / "sessions"
    if not sessions.is_dir():
        return None
    found = [(p.stat().st_mtime, p) for p in sessions.rglob("rollout-*.jsonl") if p.is_file()]
    found = [(mtime, p) for mtime, p in found if mtime >= since - 1.0]
    return max(found)[1] if found else None


def merge_rollout(stats: TranscriptStats, rollout: Sequence[ToolCall]) -> TranscriptStats:
    """Add the shell calls that failed in the rollout but are missing from --json as denied.

    Codex drops a command the sandbox refused from its --json stream; the rollout has every
    call with its exit status. A failed rollout command with no matching --json command is
    such a refusal. Calls still running (no status) are not counted.
    """
    remaining = Counter(c.command for c in stats.tool_calls if c.command is not None)
    denied: list[ToolCall] = []
    for call in rollout:
        if call.command is None:
            continue
        if remaining[call.command] > 0:
            remaining[call.command] -= 1
            continue
        if call.ok is False:
            denied.append(
                ToolCall(
                    "command_execution",
                    command=call.command,
                    ok=False,
                    denied=True,
                    detail="refused by the sandbox",
                )
            )
    if not denied:
        return stats
    return replace(
        stats,
        tool_calls=(*stats.tool_calls, *denied),
        permission_denials=(*stats.permission_denials, *(denial_text(c) for c in denied)),
    )
