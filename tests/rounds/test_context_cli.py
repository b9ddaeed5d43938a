"""`context show` / `context apply ID` through the real command."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from deepreview.rounds.context import ContextEdit, apply_edits, parse_update
from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import CliResult, cli_env, commit_all, git, make_repo, run_cli, write
from support.rounds import make_branch_repo

REASON = "by design: callers validate the divisor"


def run_in_terminal(args: list[str], *, cwd: Path, env: dict[str, str], keys: bytes) -> CliResult:
    """`deep-review ARGS` as a real process whose stdin is a terminal (a pty) on which `keys`
    are typed: what a person at the prompt does (b"\x04" is Ctrl-D, end of input)."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "deepreview", *args],
            cwd=cwd,
            env=env,
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        os.close(slave)
        os.write(master, keys)
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(master)
    return CliResult(proc.returncode, out.decode(), err.decode())


def _context_repo(root: Path) -> Path:
    """`make_branch_repo` whose branch also commits a review context file."""
    repo = make_branch_repo(root)
    write(repo, "deep-review-context.md", "# Review context\n\n- Money is in cents.\n")
    commit_all(repo, "Add review context")
    return repo


def _declined_round(tmp_path: Path) -> tuple[Path, dict[str, str], str]:
    """A round whose I1 is declined, so the review proposes one line for the context file."""
    fakes, repo, first = first_round(tmp_path, make_repo=_context_repo)
    rid = first["review_id"]
    env = fakes.env()
    assert run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env).returncode == 0
    return repo, env, rid


def test_context_apply_shows_a_diff_and_writes_after_confirmation(tmp_path: Path) -> None:
    repo, env, rid = _declined_round(tmp_path)

    declined = run_in_terminal(["context", "apply", rid], cwd=repo, env=env, keys=b"n\n")
    assert declined.returncode == 0, declined.stderr
    line = f"+- `calc.py`: Division by zero is not handled — {REASON}"
    assert "--- a/deep-review-context.md" in declined.stdout and line in declined.stdout
    assert "Nothing written." in declined.stderr
    assert "Division" not in (repo / "deep-review-context.md").read_text(encoding="utf-8")

    res = run_in_terminal(["context", "apply", rid], cwd=repo, env=env, keys=b"y\n")
    assert res.returncode == 0, res.stderr
    text = (repo / "deep-review-context.md").read_text(encoding="utf-8")
    assert text == (
        "# Review context\n\n- Money is in cents.\n"
        f"- `calc.py`: Division by zero is not handled — {REASON}\n"
    )
    shown = run_cli(["context", "show"], cwd=repo, env=env)
    assert shown.stdout == text

    # The file now has uncommitted changes: refuse unless --force.
    again = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert again.returncode == 2
    assert again.stderr.strip().endswith("or pass --force")
    forced = run_cli(["context", "apply", rid, "--yes", "--force"], cwd=repo, env=env)
    assert forced.returncode == 0, forced.stderr
    # It did propose one update: the file has it already, which is what is said.
    assert forced.stdout == (
        f"Review {rid}: its 1 update is already in deep-review-context.md; nothing to write.\n"
    )


def test_context_apply_starting_the_file_diffs_from_dev_null(tmp_path: Path) -> None:
    """No context file yet: the diff creates it, as `git diff` shows a new file (`--- /dev/null`),
    not as an edit of an `a/` file that does not exist."""
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    env = fakes.env()
    assert run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env).returncode == 0

    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    head = res.stdout.splitlines()[:3]
    assert head == ["--- /dev/null", "+++ b/deep-review-context.md", "@@ -0,0 +1 @@"], res.stdout
    assert (repo / "deep-review-context.md").read_text(encoding="utf-8") == (
        f"- `calc.py`: Division by zero is not handled — {REASON}\n"
    )


