"""A decline survives what a PR's life does to the store and the history: the declined
review's commit rewritten away (a force push, a fresh CI clone), the index deleted, the
finding declined a second time."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, git, run_cli, write
from support.rounds import ROUND1, make_branch_repo, rewrite_history, run_round, stored

REASON = "by design: callers validate the divisor"


def test_a_decline_whose_commit_is_gone_stays_declined_when_its_lines_are_as_they_were(
    tmp_path: Path,
) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    old_sha = git(repo, "rev-parse", "HEAD")
    res = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    rewrite_history(repo)
    assert git(repo, "cat-file", "-t", old_sha, check=False) != "commit"

    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    md = stored(fakes, rid2, ".md")
    assert "(declined, code changed)" not in md
    assert "Division by zero" not in md.split("## Important Issues", 1)[1].split("##", 1)[0]
    declined = md.split("### Declined in prior rounds", 1)[1]
    assert "the code there changed" not in declined
    data = json.loads(stored(fakes, rid2, ".json"))
    assert data["round_info"]["declined"][0]["code_changed"] is False

    # The declined lines change after all: the stored text no longer matches, it reopens.
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return (a / b)\n")
    commit_all(repo, "Parenthesise")
    rid3 = run_round(fakes, repo, ROUND1)["review_id"]
    assert "(declined, code changed)" in stored(fakes, rid3, ".md")


def test_a_deleted_index_keeps_the_store_declines(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    (fakes.store / "index.sqlite").unlink()
    listed = run_cli(["declines"], cwd=repo, env=fakes.env())
    assert listed.returncode == 0, listed.stderr
    assert f"{rid1} I1  calc.py:3" in listed.stdout, listed.stdout
    # and a rebuild by `reindex` keeps them too
    (fakes.store / "index.sqlite").unlink()
    res = run_cli(["reindex"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    listed = run_cli(["declines"], cwd=repo, env=fakes.env())
    assert f"{rid1} I1  calc.py:3" in listed.stdout, listed.stdout
    # an undecline is remembered as well: the rebuilt index does not bring it back
    res = run_cli(["undecline", rid1, "I1"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    (fakes.store / "index.sqlite").unlink()
    listed = run_cli(["declines"], cwd=repo, env=fakes.env())
    assert "No declined findings" in listed.stdout, listed.stdout


def test_declining_a_finding_again_says_it_replaced_the_reason(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    first = run_cli(["decline", rid1, "I1", "--reason", "first"], cwd=repo, env=fakes.env())
    assert first.returncode == 0, first.stderr
    assert "replaced" not in first.stdout
    again = run_cli(["decline", rid1, "I1", "--reason", "second"], cwd=repo, env=fakes.env())
    assert again.returncode == 0, again.stderr
    assert "(replaced reason: first)" in again.stdout, again.stdout


def test_relead_of_a_review_whose_commit_is_gone_is_one_line_and_exit_2(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    old_sha = git(repo, "rev-parse", "HEAD")
    rewrite_history(repo)
    res = run_cli(["relead", rid1, "--force"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert f"reviewed commit {old_sha[:12]}" in res.stderr, res.stderr
    assert "no longer in the repository" in res.stderr
    assert "bad object" not in res.stderr


def test_a_declined_finding_left_out_names_the_id_it_was_raised_under(tmp_path: Path) -> None:
    """The report's IDs skip the left-out finding's (its retro may cite it): the Declined entry
    says which ID it was, so no ID the report cites is nowhere in it."""
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "notes.txt", "unrelated\n")
    commit_all(repo, "Add notes")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    md = stored(fakes, rid2, ".md")
    declined = md.split("### Declined in prior rounds", 1)[1].split("\n#", 1)[0]
    assert "(raised again as I1 of this round, left out as declined)" in declined, declined
    data = json.loads(stored(fakes, rid2, ".json"))
    assert data["round_info"]["declined"][0]["left_out_as"] == "I1"


def test_a_decline_without_kept_lines_whose_commit_is_gone_stays_declined_and_says_so(
    tmp_path: Path,
) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    # As a decline recorded before the lines' text was kept.
    db = sqlite3.connect(fakes.store / "index.sqlite")
    with db:
        db.execute("UPDATE declines SET lines = NULL")
    db.close()
    rewrite_history(repo)
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    md = stored(fakes, rid2, ".md")
    assert "(declined, code changed)" not in md
    declined = md.split("### Declined in prior rounds", 1)[1]
    assert "(not compared with the code: its review's commit is gone" in declined, declined
    data = json.loads(stored(fakes, rid2, ".json"))
    assert data["round_info"]["declined"][0]["uncompared"] is True


def test_relead_of_a_gone_commit_names_no_remote_the_repository_lacks(tmp_path: Path) -> None:
    """Trial 43: the advice was `git fetch origin SHA` in a repository with no `origin`."""
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    rewrite_history(repo)
    res = run_cli(["relead", rid1, "--force"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    assert "origin" not in res.stderr, res.stderr
    assert "no remote to fetch it from" in res.stderr and "review the branch again" in res.stderr

    git(repo, "remote", "add", "upstream", str(tmp_path / "nowhere.git"))
    res = run_cli(["relead", rid1, "--force"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    assert "`git fetch upstream " in res.stderr and "origin" not in res.stderr, res.stderr


def test_declining_an_unknown_id_of_a_long_review_lists_its_ids_as_ranges(tmp_path: Path) -> None:
    """Trial 43: the one-line error listed every ID of a 2000-finding review (15 KB)."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    items = "\n".join(
        f"S{n}. **Name {n} is vague** — `calc.py:{n % 3 + 1}` (suggestion, naming)\n\n"
        f"Rename thing number {n} so it says what it holds.\n"
        for n in range(1, 401)
    )
    review = ROUND1.split("### Suggestions", 1)[0] + "### Suggestions\n\n" + items
    rid = run_round(fakes, repo, review)["review_id"]
    res = run_cli(["decline", rid, "S999", "--reason", "x"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert "its findings: I1, S1–S400" in res.stderr, res.stderr[:500]
    assert len(res.stderr) < 400, len(res.stderr)
