"""Applying a fix writes nothing through the change's files, through the real `deep-review review
--allow-exec --check-fixes`: the diff deep-review hands `git apply` never lands in the scratch
worktree, where the change could have put a symlink (to a file of the user's) or a folder of the
same name."""

from __future__ import annotations

import json
import os
from pathlib import Path

from support.proof_repos import GOOD_FIX, make_python_repo, review_text, seat_config
from support.repos import commit_all, run_cli

REVIEW = ["review", "--agents", "bot", "--lead", "none", "--json", "--allow-exec", "--check-fixes"]
# Runs no test framework: passes with and without the fix.
IMPORT_CHECK = "python -c 'import ages; assert ages.is_adult(18)'"
PATCH_NAME = ".git-deep-review-fix.diff"  # where the diff was written before


def _badge(repo: Path, env: dict[str, str]) -> str:
    res = run_cli([*REVIEW, "--test-cmd", IMPORT_CHECK], cwd=repo, env=env, timeout=240)
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    check = report["findings"][0]["fix_check"]
    assert check is not None
    return str(check["tests"]) + " / " + str(check["applies"])


def test_a_symlink_the_change_commits_is_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("the user's own file\n", encoding="utf-8")
    repo = make_python_repo(tmp_path, strong=True)
    os.symlink(victim, repo / PATCH_NAME)
    commit_all(repo, "A link where the fix diff used to go")
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX)]))
    assert _badge(repo, env) == "pass / True"
    assert victim.read_text(encoding="utf-8") == "the user's own file\n"


def test_a_folder_the_change_commits_in_its_place_does_not_stop_the_check(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    (repo / PATCH_NAME).mkdir()
    (repo / PATCH_NAME / "keep").write_text("x\n", encoding="utf-8")
    commit_all(repo, "A folder where the fix diff used to go")
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX)]))
    assert _badge(repo, env) == "pass / True"
