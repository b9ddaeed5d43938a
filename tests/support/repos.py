"""Real git repositories in temp dirs, and running the real CLI (in this process or as a child)."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from support.inprocess import can_run_in_process, run_in_process

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.com",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, check: bool = True) -> str:
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": os.devnull}
    # Without it every commit starts a `git maintenance run --auto` that finds nothing to do
    # in a small test repository (~3 ms of CPU each, a few thousand commits a suite run).
    result = subprocess.run(
        ["git", "-c", "maintenance.auto=false", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"git {args} failed: {result.stderr.decode(errors='replace')}")
    return result.stdout.decode("utf-8", errors="replace").strip()


def blob(repo: Path, spec: str) -> bytes:
    """The bytes git stores for `spec` (`HEAD:path`), untouched by any attribute."""
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": os.devnull}
    result = subprocess.run(
        ["git", "cat-file", "blob", spec], cwd=repo, env=env, capture_output=True, check=True
    )
    return result.stdout


def write(repo: Path, rel: str, content: str | bytes) -> Path:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def _build_demo_repo(repo: Path) -> None:
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    write(repo, "README.md", "# Demo\n\nA tiny demo repo.\n")
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n")
    commit_all(repo, "Initial commit")
    write(repo, "AGENTS.md", "Base instructions: be thorough.\n")
    commit_all(repo, "Add agent instructions")
    git(repo, "checkout", "-q", "-b", "feature/x")
    write(
        repo, "calc.py", "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n"
    )
    write(repo, "util/strings.py", "def shout(s):\n    return s.upper()\n")
    commit_all(repo, "Add sub and shout")


def commit_on_base(repo: Path, rel: str, content: str, message: str) -> None:
    """`make_repo`'s base branch gets `rel` (the base revision a review reads its config and
    instructions from); `feature/x` is rebased onto it and checked out again."""
    git(repo, "checkout", "-q", "main")
    write(repo, rel, content)
    commit_all(repo, message)
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "rebase", "-q", "main")


def clone_with_pr(
    tmp: Path,
    upstream: Path,
    number: int,
    branch: str = "feature/x",
    *,
    drop_branch: bool = False,
    default_branch: str | None = None,
) -> tuple[Path, str]:
    """`upstream` published as a bare `tmp/origin.git` whose `refs/pull/N/head` is `branch`'s
    tip, as GitHub keeps a PR's head, and cloned to `tmp/work`: (the clone, the head SHA).
    `drop_branch`: the branch itself is not on the remote (a fork's PR); `default_branch`:
    the remote's HEAD, which the clone checks out."""
    head = git(upstream, "rev-parse", branch)
    bare = tmp / "origin.git"
    git(tmp, "clone", "-q", "--bare", str(upstream), str(bare))
    git(bare, "update-ref", f"refs/pull/{number}/head", head)
    if drop_branch:
        git(bare, "branch", "-D", branch)
    if default_branch is not None:
        git(bare, "symbolic-ref", "HEAD", f"refs/heads/{default_branch}")
    clone = tmp / "work"
    git(tmp, "clone", "-q", str(bare), str(clone))
    return clone, head


_templates: dict[str, Path] = {}


def _template(name: str, build: Callable[[Path], None]) -> Path:
    """A repository built once per test process with real git, in a folder removed at exit."""
    if name not in _templates:
        folder = Path(tempfile.mkdtemp(prefix=f"deepreview-{name}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        build(folder / "repo")
        _templates[name] = folder / "repo"
    return _templates[name]


def template_copy(dest: Path, key: str, build: Callable[[Path], None]) -> Path:
    """`dest`: a copy (`.git` included) of the repository `build` makes, built with real git
    once per test process per `key` (`key` must name everything `build` depends on)."""
    shutil.copytree(_template(key, build), dest, symlinks=True)
    return dest


def make_repo(root: Path, name: str = "repo") -> Path:
    """main with two commits; branch `feature/x` adds calc changes and a new module.

    Built with real git once per test process and copied (`.git` included) for each test: the
    copy is an ordinary repository that the test owns, at a fraction of the ~10 `git` calls."""
    repo = root / name
    shutil.copytree(_template("demo", _build_demo_repo), repo, symlinks=True)
    return repo


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.stdout)


def cli_env(tmp: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DEEP_REVIEW_", "ANTHROPIC_", "OPENAI_", "GEMINI_", "GOOGLE_"))
        # A test run inside GitHub Actions is no review in one: the run's event, repository
        # and server are not the test's (a test sets them itself).
        and not k.startswith("GITHUB_")
        and k not in ("CI", "GH_HOST")
        # pytest-xdist's workers get COLUMNS=80: a table's width is the test's to set
        and k not in ("COLUMNS", "LINES")
    }
    env.update(GIT_ENV)
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    env["DEEP_REVIEW_CONFIG"] = str(tmp / "user-config.toml")
    # DEEP_REVIEW_CONFIG must name a file that exists; an empty one holds no settings.
    (tmp / "user-config.toml").touch()
    env["DEEP_REVIEW_STORE"] = str(tmp / "store")
    env["XDG_CACHE_HOME"] = str(tmp / "cache")  # e.g. the agents' remembered versions
    # A reviewed project's `python -m pytest` (the checks' test command, once per run and per
    # probe mutant) would load this venv's pytest plugins (hypothesis, xdist, timeout): ~1.7 s
    # of CPU a run instead of ~0.2 s. No fixture project uses a plugin.
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    # The seats' worktrees and homes (`tempfile.mkdtemp`) go into the test's own folder: a
    # review the test kills outright (SIGKILL, a `timeout` expiring) cannot remove them, and
    # only the next review of the test's store would, which never comes.
    (tmp / "tmp").mkdir(exist_ok=True)
    env["TMPDIR"] = str(tmp / "tmp")
    # Agents must not be discovered from the developer's machine.
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".tools" not in p
    )
    if extra:
        env.update(extra)
    return env


def run_cli(
    args: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    timeout: float = 120,
    input_: bytes | None = None,
    in_process: bool = True,
) -> CliResult:
    """`deep-review ARGS` in `cwd` with exactly `env`: run in this process (see
    `support.inprocess`) unless `in_process=False` asks for a real `python -m deepreview` process
    — for claims about the process itself — or $DEEPREVIEW_TEST_SUBPROCESS is set."""
    if in_process and can_run_in_process() and not os.environ.get("DEEPREVIEW_TEST_SUBPROCESS"):
        return CliResult(*run_in_process(args, cwd=cwd, env=env, input_=input_))
    result = subprocess.run(
        [sys.executable, "-m", "deepreview", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=timeout,
        input=input_,
        stdin=None if input_ is not None else subprocess.DEVNULL,
    )
    return CliResult(
        result.returncode,
        result.stdout.decode("utf-8", errors="replace"),
        result.stderr.decode("utf-8", errors="replace"),
    )
