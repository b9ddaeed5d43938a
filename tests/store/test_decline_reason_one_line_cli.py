"""A decline's reason is one line wherever it shows: `declines` lists one decline a line, the
next round's report one bullet a decline, a PR reply one paragraph. A reason typed over
several lines (`--reason "$(cat why.txt)"`, a pasted paragraph) is kept as one line, its
words joined by single spaces; before, `declines` split a decline over lines and the report's
bullet broke into paragraphs (a `## …` line in it read as a heading)."""

from __future__ import annotations

from pathlib import Path

from support.repos import commit_all, make_repo, run_cli, write
from support.review_seat import REVIEW_FAST, fast_seat

REASON = "by design:\n\n## retries are idempotent\n\t(see ADR 7)  \n"
ONE_LINE = "by design: ## retries are idempotent (see ADR 7)"


def test_a_reason_over_several_lines_is_stored_and_shown_as_one(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = fast_seat(tmp_path).env()
    args = REVIEW_FAST
    first = run_cli(args, cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    rid = first.json()["review_id"]

    res = run_cli(["decline", rid, "C1", "--reason", REASON], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().endswith(f": {ONE_LINE}"), res.stdout
    assert len(res.stdout.strip().splitlines()) == 1, res.stdout

    listed = run_cli(["declines"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.strip().splitlines()
    assert line.endswith(f"— {ONE_LINE}"), line
    as_json = run_cli(["declines", "--json"], cwd=repo, env=env)
    assert [d["reason"] for d in as_json.json()["declines"]] == [ONE_LINE]

    write(repo, "notes.txt", "a later commit\n")
    commit_all(repo, "Add notes")
    second = run_cli(args, cwd=repo, env=env)
    assert second.returncode == 0, second.stderr
    md = Path(second.json()["paths"]["md"]).read_text(encoding="utf-8")
    bullets = [ln for ln in md.splitlines() if "declined round 1" in ln]
    assert len(bullets) == 1 and ONE_LINE in bullets[0], md
    assert "#### retries are idempotent" not in md
