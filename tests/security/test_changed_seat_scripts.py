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


# trial45b defect 1: the script reached through a module name, a `cd` or a sourced file
LINT_PY = 'import sys\nsys.stdin.read()\nprint("## Findings\\n\\nNo issues found.\\n")\n'
LINT_SH = '. tools/common.sh\ncat >/dev/null\necho "## Findings"; echo; echo "No issues found."\n'
INDIRECT = {
    "modlint": ["python3", "-m", "tools.lint"],
    "cdlint": ["sh", "-c", "cd tools && python3 lint.py"],
    "srclint": ["sh", "tools/lint.sh"],
    "pkglint": ["python3", "tools/run.py"],
    # -I keeps the script's folder off Python's import path: only tools/lint.py runs
    "isolint": ["python3", "-I", "tools/lint.py"],
}


def _repo_with_indirect_seats(tmp_path: Path) -> tuple[Path, dict[str, str], str]:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    write(repo, "tools/__init__.py", "")
    write(repo, "tools/lint.py", LINT_PY)
    write(repo, "tools/lint.sh", LINT_SH)
    write(repo, "tools/common.sh", "true\n")
    write(repo, "tools/helper.py", "")
    write(repo, "tools/run.py", "import helper\n" + LINT_PY)
    config = "".join(f"[seats.{k}]\nargv = {json.dumps(v)}\n\n" for k, v in INDIRECT.items())
    write(repo, ".deep-review.toml", config)
    commit_all(repo, "lint seats")
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "rebase", "-q", "main")
    env = cli_env(tmp_path)
    trusted = run_cli(["trust"], cwd=repo, env=env)
    assert trusted.returncode == 0, trusted.stderr
    return repo, env, trusted.stdout


def test_seats_reaching_repository_code_indirectly_are_named_by_trust_and_run_when_untouched(
    tmp_path: Path,
) -> None:
    repo, env, trusted = _repo_with_indirect_seats(tmp_path)
    notes = [line for line in trusted.splitlines() if line.startswith("Note: seat ")]
    for seat, script in (
        ("modlint", "tools/lint.py"),
        ("cdlint", "tools/lint.py"),
        ("srclint", "tools/common.sh"),
        ("pkglint", "tools/run.py"),
        ("isolint", "tools/lint.py"),
    ):
        line = next((n for n in notes if n.startswith(f"Note: seat {seat} ")), "")
        assert script in line and "reviewed head" in line, trusted
    res = run_cli(
        ["review", "--agents", ",".join(INDIRECT), "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode in (0, 3), res.stderr
    seats = {s["seat"]: s for s in res.json()["seats"]}
    # `-m` puts the worktree's top folder first on the import path: the change's calc.py (or a
    # `json.py` it adds) may be imported, so a change to any Python file there stops the seat
    assert seats.pop("modlint")["reason"].startswith(
        "not run: argv names calc.py (on the import path of python3 -m tools.lint)"
    )
    assert {n: s["status"] for n, s in seats.items()} == dict.fromkeys(seats, "ok")
    assert set(seats) == set(INDIRECT) - {"modlint"}


def test_seats_reaching_code_the_change_edits_indirectly_are_not_run(tmp_path: Path) -> None:
    repo, env, _ = _repo_with_indirect_seats(tmp_path)
    marker = tmp_path / "PWNED"
    evil_py = f"open({str(marker)!r}, 'a').write('x')\n"
    write(repo, "tools/lint.py", evil_py + LINT_PY)
    write(repo, "tools/common.sh", f"touch {marker}\n")
    write(repo, "tools/helper.py", evil_py)
    commit_all(repo, "innocent")
    res = run_cli(
        ["review", "--agents", ",".join(INDIRECT), "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    assert not marker.exists()
    assert res.returncode in (0, 3), res.stderr
    seats = {s["seat"]: s for s in res.json()["seats"]}
    for seat, script in (
        ("modlint", "tools/lint.py"),
        ("cdlint", "tools/lint.py"),
        ("srclint", "tools/common.sh"),
        ("pkglint", "tools/helper.py"),
        ("isolint", "tools/lint.py"),
    ):
        assert seats[seat]["status"] == "failed", seats[seat]
        reason = seats[seat]["reason"]
        assert reason.startswith("not run: argv names "), reason
        assert script in reason and "which this change edits" in reason, reason
        assert "--allow-exec" in reason, reason


def test_a_seat_naming_many_edited_scripts_still_says_how_to_run_it(tmp_path: Path) -> None:
    """The reason names a few of the files and how many more: listing every one pushed the
    `--allow-exec` advice past the reason's length cut."""
    repo = make_repo(tmp_path)
    scripts = [f"tools/a-rather-long-helper-script-name-number-{i:02d}.sh" for i in range(12)]
    for path in scripts:
        commit_on_base(repo, path, LINT, f"add {path}")
    config = f"[seats.many]\nargv = {json.dumps(['sh', *scripts])}\n"
    commit_on_base(repo, ".deep-review.toml", config, "config")
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "rebase", "-q", "main")
    env = cli_env(tmp_path)
    assert run_cli(["trust"], cwd=repo, env=env).returncode == 0
    for path in scripts:
        write(repo, path, LINT + "# edited\n")
    commit_all(repo, "edit every helper")
    res = run_cli(["review", "--agents", "many", "--lead", "none", "--json"], cwd=repo, env=env)
    (seat,) = res.json()["seats"]
    assert seat["status"] == "failed", seat
    reason = seat["reason"]
    assert scripts[0] in reason and "and 9 more" in reason, reason
    assert reason.endswith("or point argv at a copy outside the repository"), reason
