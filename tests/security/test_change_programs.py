"""No program the reviewed change brings runs through PATH or through a git setting that names a
program by a relative path (trial43, defects 1 and 2).

Python looks a relative PATH entry up after the child changed into its cwd, the scratch
worktree: an empty entry (a leading `:`) or `node_modules/.bin` ran the change's own `git` for
our `git status`, and a seat's PATH held them too. A filter, textconv or external diff
driver, or `gpg.program`, configured as `tools/fmt.sh` is run by git inside the worktree too,
where that file is the change's.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from deepreview import proc
from deepreview.targets.git import program_config, runs_relative_file
from fakebin.harness import Fakes
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

STATIC = ["review", "--agents", "static", "--lead", "none", "--json"]
REAL_GIT = shutil.which("git") or "/usr/bin/git"


def _spy(marker: Path, then: str = "cat") -> str:
    """A script that writes down where it ran, then does `then` (so the caller still works)."""
    return f'#!/bin/sh\necho "$0 ran in $PWD: $*" >> "{marker}"\n{then}\n'


def _evil_branch(repo: Path, files: dict[str, str]) -> None:
    git(repo, "checkout", "-q", "-b", "evil", "main")
    for rel, text in files.items():
        path = write(repo, rel, text)
        path.chmod(0o755)
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n")
    commit_all(repo, "evil programs")
    git(repo, "checkout", "-q", "main")


def _review(repo: Path, tmp_path: Path, marker: Path, path: str | None = None) -> None:
    marker.unlink(missing_ok=True)  # the test's own git commands may have run them
    env = cli_env(tmp_path)
    if path is not None:
        env["PATH"] = path.format(PATH=env["PATH"])
    res = run_cli([*STATIC, "main..evil"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_empty_path_entry_never_runs_the_changes_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    _evil_branch(repo, {"git": _spy(marker, f'exec "{REAL_GIT}" "$@"')})
    _review(repo, tmp_path, marker, path=":{PATH}:")


def test_relative_path_entry_never_runs_the_changes_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    _evil_branch(repo, {"node_modules/.bin/git": _spy(marker, f'exec "{REAL_GIT}" "$@"')})
    _review(repo, tmp_path, marker, path="node_modules/.bin:.:{PATH}")


def test_relative_filter_driver_in_user_config_never_runs(tmp_path: Path) -> None:
    """The change's `.gitattributes` selects the user's filter, whose program it brings."""
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    git(repo, "config", "filter.fmt.smudge", "tools/fmt.sh")
    git(repo, "config", "filter.fmt.clean", "sh tools/fmt.sh")
    git(repo, "config", "filter.fmt.required", "true")
    _evil_branch(repo, {"tools/fmt.sh": _spy(marker), ".gitattributes": "*.py filter=fmt\n"})
    _review(repo, tmp_path, marker)


def _signed(repo: Path) -> None:
    """Put a (fake) signature on the tip of `evil`, which `log.showSignature` verifies."""
    body = git(repo, "cat-file", "commit", "evil") + "\n"
    head, _, message = body.partition("\n\n")
    sig = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----"
    data = f"{head}\n{sig}\n\n{message}".encode()
    sha = proc.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"], cwd=repo, stdin=data
    ).stdout_text.strip()
    git(repo, "update-ref", "refs/heads/evil", sha)


def test_seat_git_runs_no_relative_program_of_user_config(tmp_path: Path) -> None:
    """A seat's everyday `git diff`, `log -p`, `show` and `log` in its worktree."""
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    for key, value in (
        ("diff.external", "tools/ext.sh"),
        ("diff.conv.textconv", "tools/conv.sh"),
        ("diff.cmd.command", "./tools/ext.sh"),
        ("gpg.program", "tools/gpg.sh"),
        ("log.showSignature", "true"),
        ("core.sshCommand", "tools/ssh.sh"),
    ):
        git(repo, "config", key, value)
    _evil_branch(
        repo,
        {
            "tools/ext.sh": _spy(marker, "true"),
            "tools/conv.sh": _spy(marker, 'cat "$1"'),
            "tools/gpg.sh": _spy(marker, "true"),
            "tools/ssh.sh": _spy(marker, "true"),
            ".gitattributes": "*.py diff=conv\n*.txt diff=cmd\n",
            "notes.txt": "hello\n",
        },
    )
    _signed(repo)
    marker.unlink(missing_ok=True)
    fakes = Fakes(tmp_path)
    out = tmp_path / "seat-path.txt"
    probe = fakes.install(
        "probe-seat",
        "#!/bin/sh\ncat >/dev/null\n"
        f'echo "$PATH" >"{out}"\n'
        'git diff "$DEEP_REVIEW_BASE_SHA" >/dev/null 2>&1\n'
        "git log -p -2 >/dev/null 2>&1\ngit show >/dev/null 2>&1\ngit log -1 >/dev/null 2>&1\n"
        "git ls-remote ssh://example.invalid/x >/dev/null 2>&1\n"
        f'exec "{sys.executable}" "{fakes.seat_script}" ok </dev/null\n',
    )
    fakes.write_config({"probe": {"argv": [str(probe)]}})
    env = fakes.env()
    env["PATH"] = f":tools:{env['PATH']}"

    res = fakes.review(repo, "--agents", "probe", "main..evil", env=env)
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert [s["status"] for s in res.json()["seats"]] == ["ok"]
    assert not marker.exists(), marker.read_text(encoding="utf-8")
    seat_path = out.read_text(encoding="utf-8").strip().split(os.pathsep)
    assert seat_path and all(os.path.isabs(p) for p in seat_path), seat_path


