"""A reader that goes away (`deep-review review ... | head -1`) never stops or fails a review.

A real process is the point here: its stdout/stderr are pipes whose read end is closed before
it starts, so its first write meets a broken pipe (deterministically: no timing involved), and
its exit status includes what the interpreter does with output it cannot flush at exit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

_REVIEW = ["review", "--agents", "static", "--lead", "none"]


def _closed_pipe() -> int:
    """The write end of a pipe nobody reads any more (`| head -0`)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


def _run(
    repo: Path, env: dict[str, str], args: list[str], *, stderr_closed: bool
) -> tuple[int, str]:
    """Exit code and stderr text of `deep-review ARGS` with stdout (and stderr when asked) on
    a closed pipe; `2>&1 | head` shares one pipe between both."""
    out = _closed_pipe()
    err_path = repo.parent / "stderr.txt"
    with err_path.open("wb") as err_file:
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "deepreview", *args],
                cwd=repo,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out if stderr_closed else err_file,
                timeout=120,
                check=False,
            )
        finally:
            os.close(out)
    return proc.returncode, err_path.read_text(encoding="utf-8", errors="replace")


def _stored(repo: Path, env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    (review,) = listed.json()["reviews"]
    return review  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("stderr_closed", "as_json"),
    [
        # the trial's `2>&1 | head -1`, which stopped the review, stays in the fast loop
        pytest.param(True, False, id="2>&1|head-text"),
        pytest.param(False, False, id="stdout-only-text", marks=pytest.mark.slow),
        pytest.param(True, True, id="2>&1|head-json", marks=pytest.mark.slow),
        pytest.param(False, True, id="stdout-only-json", marks=pytest.mark.slow),
    ],
)
def test_closed_output_pipe_does_not_stop_or_fail_the_review(
    tmp_path: Path, stderr_closed: bool, as_json: bool
) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    args = [*_REVIEW, "--json"] if as_json else _REVIEW
    code, stderr = _run(repo, env, args, stderr_closed=stderr_closed)
    # Exit 0 (README, "Exit codes": review stored), and nothing about the lost output.
    assert code == 0, stderr
    review = _stored(repo, env)
    assert review["status"] == "complete", review
    assert review["verdict"] == "No model review", review
    review_dir = Path(env["DEEP_REVIEW_STORE"]) / review["id"]
    run = json.loads((review_dir / "run.json").read_text())
    assert run["status"] == "complete", run
    assert (Path(env["DEEP_REVIEW_STORE"]) / f"{review['id']}.md").is_file()
    if not stderr_closed:
        # What could still be written was: the progress and the verdict on stderr.
        assert "[static] ok" in stderr, stderr
        assert "Verdict: No model review" in stderr or as_json, stderr
        assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr


def test_closed_output_pipe_leaves_the_usage_exit_code(tmp_path: Path) -> None:
    """Bad input still exits 2 (its one line cannot be read, the code can)."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    code, stderr = _run(repo, env, [*_REVIEW, "no-such-branch"], stderr_closed=True)
    assert code == 2, stderr


def _run_closed_fd(repo: Path, env: dict[str, str], args: list[str], fd: int) -> tuple[int, str]:
    """Exit code and the open stream's text of `deep-review ARGS` started with file descriptor
    `fd` closed (`>&-` / `2>&-`, or a daemon started without it): Python sets that sys stream
    to None."""
    redirect = ">&-" if fd == 1 else "2>&-"
    proc = subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "deepreview", *args],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        check=False,
    )
    text = proc.stderr if fd == 1 else proc.stdout
    return proc.returncode, text.decode("utf-8", errors="replace")


@pytest.mark.parametrize("fd", [1, 2], ids=["stdout-closed", "stderr-closed"])
def test_closed_output_fd_does_not_stop_or_fail_the_review(tmp_path: Path, fd: int) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    code, other = _run_closed_fd(repo, env, _REVIEW, fd)
    assert code == 0, other
    assert "Traceback" not in other, other
    review = _stored(repo, env)
    assert review["status"] == "complete", review
    listed_code, listed_other = _run_closed_fd(repo, env, ["list"], fd)
    assert listed_code == 0, listed_other
    assert "Traceback" not in listed_other, listed_other


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["json", "md", "html", "sarif"])
def test_output_that_cannot_be_written_is_one_line_not_a_traceback(
    tmp_path: Path, fmt: str
) -> None:
    """`deep-review render R.json > /dev/full` (a full disk): the report is lost, which one line
    on stderr says, exit 2 — before, a traceback and exit 1 (120 when the last flush failed)."""
    env = cli_env(tmp_path)
    review = tmp_path / "alpha.md"
    review.write_text(
        "## Review\n\nThe `load()` helper in store/io.py line 12 crashes on an empty file.\n",
        encoding="utf-8",
    )
    made = run_cli(["consolidate", str(review), "--format", "json"], cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    report = tmp_path / "report.json"
    report.write_text(made.stdout, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "deepreview", "render", str(report), "--format", fmt],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = proc.stderr.decode("utf-8", errors="replace")
    assert proc.returncode == 2, err
    (line,) = err.strip().splitlines()
    assert line == (
        "deep-review: error: cannot write to stdout: no space left on device; "
        "free space where it goes, or send it elsewhere"
    ), err
