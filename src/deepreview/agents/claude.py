"""Claude Code (`@anthropic-ai/claude-code`) as a reviewer seat.

    claude -p --output-format stream-json --verbose --permission-mode default
           --setting-sources user --strict-mcp-config --no-session-persistence
           --allowedTools <read-only list> --disallowedTools Write,Edit,...
           [--model M] [--effort E] [extra_args...]        < prompt on stdin

Read-only by default: in `-p` mode nothing can be approved interactively, so any tool call not
in `--allowedTools` is refused and listed in the result's `permission_denials`; the edit tools
are not offered at all. `--setting-sources user` and `--strict-mcp-config` keep a reviewed
repository's `.claude/settings.json` (permissions, hooks) and `.mcp.json` from taking effect.

Prefix rules such as `Bash(git log:*)` are no sandbox (`git log --output=F` writes a file,
`rg --pre PROG` runs one), so the seat's own user settings (`~/.claude/settings.json` in the
isolated home, the one source `--setting-sources user` loads) add a PreToolUse hook that runs
`shell_guard` before every tool call: a Bash command must be one plain read-only command with
no option that writes or executes, and Bash, Read, Grep, Glob and LS may only name paths inside
the worktree (and the seat's temp dir). A refused call is reported by the CLI as a permission
denial. With `allow_exec`, Bash is unrestricted (to run the project's tests) and there is no
hook; edits stay disabled.

Auth: `ANTHROPIC_API_KEY` / `ANTHROPIC_AUTH_TOKEN` / `CLAUDE_CODE_OAUTH_TOKEN` (and the
Bedrock/Vertex variables) pass through; a `claude login` user's `~/.claude/.credentials.json`
is copied into the isolated home. `ANTHROPIC_BASE_URL` points it at another endpoint.

Failure: the result event's `is_error` decides, not its `subtype` (connection refused, HTTP
errors and "Not logged in" all come as `subtype: "success"`, `is_error: true`); its `result`
text is the reason. With the server down Claude retries for minutes (`CLAUDE_CODE_MAX_RETRIES`
in the seat env shortens that); the seat timeout bounds it. A rejected key (HTTP 401/403) is
retried the same way, so after a few rejections in a row the run is stopped and fails with an
authentication reason. That reason, and one of a rejected key or used-up credit in the result
("Invalid API key · Please run /login", "Credit balance is too low"), names the variables to
check (`account.account_help`): `/login` cannot be run headless.
"""

from __future__ import annotations

import json
import shlex
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

from deepreview import proc
from deepreview.agents._cli import TranscriptCliAgent
from deepreview.agents._guard_hook import guard_command, guard_roots
from deepreview.agents._home import EnvPolicy, copy_credentials, real_home, seat_env
from deepreview.agents.account import Credentials, account_help
from deepreview.agents.base import Invocation, SeatSettings, SeatTask
from deepreview.transcripts.claude import ClaudeParser
from deepreview.transcripts.stats import TranscriptStats

READ_ONLY_TOOLS: Final = (
    "Read", "Grep", "Glob", "LS",
    "Bash(git log:*)", "Bash(git blame:*)", "Bash(git diff:*)", "Bash(git show:*)",
    "Bash(git status:*)",
    "Bash(rg:*)", "Bash(grep:*)", "Bash(cat:*)", "Bash(sed -n:*)", "Bash(nl:*)", "Bash(ls:*)",
    "Bash(head:*)", "Bash(tail:*)", "Bash(wc:*)",
)  # fmt: skip
EDIT_TOOLS: Final = ("Write", "Edit", "MultiEdit", "NotebookEdit")

ENV_POLICY: Final = EnvPolicy(
    names=frozenset(
        {
            "AWS_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "CLOUD_ML_REGION",
            "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT",
        }
    ),
    prefixes=("ANTHROPIC_", "CLAUDE_CODE_"),
    quiet=(
        # One switch for: no telemetry, no error reporting, no auto-update, no title request.
        ("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1"),
        # No git snapshot in its system context: it held `git log --oneline -n 5` of the
        # worktree, the change's commit subjects (the author's words) outside every fence.
        ("CLAUDE_CODE_DISABLE_GIT_INSTRUCTIONS", "1"),
    ),
)  # fmt: skip
AUTH_VARS: Final = (
    "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN",
    "CLAUDE_CODE_USE_BEDROCK", "CLAUDE_CODE_USE_VERTEX",
)  # fmt: skip
CREDENTIALS_FILE: Final = ".claude/.credentials.json"
# The CLI retries a rejected key (HTTP 401/403) like any API error, for minutes. After this many
# rejections in a row it will not succeed (the first ones leave room for an OAuth refresh).
AUTH_REJECTIONS_BEFORE_STOP: Final = 3
AUTH_STATUSES: Final = frozenset({401, 403})
# What to fix when the API refuses the key or the account's credit (`account.account_help`).
CREDENTIALS: Final = Credentials("ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN", "log in again")


