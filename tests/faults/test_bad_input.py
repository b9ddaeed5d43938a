"""Bad input: one clear line on stderr, exit 2, nothing written. Odd but valid input: works.

(tests/spine covers an unknown range ref, `HEAD..HEAD`, an unknown seat / lead on the command
line, not-a-repo and an unwritable store; these are the other ways in.)
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers
from support.repos import GIT_ENV, commit_all, commit_on_base, git, make_repo, write

GH_404 = (
    "#!/bin/sh\nif [ \"$1\" = auth ]; then exit 0; fi\necho 'HTTP 404: Not Found' >&2\nexit 1\n"
)


def _assert_bad_input(res, needle: str, store: Path) -> None:  # type: ignore[no-untyped-def]
    assert res.returncode == 2, (res.returncode, res.stderr)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert needle in lines[0], lines[0]
    assert "Traceback" not in res.stderr
    assert not store.exists(), "bad input must not create the store"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--base", "no-such-branch"], "unknown base ref 'no-such-branch'"),
        (["main..no-such-branch"], "unknown ref 'no-such-branch'"),
        (["main...no-such-branch"], "unknown ref 'no-such-branch'"),
        (["deadbeef..HEAD"], "unknown ref 'deadbeef'"),
        (["feature/x..feature/x"], "nothing to review"),
        (["not a target"], "cannot read target"),
        # a commit, not a branch: the error says how to review what it changed
        (
            ["HEAD"],
            "'HEAD' is a commit, not a local branch; to review what it changed, use HEAD~1..HEAD",
        ),
        (["--uncommitted"], "nothing to review"),
        (["--agents", "static", "--lead", "static"], "cannot lead"),
        (["--agents", ""], "--agents is empty"),
        (["--agents", "static", "--model", "claude"], "--model 'claude': use SEAT=MODEL"),
        (["--agents", "static", "--config", "/nonexistent/deep-review.toml"], "no such file"),
        (["--effort", "max"], "Invalid value for '--effort'"),
        (["--timeout", "soon"], "Invalid value for '--timeout'"),
        # a duration written with its unit: the line says the unit it takes
        (["--timeout", "10m"], "'10m' is no number; give a number of seconds (e.g. --timeout 600)"),
        (
            ["--probe-minutes", "90s"],
            "'90s' is no number; give a number of minutes (e.g. --probe-minutes 1.5)",
        ),
        (["--agnets", "static"], "No such option '--agnets'. Did you mean '--agents'?"),
        (["a..b", "extra"], "unexpected extra argument"),
        (["HEAD~1..HEAD", "--base", "main"], "HEAD~1..HEAD names its own base: drop --base"),
        (["--uncommitted", "--base", "main"], "--uncommitted reviews against HEAD: drop --base"),
    ],
    ids=[
        "unknown-base",
        "unknown-branch",
        "unknown-branch-3dot",
        "unknown-sha",
        "empty-range",
        "unparseable",
        "a-commit",
        "clean-worktree",
        "lead-cannot-lead",
        "no-agents",
        "bad-model",
        "missing-config",
        "bad-effort",
        "bad-timeout",
        "timeout-with-unit",
        "probe-minutes-with-unit",
        "misspelt-option",
        "extra-arg",
        "base-with-range",
        "base-with-uncommitted",
    ],
)
def test_bad_command_line(tmp_path: Path, args: list[str], needle: str) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, *args)
    _assert_bad_input(res, needle, fakes.store)


@pytest.mark.parametrize(
    ("spec", "parent"),
    [
        ("feature/x~1", "feature/x~2"),
        ("feature/x^", "feature/x~2"),
        ("feature/x@{0}", "feature/x@{0}~1"),
    ],
)
def test_a_revision_of_a_branch_is_a_commit_not_the_branch(
    tmp_path: Path, spec: str, parent: str
) -> None:
    """`topic~1`, `topic^`, `topic@{1}` name a commit: git resolves `refs/heads/topic~1`, but
    it is no branch, so no series of its own (`branch:topic~1`, rounds, declines): refused
    like a SHA, with the range that reviews what it changed."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, spec, "--agents", "static")
    _assert_bad_input(
        res,
        f"{spec!r} is a commit, not a local branch; to review what it changed, use",
        fakes.store,
    )
    assert res.stderr.rstrip().endswith(f"use {parent}..{spec}"), res.stderr


