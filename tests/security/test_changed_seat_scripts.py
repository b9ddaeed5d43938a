"""A trusted command seat does not run a repository script that the reviewed change edits.

Trust pins the text of `.deep-review.toml`, not the files its `argv` names: `sh tools/lint.sh`
runs the reviewed head's `tools/lint.sh` (the seat's cwd is the review worktree), so a change
editing that script would run its own code under the user's trust. Such a seat fails, saying
which file and how to run it anyway (`--allow-exec`: run the change's code on purpose).
"""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, commit_all, commit_on_base, git, make_repo, run_cli, write

REVIEW = "## Executive Summary\\n\\nFine: no issues found.\\n"
LINT = f"#!/bin/sh\ncat >/dev/null\nprintf '{REVIEW}'\n"


def _repo_with_trusted_lint(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """main has `tools/lint.sh` and a trusted config running it two ways: through `sh` (the
    script is an argument) and as argv[0] itself (resolved against the user's checkout)."""
    repo = make_repo(tmp_path)
    commit_on_base(repo, "tools/lint.sh", LINT, "add lint")
    (repo / "tools/lint.sh").chmod(0o755)
    git(repo, "checkout", "-q", "main")
    commit_all(repo, "lint is executable")
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "rebase", "-q", "main")
    seats = {"lint": ["sh", "tools/lint.sh"], "direct": ["./tools/lint.sh"]}
    config = "".join(f"[seats.{k}]\nargv = {json.dumps(v)}\n\n" for k, v in seats.items())
    commit_on_base(repo, ".deep-review.toml", config, "config")
    env = cli_env(tmp_path)
    trusted = run_cli(["trust"], cwd=repo, env=env)
    assert trusted.returncode == 0, trusted.stderr
    # `trust` says what trusting does not cover
    assert "tools/lint.sh" in trusted.stdout and "reviewed head" in trusted.stdout, trusted.stdout
    return repo, env


def _seats(repo: Path, env: dict[str, str], *extra: str) -> dict[str, dict[str, str]]:
    res = run_cli(
        ["review", "--agents", "lint,direct", "--lead", "none", "--json", *extra],
        cwd=repo,
        env=env,
    )
    assert res.returncode in (0, 3), res.stderr
    return {s["seat"]: s for s in res.json()["seats"]}


def test_a_seat_script_the_change_leaves_alone_runs(tmp_path: Path) -> None:
    repo, env = _repo_with_trusted_lint(tmp_path)
    # A bare argv[0] is found on PATH: a change adding a file `sh` does not stop the seat.
    write(repo, "sh", "#!/bin/sh\n")
    commit_all(repo, "add a file named sh")
    seats = _seats(repo, env)
    assert {n: s["status"] for n, s in seats.items()} == {"lint": "ok", "direct": "ok"}


def test_a_seat_script_the_change_edits_is_not_run(tmp_path: Path) -> None:
    repo, env = _repo_with_trusted_lint(tmp_path)
    marker = tmp_path / "PWNED"
    write(repo, "tools/lint.sh", f"#!/bin/sh\ntouch {marker}\ncat >/dev/null\nprintf '{REVIEW}'\n")
    commit_all(repo, "tweak lint")

    seats = _seats(repo, env)
    assert not marker.exists()
    for name in ("lint", "direct"):
        assert seats[name]["status"] == "failed", seats[name]
        reason = seats[name]["reason"]
        assert "tools/lint.sh" in reason and "--allow-exec" in reason, reason

    doctor = run_cli(["doctor"], cwd=repo, env=env)
    assert "tools/lint.sh" in doctor.stdout and "reviewed head" in doctor.stdout, doctor.stdout

    # The explicit override: --allow-exec runs the change's code on purpose.
    seats = _seats(repo, env, "--allow-exec")
    assert seats["lint"]["status"] == "ok", seats["lint"]
    assert marker.exists()