class ClaudeAgent(TranscriptCliAgent):
    name = "claude"
    display_name = "Claude"
    can_lead = True
    npm_package = "@anthropic-ai/claude-code"
    default_binary = "claude"
    transcript_parser = ClaudeParser
    takes_effort = True  # see build(): its CLI gets the seat's effort

    def build(self, task: SeatTask) -> Invocation:
        s = task.settings
        binary = self.binary(task)
        allowed = (*READ_ONLY_TOOLS, "Bash") if task.allow_exec else READ_ONLY_TOOLS
        argv = [
            binary, "-p",
            "--output-format", "stream-json", "--verbose",  # stream-json requires --verbose
            "--permission-mode", "default",
            "--setting-sources", "user",
            "--strict-mcp-config",
            "--no-session-persistence",
            "--allowedTools", ",".join(allowed),
            "--disallowedTools", ",".join(EDIT_TOOLS),
        ]  # fmt: skip
        if s.model:
            argv += ["--model", s.model]
        if s.effort:
            argv += ["--effort", s.effort]
        argv += s.extra_args
        self._copy_credentials(task)
        if not task.allow_exec:
            write_guard_settings(task.home, guard_roots(task))
        return Invocation(
            argv=tuple(argv), env=seat_env(task, ENV_POLICY), stdin=self.prompt_bytes(task)
        )

    def abort_watch(self, task: SeatTask, abort: threading.Event) -> Callable[[bytes], None]:
        rejections = [0]

        def watch(line: bytes) -> None:
            if b'"api_retry"' not in line:
                if b'"type":"assistant"' in line or b'"type": "assistant"' in line:
                    rejections[0] = 0  # the API answered
                return
            try:
                event = json.loads(line)
            except ValueError:
                return
            if not isinstance(event, dict) or event.get("subtype") != "api_retry":
                return
            if event.get("error_status") in AUTH_STATUSES:
                rejections[0] += 1
                if rejections[0] >= AUTH_REJECTIONS_BEFORE_STOP:
                    abort.set()
            else:
                rejections[0] = 0

        return watch

    def failure(
        self, task: SeatTask, result: proc.ProcResult, stats: TranscriptStats | None
    ) -> str | None:
        last = stats.errors[-1] if stats is not None and stats.errors else ""
        failed = not result.ok or (stats is not None and stats.is_error)
        helped = account_help(last, CREDENTIALS) if last and failed else None
        return helped or super().failure(task, result, stats)

    def _copy_credentials(self, task: SeatTask) -> None:
        home = real_home(task.env)
        if home is not None:
            copy_credentials(task.home, [(home / CREDENTIALS_FILE, task.home / CREDENTIALS_FILE)])

    def check_auth(self, settings: SeatSettings, env: Mapping[str, str]) -> tuple[bool | None, str]:
        return auth_status(env)


def guard_hook_settings(roots: list[Path]) -> dict[str, Any]:
    """The seat's user settings: every tool call goes through `shell_guard` first."""
    hook = {"type": "command", "command": shlex.join(guard_command(roots)), "timeout": 30}
    return {"hooks": {"PreToolUse": [{"matcher": "*", "hooks": [hook]}]}}


def write_guard_settings(home: Path, roots: list[Path]) -> None:
    # `--setting-sources user` loads exactly this file (HOME is the seat's home).
    path = home / ".claude" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(guard_hook_settings(roots), indent=2), encoding="utf-8")


def auth_status(env: Mapping[str, str]) -> tuple[bool | None, str]:
    for var in AUTH_VARS:
        if env.get(var):
            return True, f"auth: {var} is set"
    home = real_home(env)
    if home is not None and (home / CREDENTIALS_FILE).is_file():
        return True, f"auth: logged in (~/{CREDENTIALS_FILE})"
    if sys.platform == "darwin":
        return None, "auth: no API key set; a `claude login` token in the macOS keychain may work"
    return False, "not logged in: set ANTHROPIC_API_KEY or run `claude` once and log in"