def test_clean_path_keeps_only_absolute_entries() -> None:
    assert proc.clean_path(":/usr/bin:.:node_modules/.bin::~/bin:/bin:") == "/usr/bin:/bin"
    assert proc.clean_path("") == proc.clean_path(None)
    assert all(os.path.isabs(p) for p in proc.clean_path("").split(os.pathsep))


def test_run_never_looks_a_program_up_relative_to_its_cwd(tmp_path: Path) -> None:
    """`proc.run` resolves argv[0] in our process against the clean PATH, not in the child."""
    marker = tmp_path / "EVIL"
    here = tmp_path / "work"
    spy = write(here, "bin/true", _spy(marker, "exit 0"))
    spy.chmod(0o755)
    for path in (f"bin:{os.environ['PATH']}", f":{os.environ['PATH']}"):
        if path.startswith(":"):
            (here / "true").write_bytes(spy.read_bytes())
            (here / "true").chmod(0o755)
        result = proc.run(["true"], cwd=here, env={**os.environ, "PATH": path})
        assert result.ok, result.describe_failure()
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_programs_named_relatively_are_switched_off() -> None:
    listing = "\0".join(
        [
            "filter.lfs.process\ngit-lfs filter-process",
            "filter.lfs.required\ntrue",
            'filter.crypt.smudge\n"/usr/bin/git-crypt" smudge',
            "filter.Fmt.clean\npython fmt.py",
            "diff.conv.textconv\n./conv",
            "gpg.program\ngpg2",
            "core.sshcommand\nssh -i ~/.ssh/id",
            'credential.helper\n!f() { tools/cred "$@"; }; f',
            "hook.lint.command\n/usr/bin/lint",
            "user.name\ntools/not-a-program",
            "",
        ]
    ).encode()
    assert program_config(listing) == {
        "filter.Fmt.smudge": "",
        "filter.Fmt.clean": "",
        "filter.Fmt.process": "",
        "filter.Fmt.required": "false",
        "diff.conv.textconv": "cat",
        "diff.conv.command": program_config(b"diff.external\nx/y")["diff.external"],
        "credential.helper": "",
        "hook.lint.command": "true",  # config-defined hooks (git 2.36+) never run
    }


def test_relative_file_words() -> None:
    for command in (
        "tools/fmt.sh",
        "sh fmt",
        "python3 -m black",
        "a && b/c",
        "--x=a/b",
        "'",
        "$PWD/x",
    ):
        assert runs_relative_file(command), command
    for command in (
        "git-lfs smudge -- %f",
        "cat",
        "/usr/bin/x --y",
        "ssh -i ~/.ssh/k",
        "$HOME/bin/x",
        "store",
    ):
        assert not runs_relative_file(command), command