def test_context_apply_without_a_terminal_refuses_before_asking(tmp_path: Path) -> None:
    """In CI (stdin is /dev/null) there is nobody to answer: exit 2 with how to go on, not
    the prompt and an "interrupted" 130."""
    repo, env, rid = _declined_round(tmp_path)
    res = run_cli(["context", "apply", rid], cwd=repo, env=env, in_process=False)
    assert res.returncode == 2, res.stderr
    assert "interrupted" not in res.stderr and "[y/N]" not in res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert line.endswith("pass --yes to write it without asking")
    assert "Division" not in (repo / "deep-review-context.md").read_text(encoding="utf-8")
    # --yes is the way: it writes without a terminal.
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env, in_process=False)
    assert res.returncode == 0, res.stderr
    assert "Division" in (repo / "deep-review-context.md").read_text(encoding="utf-8")
    # The line is no lead's proposal but the series' "by design" decline: the output says so.
    assert '(1 "by design" decline of this series, from' in res.stdout, res.stdout
    assert '1 written (1 from "by design" declines), 0 skipped' in res.stdout, res.stdout


def test_end_of_input_at_the_prompt_means_no(tmp_path: Path) -> None:
    repo, env, rid = _declined_round(tmp_path)
    res = run_in_terminal(["context", "apply", rid], cwd=repo, env=env, keys=b"\x04")
    assert res.returncode == 0, res.stderr
    assert "interrupted" not in res.stderr
    assert res.stderr.strip().endswith("Nothing written.")
    assert "Division" not in (repo / "deep-review-context.md").read_text(encoding="utf-8")


def test_context_apply_of_an_unknown_review_is_exit_2(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    res = run_cli(["context", "apply", "20200101-000000-x"], cwd=repo, env=fakes.env())
    assert res.returncode == 2 and "no review '20200101-000000-x'" in res.stderr


def test_lead_proposals_parse_into_edits() -> None:
    assert parse_update('[repo] Add: "Retries are idempotent." Why: asked twice') == ContextEdit(
        add="Retries are idempotent."
    )
    assert parse_update('[repo] Change: "cents" → "minor units" Why: EUR') == ContextEdit(
        old="cents", new="minor units"
    )
    assert parse_update("Consider documenting retries") is None
    text, skipped = apply_edits(
        "- Money is in cents.\n",
        [ContextEdit(old="cents", new="minor units"), ContextEdit(old="absent", new="x")],
    )
    assert text == "- Money is in minor units.\n"
    assert skipped == ['Change: "absent" (not found in the file)']
    assert apply_edits("", [ContextEdit(add="First line")]) == ("- First line\n", [])


def test_context_apply_from_another_repository_is_refused(tmp_path: Path) -> None:
    """The store is shared (`DEEP_REVIEW_STORE`), the current repository is not the one the
    review is of: its proposals are for that repository's file, so nothing is written here."""
    repo, env, rid = _declined_round(tmp_path)
    odd = tmp_path / "odd"
    odd.mkdir()
    git(odd, "init", "-q", "-b", "main")
    write(odd, "README.md", "odd\n")
    commit_all(odd, "Initial commit")

    res = run_cli(["context", "apply", rid, "--yes"], cwd=odd, env=env)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"review {rid} is of repository repo" in line and "cd" in line, line
    assert str(repo) in line, line
    assert not (odd / "deep-review-context.md").exists()
    assert git(odd, "status", "--porcelain") == ""
    # --repo names the repository to write into: the same refusal from anywhere
    res = run_cli(["context", "apply", rid, "--yes", "--repo", str(odd)], cwd=repo, env=env)
    assert res.returncode == 2 and "is of repository repo" in res.stderr, res.stderr
    # In the review's own repository it writes.
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "Division" in (repo / "deep-review-context.md").read_text(encoding="utf-8")


def test_context_show_without_the_file_gives_the_whole_command_that_starts_one(
    tmp_path: Path,
) -> None:
    """The hint is a command to paste: `deep-review context apply ID`, not `context apply ID`
    (no such program)."""
    repo = make_repo(tmp_path)
    res = run_cli(["context", "show"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "`deep-review context apply ID` can start one" in res.stdout + res.stderr