def test_empty_branch_diff(tmp_path: Path) -> None:
    """A branch with no commits of its own: nothing to review."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "empty", "main")
    fakes = Fakes(tmp_path)
    _assert_bad_input(fakes.review(repo, "--agents", "static"), "nothing to review", fakes.store)


def test_unknown_pr(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.install("gh", GH_404)
    env = fakes.env({"GH_REPO": "acme/demo"})
    _assert_bad_input(
        fakes.review(repo, "#404", "--agents", "static", env=env),
        "PR #404 not found in acme/demo",
        fakes.store,
    )


def test_not_a_repo_via_repo_option(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--repo", str(plain), "--agents", "static")
    _assert_bad_input(res, "not inside a git repository", fakes.store)


USER_CONFIGS = [
    # a misspelt key: the line names the one meant
    ('[review]\nagentz = ["static"]\n', "unknown key 'review.agentz' (did you mean 'agents'?)"),
    ('[review]\ntimeout = "soon"\n', "'review.timeout'"),
    ("[review]\ntimeout = -5\n", "'review.timeout'"),
    ('[review]\nagents = "static"\n', "'review.agents'"),
    ('[review]\nformats = ["pdf"]\n', "'review.formats.0'"),
    ('[review]\neffort = "max"\n', "'review.effort'"),
    (
        '[seats.claude]\nmodle = "opus"\n',
        "unknown key 'seats.claude.modle' (did you mean 'model'?)",
    ),
    ('[seats.mine]\nargv = "my-linter --review"\n', "'seats.mine.argv'"),
    ("[seats.mine]\nenv = { TOKEN = 5 }\n", "'seats.mine.env.TOKEN'"),
    ("[reveiw]\nagents = []\n", "unknown key 'reveiw' (did you mean 'review'?)"),
    ("[review\n", "not valid TOML"),
    ('[review]\nagents = ["nosuchseat"]\n', "unknown seat 'nosuchseat'"),
    ('[review]\nlead = "nosuchlead"\n', "unknown lead 'nosuchlead'"),
]


@pytest.mark.parametrize(
    ("text", "needle"),
    USER_CONFIGS,
    ids=[n.split("'")[1] if "'" in n else n for _, n in USER_CONFIGS],
)
def test_bad_user_config_names_the_key(tmp_path: Path, text: str, needle: str) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.config.write_text(text)
    # Without --agents: the config's own agents/lead must be the ones checked.
    args = [] if "agents" in text or "lead" in text else ["--agents", "static"]
    res = fakes.review(repo, *args, lead=None if "lead" in text else "none")
    _assert_bad_input(res, needle, fakes.store)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('[review]\ntimeout = "soon"\n', "'review.timeout'"),
        ("[review]\nunknown_thing = 1\n", "unknown key 'review.unknown_thing'"),
        ("[seats.static]\ntimeout = [1]\n", "'seats.static.timeout'"),
    ],
)
def test_bad_repo_config_names_the_key(tmp_path: Path, text: str, needle: str) -> None:
    repo = make_repo(tmp_path)
    # The base revision's file is the one read: commit it on main, below the branch.
    commit_on_base(repo, ".deep-review.toml", text, "repo config")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    _assert_bad_input(res, needle, fakes.store)
    assert ".deep-review.toml" in res.stderr


def test_bad_environment_setting(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", env=fakes.env({"DEEP_REVIEW_TIMEOUT": "abc"}))
    # the value it got and one it takes, as for `DEEP_REVIEW_TIMEOUT=0`
    _assert_bad_input(
        res, "DEEP_REVIEW_TIMEOUT=abc: must be a number of seconds (e.g. 1800)", fakes.store
    )
    res = fakes.review(repo, env=fakes.env({"DEEP_REVIEW_AGENTS": "static,ghost"}))
    _assert_bad_input(res, "unknown seat 'ghost'", fakes.store)


# -- odd but valid input ------------------------------------------------------------------------
def _works(fakes: Fakes, repo: Path, *args: str, timeout: float = 120) -> dict:  # type: ignore[type-arg]
    res = fakes.review(repo, "--agents", "static,echo", *args, timeout=timeout)
    assert res.returncode == 0, res.stderr
    out = res.json()
    assert {s["seat"]: s["status"] for s in out["seats"]} == {"static": "ok", "echo": "ok"}
    for fmt in ("md", "json", "html"):
        assert Path(out["paths"][fmt]).is_file()
    assert_no_leftovers(fakes, repo)
    return out  # type: ignore[no-any-return]


def _fakes_with_echo(tmp_path: Path) -> Fakes:
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    return fakes


def test_binary_only_diff(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "bin", "main")
    write(repo, "logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    write(repo, "data.bin", bytes(range(255, -1, -1)) * 16)
    commit_all(repo, "binary assets")
    fakes = _fakes_with_echo(tmp_path)
    out = _works(fakes, repo)
    state = json.loads((Path(out["review_dir"]) / "run.json").read_text())
    files = {f["path"]: f for f in state["target"]["changed_files"]}
    assert files["logo.png"]["binary"] and files["data.bin"]["binary"]
    prompt = (Path(out["review_dir"]) / "prompt-echo.md").read_text()
    assert "`logo.png` | added | binary" in prompt


@pytest.mark.slow
def test_5000_file_diff(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "huge", "main")
    _commit_many_files(repo, 5000)
    fakes = _fakes_with_echo(tmp_path)
    out = _works(fakes, repo, timeout=60)
    state = json.loads((Path(out["review_dir"]) / "run.json").read_text())
    assert state["target"]["changed_file_count"] == 5000
    prompt = (Path(out["review_dir"]) / "prompt-echo.md").read_text()
    assert "Files not inlined" in prompt  # over the diff budget: the rest is listed
    # ... up to a budget of its own (trial45b 6): the prompt stays near 1.5 x `diff_budget`
    assert "### Changed files (5000)" in prompt
    assert re.search(r"\n… and \d+ more files \(\d+ added\); `git diff", prompt)
    assert re.search(r"\n- … and \d+ more\n", prompt)
    assert len(prompt.encode()) < 1.5 * 200_000 + 20_000


def _commit_many_files(repo: Path, n: int) -> None:
    """n new files in one commit, written through `git fast-import` (seconds, not minutes)."""
    lines = [
        "commit refs/heads/huge",
        "mark :1",
        "committer Test Author <author@example.com> 1700000000 +0000",
        "data 12",
        "5000 files\n",
        f"from {git(repo, 'rev-parse', 'huge')}",
    ]
    for i in range(n):
        body = f"file {i}\nline two\n"
        lines += [f"M 100644 inline gen/d{i // 100}/f{i}.txt", f"data {len(body.encode())}", body]
    stream = ("\n".join(lines) + "\n").encode()
    subprocess.run(
        ["git", "fast-import", "--quiet", "--force"],
        cwd=repo,
        input=stream,
        check=True,
        env={**GIT_ENV, "PATH": "/usr/bin:/bin"},
    )
    git(repo, "reset", "-q", "--hard", "huge")


def test_odd_file_names(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "names", "main")
    names = [
        "with space.py",
        "quote\"d 'name'.txt",
        "new\nline.txt",
        "tab\there.txt",
        "ünïcödé.md",
        "-leading-dash.txt",
        "semi;colon&amp.txt",
        "$(touch pwned).txt",
    ]
    for name in names:
        write(repo, name, f"content of {name!r}\n")
    raw = b"raw-\xff\xfe-bytes.txt".decode("utf-8", "surrogateescape")
    (repo / raw).write_bytes(b"not utf-8 name\n")
    commit_all(repo, "odd names")
    fakes = _fakes_with_echo(tmp_path)
    out = _works(fakes, repo)
    assert not (repo / "pwned").exists()
    state = json.loads((Path(out["review_dir"]) / "run.json").read_text())
    paths = {f["path"] for f in state["target"]["changed_files"]}
    assert len(paths) == len(names) + 1
    for name in ("with space.py", "ünïcödé.md", "new\nline.txt", "$(touch pwned).txt"):
        assert name in paths
    report = Path(out["paths"]["md"]).read_text()
    assert "with space.py" in report
    # the prompt's table of changed files keeps one row per file: `new\nline.txt` is written
    # as git prints it, not broken across two rows
    prompt = (Path(out["review_dir"]) / "prompt-echo.md").read_text()
    table = prompt.split("### Changed files", 1)[1].split("\n\n", 2)[1]
    rows = [ln for ln in table.splitlines() if ln.startswith("| `")]
    assert len(rows) == len(names) + 1, table
    assert "| `new\\nline.txt` |" in table and "| `tab\\there.txt` |" in table


@pytest.mark.slow
def test_submodule_change(tmp_path: Path) -> None:
    sub = make_repo(tmp_path, "lib")
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "sub", "main")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(sub), "vendor/lib")
    commit_all(repo, "add submodule")
    git(repo, "checkout", "-q", "-b", "bump")
    git(repo / "vendor/lib", "checkout", "-q", "main")
    commit_all(repo, "bump submodule")
    fakes = _fakes_with_echo(tmp_path)
    out = _works(fakes, repo, "sub..bump")
    state = json.loads((Path(out["review_dir"]) / "run.json").read_text())
    (changed,) = state["target"]["changed_files"]
    assert changed["path"] == "vendor/lib" and changed["submodule"]
    out2 = _works(fakes, repo, "main..bump")
    paths = {
        f["path"]
        for f in json.loads((Path(out2["review_dir"]) / "run.json").read_text())["target"][
            "changed_files"
        ]
    }
    assert {"vendor/lib", ".gitmodules"} <= paths
