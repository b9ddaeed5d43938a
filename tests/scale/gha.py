"""A small local stand-in for the GitHub Actions runner: enough to run `action.yml` and
`examples/github/deep-review.yml` step by step on this machine.

- `${{ … }}` expressions are evaluated against a context table (inputs, github, matrix, steps,
  runner, secrets, env) with the operators the files use: `==`, `!=`, `&&`, `||`, `!`,
  parentheses, string literals and `always()` / `success()` / `failure()`. An `if:` without a
  status function means `success() && …`, as on GitHub.
- `run:` steps run in bash (`--noprofile --norc -eo pipefail`, GitHub's `shell: bash`) in the
  job's workspace with the step's env; `$GITHUB_OUTPUT` lines become `steps.<id>.outputs`.
  As on GitHub they see `GITHUB_ACTIONS=true`, the event (`github.event`) in the file
  `GITHUB_EVENT_PATH` names, and `GITHUB_REPOSITORY` / `GITHUB_SHA` when `github` has them.
  `pip` and `npm` are shell functions that only record what they were asked to install: the
  package under test is already installed, and fake agent CLIs stand in for the npm ones.
- `uses:` steps are emulated: checkout clones the origin repository into a fresh workspace,
  setup-python does nothing, upload/download-artifact copy folders to and from an artifacts
  folder, upload-sarif checks the file is SARIF 2.1.0 (and keeps its inputs), and `./` runs the
  composite action.
  actions/cache/restore and actions/cache/save keep folders by key in `Runner.cache_dir`, which
  outlives a workflow run as GitHub's cache does: an exact key, else the newest entry whose key
  starts with a `restore-keys` line; a key is never saved twice.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import yaml

from support.repos import git

_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||!|\(|\))"
    r"|(?P<call>[A-Za-z]+\(\))|(?P<path>[A-Za-z_][A-Za-z0-9_.\-]*))"
)
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_STATUS_FUNCS = ("always()", "success()", "failure()", "cancelled()")
_PRELUDE = """\
pip() { printf 'pip %s\\n' "$*" >> "$GHA_INSTALL_LOG"; }
npm() { printf 'npm %s\\n' "$*" >> "$GHA_INSTALL_LOG"; }
"""


class ExpressionError(Exception):
    pass


def _tokens(expr: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if m is None or m.end() == pos:
            raise ExpressionError(f"cannot read {expr[pos:]!r} in {expr!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def evaluate(expr: str, ctx: dict[str, Any], *, failed: bool = False) -> Any:
    toks = _tokens(expr)
    pos = 0

    def peek() -> str | None:
        return toks[pos][1] if pos < len(toks) else None

    def take() -> tuple[str, str]:
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def primary() -> Any:
        kind, text = take()
        if text == "(":
            value = disjunction()
            if take()[1] != ")":
                raise ExpressionError(f"unbalanced parentheses in {expr!r}")
            return value
        if text == "!":
            return not primary()
        if kind == "str":
            return text[1:-1].replace("''", "'")
        if kind == "call":
            calls = {"always()": True, "success()": not failed, "failure()": failed}
            if text not in calls:
                raise ExpressionError(f"unsupported function {text}")
            return calls[text]
        if kind == "path":
            if text in ("true", "false"):
                return text == "true"
            value: Any = ctx
            for part in text.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            return value
        raise ExpressionError(f"unexpected {text!r} in {expr!r}")

    def comparison() -> Any:
        left = primary()
        while peek() in ("==", "!="):
            op = take()[1]
            right = primary()
            same = _loose(left) == _loose(right)
            left = same if op == "==" else not same
        return left

    def conjunction() -> Any:
        left = comparison()
        while peek() == "&&":
            take()
            right = comparison()
            left = right if left else left
        return left

    def disjunction() -> Any:
        left = conjunction()
        while peek() == "||":
            take()
            right = conjunction()
            left = left if left else right
        return left

    value = disjunction()
    if pos != len(toks):
        raise ExpressionError(f"trailing tokens in {expr!r}")
    return value


def _loose(value: Any) -> Any:
    """GitHub compares case-insensitively and treats null like ''."""
    if value is None:
        return ""
    return value.lower() if isinstance(value, str) else value


def interpolate(value: Any, ctx: dict[str, Any]) -> str:
    def one(m: re.Match[str]) -> str:
        result = evaluate(m.group(1), ctx)
        if result is None:
            return ""
        if isinstance(result, bool):
            return "true" if result else "false"
        return str(result)

    return _EXPR.sub(one, str(value))


def condition(text: Any, ctx: dict[str, Any], failed: bool) -> bool:
    if text is None:
        return not failed
    expr = str(text).strip()
    m = _EXPR.fullmatch(expr)
    expr = m.group(1) if m else expr
    if not any(f in expr for f in _STATUS_FUNCS):
        expr = f"success() && ({expr})"
    return bool(evaluate(expr, ctx, failed=failed))


@dataclass
class Runner:
    """One machine: where artifacts live, the origin repository, the PATH with the fakes."""

    root: Path
    origin: Path
    action_dir: Path  # the repository holding action.yml (`./` and github.action_path)
    env: dict[str, str]
    checkout_ref: str
    github: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    installs: list[str] = field(default_factory=list)
    sarif_uploads: list[Path] = field(default_factory=list)
    sarif_inputs: list[dict[str, str]] = field(default_factory=list)  # each upload's `with:`
    jobs_run: int = 0
    cache_dir: Path | None = None  # default: root/caches; pass one to share it between runs

    @property
    def artifacts(self) -> Path:
        return self.root / "artifacts"

    @property
    def caches(self) -> Path:
        return self.cache_dir or self.root / "caches"

    def actions_env(self) -> dict[str, str]:
        """What the GitHub runner tells every step about the run: its event in a file."""
        event = self.root / "event.json"
        if not event.exists():
            event.parent.mkdir(parents=True, exist_ok=True)
            event.write_text(json.dumps(self.github.get("event") or {}), encoding="utf-8")
        env = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(event)}
        for var, key in (("GITHUB_REPOSITORY", "repository"), ("GITHUB_SHA", "sha")):
            if self.github.get(key):
                env[var] = str(self.github[key])
        return env

    def run_job(
        self,
        job: dict[str, Any],
        *,
        workflow_env: dict[str, str] | None = None,
        matrix: dict[str, Any] | None = None,
    ) -> Job:
        self.jobs_run += 1
        home = self.root / f"job-{self.jobs_run}"
        (home / "temp").mkdir(parents=True)
        j = Job(self, home / "workspace", home / "temp", matrix or {})
        # Workflow-level env may use the github context, as on GitHub.
        j.env.update({k: interpolate(v, j.ctx()) for k, v in (workflow_env or {}).items()})
        j.env.update({k: interpolate(v, j.ctx()) for k, v in (job.get("env") or {}).items()})
        j.run_steps(job["steps"])
        return j


@dataclass
class StepResult:
    name: str
    outcome: str  # success | failure | skipped
    code: int = 0
    stdout: str = ""
    stderr: str = ""


class Job:
    def __init__(self, runner: Runner, workspace: Path, temp: Path, matrix: dict[str, Any]):
        self.runner, self.workspace, self.temp, self.matrix = runner, workspace, temp, matrix
        self.workspace.mkdir(parents=True)
        self.env: dict[str, str] = {}
        self.steps: dict[str, dict[str, Any]] = {}
        self.results: list[StepResult] = []
        self.failed = False

    def ctx(self, inputs: dict[str, str] | None = None, steps: dict[str, Any] | None = None) -> Any:
        return {
            "inputs": inputs or {},
            "github": {
                **self.runner.github,
                "action_path": str(self.runner.action_dir),
                "workspace": str(self.workspace),
            },
            "matrix": self.matrix,
            "steps": self.steps if steps is None else steps,
            "runner": {"temp": str(self.temp), "os": "Linux"},
            "secrets": self.runner.secrets,
            "env": self.env,
        }

    def run_steps(
        self,
        steps: list[dict[str, Any]],
        inputs: dict[str, str] | None = None,
    ) -> None:
        own: dict[str, Any] = {} if inputs is not None else self.steps
        for i, step in enumerate(steps):
            ctx = self.ctx(inputs, own)
            name = str(step.get("name") or step.get("uses") or f"step {i + 1}")
            if not condition(step.get("if"), ctx, self.failed):
                self.results.append(StepResult(name, "skipped"))
                continue
            env = {k: interpolate(v, ctx) for k, v in (step.get("env") or {}).items()}
            if "run" in step:
                result = self._run(name, str(step["run"]), env, own, step.get("id"))
            else:
                result = self._uses(name, str(step["uses"]), step.get("with") or {}, ctx, env)
            self.results.append(result)
            if result.outcome == "failure":
                self.failed = True

    # -- run: ------------------------------------------------------------------------------
    def _run(
        self, name: str, script: str, env: dict[str, str], own: dict[str, Any], sid: Any
    ) -> StepResult:
        out_file = self.temp / f"output-{len(self.results)}"
        out_file.write_text("")
        script_file = self.temp / f"step-{len(self.results)}.sh"
        script_file.write_text(_PRELUDE + script)
        log = self.runner.root / "installs.log"
        full_env = {
            **self.runner.actions_env(),
            **self.runner.env,
            **self.env,
            **env,
            "GITHUB_OUTPUT": str(out_file),
            "GITHUB_WORKSPACE": str(self.workspace),
            "RUNNER_TEMP": str(self.temp),
            "GHA_INSTALL_LOG": str(log),
        }
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script_file)],
            cwd=self.workspace,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        outputs = dict(
            line.split("=", 1) for line in out_file.read_text().splitlines() if "=" in line
        )
        if sid:
            own[str(sid)] = {"outputs": outputs}
        if log.exists():
            self.runner.installs = log.read_text().splitlines()
        outcome = "success" if proc.returncode == 0 else "failure"
        return StepResult(name, outcome, proc.returncode, proc.stdout, proc.stderr)

    # -- uses: -----------------------------------------------------------------------------
    def _uses(
        self, name: str, uses: str, with_: dict[str, Any], ctx: Any, env: dict[str, str]
    ) -> StepResult:
        args = {k: interpolate(v, ctx) for k, v in with_.items()}
        action = uses.split("@", 1)[0]
        handlers: dict[str, Callable[[dict[str, str]], str]] = {
            "actions/checkout": self._checkout,
            "actions/setup-python": lambda a: "",
            "actions/upload-artifact": self._upload,
            "actions/download-artifact": self._download,
            "github/codeql-action/upload-sarif": self._sarif,
            "actions/cache/restore": self._cache_restore,
            "actions/cache/save": self._cache_save,
        }
        if action == "./" or action.endswith("/deep-review"):
            return self._composite(name, args, env)
        if action not in handlers:
            raise AssertionError(f"no emulation for `uses: {uses}`")
        try:
            note = handlers[action](args)
        except AssertionError as exc:
            return StepResult(name, "failure", 1, "", str(exc))
        return StepResult(name, "success", 0, note)

    def _checkout(self, args: dict[str, str]) -> str:
        git(
            self.workspace.parent, "clone", "-q", "--no-local", str(self.runner.origin), "workspace"
        )
        git(self.workspace, "checkout", "-q", self.runner.checkout_ref)
        return "checked out"

    def _path(self, text: str) -> Path:
        path = Path(text)
        return path if path.is_absolute() else self.workspace / path

    def _upload(self, args: dict[str, str]) -> str:
        src, dest = self._path(args["path"]), self.runner.artifacts / args["name"]
        if not src.exists():
            if args.get("if-no-files-found", "warn") == "error":
                raise AssertionError(f"no files at {src}")
            return f"nothing at {src}"
        assert not dest.exists(), f"artifact {args['name']} uploaded twice"
        if src.is_dir():
            shutil.copytree(src, dest)
        else:
            dest.mkdir(parents=True)
            shutil.copy2(src, dest / src.name)
        return f"uploaded {args['name']}"

    def _download(self, args: dict[str, str]) -> str:
        dest = self._path(args.get("path", "."))
        pattern = args.get("pattern") or args.get("name") or "*"
        names = sorted(p.name for p in self.runner.artifacts.iterdir() if fnmatch(p.name, pattern))
        for n in names:
            shutil.copytree(self.runner.artifacts / n, dest / n)
        return f"downloaded {names}"

    def _cache_entry(self, key: str) -> Path:
        return self.runner.caches / key.replace("/", "%2F")

    def _cache_restore(self, args: dict[str, str]) -> str:
        caches = self.runner.caches
        hit = self._cache_entry(args["key"])
        if not hit.is_dir():
            prefixes = [p.strip() for p in args.get("restore-keys", "").splitlines() if p.strip()]
            entries = (
                sorted(caches.iterdir(), key=lambda p: p.stat().st_mtime_ns)
                if caches.is_dir()
                else []
            )
            found = [
                e for e in entries for pre in prefixes if e.name.startswith(pre.replace("/", "%2F"))
            ]
            if not found:
                return "cache miss"
            hit = found[-1]
        dest = self._path(args["path"])
        shutil.copytree(hit, dest, dirs_exist_ok=True)
        return f"restored {hit.name}"

    def _cache_save(self, args: dict[str, str]) -> str:
        entry, src = self._cache_entry(args["key"]), self._path(args["path"])
        if entry.exists():
            return f"not saved: cache key {args['key']} is taken"  # GitHub warns, keeps the old
        if not src.is_dir():
            return f"nothing at {src}"
        shutil.copytree(src, entry)
        return f"saved {entry.name}"

    def _sarif(self, args: dict[str, str]) -> str:
        path = self._path(args["sarif_file"])
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data.get("version") == "2.1.0", f"{path} is not SARIF 2.1.0"
        for result in (r for run in data["runs"] for r in run["results"]):
            # GitHub refuses the whole file: "locationFromSarifResult: expected at least one
            # location".
            assert result.get("locations"), f"{path}: a result has no location"
        self.runner.sarif_uploads.append(path)
        self.runner.sarif_inputs.append(args)
        return f"sarif {path}"

    def _composite(self, name: str, args: dict[str, str], env: dict[str, str]) -> StepResult:
        action = yaml.safe_load((self.runner.action_dir / "action.yml").read_text())
        inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
        unknown = set(args) - set(inputs)
        assert not unknown, f"inputs the action does not declare: {sorted(unknown)}"
        inputs.update(args)
        before = len(self.results)
        saved = dict(self.env)
        self.env.update(env)  # a `uses:` step's env reaches the action's steps
        try:
            self.run_steps(action["runs"]["steps"], inputs)
        finally:
            self.env = saved
        inner = self.results[before:]
        del self.results[before:]
        failed = [r for r in inner if r.outcome == "failure"]
        code = failed[-1].code if failed else 0
        out = "\n".join(f"[{r.name}] {r.outcome}\n{r.stdout}{r.stderr}" for r in inner)
        return StepResult(name, "failure" if failed else "success", code, out)
