"""`context apply ID` of a review whose lead proposed repo context updates, through the real
command with the fake `claude` lead: every proposal is either written or listed with why not,
and a `[user]` proposal never lands in the repository under review."""

from __future__ import annotations

import os
from pathlib import Path

from lead_kit import answer, fenced, install_fake_claude, write_config

from support.repos import cli_env, commit_on_base, git, make_repo, run_cli

CONTEXT = "deep-review-context.md"
START = "# Review context\n\n- Money is in cents.\n"
REPO_ADD = '[repo] Add: "Python ints do not overflow." Why: Charlie flagged `add` (K4).'
USER_ADD = (
    '[user] Add: "I prefer findings with a failing test." Why: the author asked twice '
    f"(for {CONTEXT})"
)
VAGUE = "Document the retry policy somewhere reviewers will find it."
CHANGE_ABSENT = '[repo] Change: "amounts are floats" → "amounts are ints" Why: K2'
ALREADY = '[repo] Add: "Money is in cents." Why: K1'
SKILL = '[skill] Add: "Run the tests before judging them." Why: K3'


def _reviewed(tmp_path: Path, updates: list[str]) -> tuple[Path, dict[str, str], str]:
    repo = make_repo(tmp_path)
    commit_on_base(repo, CONTEXT, START, "Add review context")
    write_config(tmp_path / "user-config.toml")
    bin_dir = tmp_path / "bin"
    install_fake_claude(
        bin_dir, [fenced(answer(repo_context_updates=updates))], log_dir=tmp_path / "lead-log"
    )
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    args = ["review", "--agents", "alpha,bravo,charlie", "--lead", "claude", "--json"]
    res = run_cli(args, cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    return repo, env, res.json()["review_id"]


def _skipped_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("note: skipped")]


def test_every_proposal_is_written_or_listed_with_its_reason(tmp_path: Path) -> None:
    updates = [REPO_ADD, USER_ADD, VAGUE, CHANGE_ABSENT, ALREADY, SKILL]
    repo, env, rid = _reviewed(tmp_path, updates)
    user_config = (tmp_path / "user-config.toml").read_bytes()

    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr

    text = (repo / CONTEXT).read_text(encoding="utf-8")
    assert text == START + "- Python ints do not overflow.\n"
    skipped = _skipped_lines(res.stderr)
    assert len(skipped) == 5, res.stderr
    by_text = {
        "I prefer findings with a failing test.": "[user]",
        "Document the retry policy": "not an exact",
        "amounts are floats": "not found in the file",
        "Money is in cents.": "already in the file",
        "Run the tests before judging them.": "[skill]",
    }
    for needle, reason in by_text.items():
        (line,) = [ln for ln in skipped if needle in ln]
        assert reason in line, line
    (user_line,) = [ln for ln in skipped if "[user]" in ln]
    assert "your own" in user_line and "not this repository" in user_line, user_line
    assert "Wrote" in res.stdout and "1 written, 5 skipped" in res.stdout, res.stdout
    # Nothing but the context file changed in the repository; the user's config is untouched.
    assert git(repo, "status", "--porcelain") == f"M {CONTEXT}"
    assert (tmp_path / "user-config.toml").read_bytes() == user_config


def test_a_user_proposal_alone_writes_nothing_into_the_repository(tmp_path: Path) -> None:
    repo, env, rid = _reviewed(tmp_path, [USER_ADD])
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert (repo / CONTEXT).read_text(encoding="utf-8") == START
    assert git(repo, "status", "--porcelain") == ""
    (line,) = _skipped_lines(res.stderr)
    assert "I prefer findings with a failing test." in line and "[user]" in line
    assert res.stdout == (
        f"Review {rid}: nothing to write to {CONTEXT} (its 1 update was skipped: "
        "see the note above).\n"
    )


def test_updates_already_in_the_file_are_said_so(tmp_path: Path) -> None:
    """The lead proposed two lines the file has: not "proposes no changes" but what happened;
    with one more that cannot be written, both counts."""
    second = '[repo] Add: "Fees are in cents too." Why: K2'
    repo, env, rid = _reviewed(tmp_path, [ALREADY, second])
    (repo / CONTEXT).write_text(START + "- Fees are in cents too.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "Fees")
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert (
        res.stdout == f"Review {rid}: its 2 updates are already in {CONTEXT}; nothing to write.\n"
    )
    # each is still listed with why (every proposal is written or listed)
    assert len(_skipped_lines(res.stderr)) == 2, res.stderr
    assert git(repo, "status", "--porcelain") == ""

    repo, env, rid = _reviewed(tmp_path / "mixed", [ALREADY, USER_ADD])
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout == (
        f"Review {rid}: nothing to write to {CONTEXT} (1 update already in it, 1 skipped: "
        "see the notes above).\n"
    )
    assert len(_skipped_lines(res.stderr)) == 2, res.stderr


def test_a_change_whose_old_text_is_not_unique_is_skipped(tmp_path: Path) -> None:
    """`Change: "tabs" → "spaces"` where "tabs" occurs in several places: which one the lead
    meant is not known, so none is edited (not silently the first) and the skip says why."""
    repo, env, rid = _reviewed(tmp_path, ['[repo] Change: "cents" → "pennies" Why: K1'])
    start = START + "- Fees are in cents too.\n"
    (repo / CONTEXT).write_text(start, encoding="utf-8")
    git(repo, "commit", "-qam", "Fees")

    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert (repo / CONTEXT).read_text(encoding="utf-8") == start
    (line,) = _skipped_lines(res.stderr)
    assert 'Change: "cents"' in line and "old text is not unique (2 places)" in line, line
    assert f"nothing to write to {CONTEXT} (its 1 update was skipped" in res.stdout


def test_a_change_to_the_same_text_is_said_to_be_in_the_file(tmp_path: Path) -> None:
    """`Change: "Money is in cents." → "Money is in cents."`: the file already says what the
    lead wants, which is what is said (before: "nothing to write (0 updates already in it, 0
    skipped: see the note above)" with no note above). The same change of text the file does
    not have is skipped with that reason."""
    same = '[repo] Change: "Money is in cents." → "Money is in cents." Why: K1'
    repo, env, rid = _reviewed(tmp_path, [same])
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout == f"Review {rid}: its 1 update is already in {CONTEXT}; nothing to write.\n"
    (line,) = _skipped_lines(res.stderr)
    assert "Money is in cents." in line and "the same text" in line, line
    assert git(repo, "status", "--porcelain") == ""

    absent = '[repo] Change: "Fees are waived." → "Fees are waived." Why: K2'
    repo, env, rid = _reviewed(tmp_path / "absent", [absent])
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    (line,) = _skipped_lines(res.stderr)
    assert "old and new text are the same" in line and "not in the file" in line, line
    assert res.stdout == (
        f"Review {rid}: nothing to write to {CONTEXT} (its 1 update was skipped: "
        "see the note above).\n"
    )
