"""`relead` and `resume` of a review whose checkout was moved or deleted since: they read the
reviewed commits from the checkout the review recorded, and say that it is gone and where it
was — not that a rebase took the commits away (relead) nor that git could not be started
(resume), which sent the user looking for the wrong fault."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomli_w

from fakebin.harness import Fakes
from support.interrupt import interrupt_after_the_fast_seat
from support.printing_seats import one_stored_review
from support.repos import make_repo, run_cli

REVIEW = (
    "## Executive Summary\n\nChecked.\n\n## Findings\n\n### Important Issues\n\n"
    "I1. **sub ignores types** — `calc.py:5` (important, regression)\n\nBad.\n"
)


def _one_line(res_stderr: str) -> str:
    [line] = [ln for ln in res_stderr.splitlines() if ln.strip()]
    return line


def test_relead_of_a_review_whose_checkout_moved_says_where_it_was(tmp_path: Path) -> None:
    repo, env, rid = one_stored_review(tmp_path, REVIEW)
    moved = tmp_path / "moved"
    shutil.move(str(repo), str(moved))

    again = run_cli(["relead", rid, "--lead", "none"], cwd=moved, env=env)
    assert again.returncode == 2, again.stderr
    line = _one_line(again.stderr)
    assert f"checkout {repo}, which is gone" in line and "relead it" in line, line
    assert "rebase" not in line, line
    # put back where the review was made, it reruns the lead
    shutil.move(str(moved), str(repo))
    back = run_cli(["relead", rid, "--lead", "none"], cwd=repo, env=env)
    assert back.returncode == 0, back.stderr


@pytest.mark.slow  # a real process interrupted
def test_resume_of_a_review_whose_checkout_is_gone_says_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = tmp_path / "flag"
    config = tmp_path / "seats.toml"
    slow = fakes.seat("slow", "--sleep", "300", "--flag", str(flag))
    config.write_text(tomli_w.dumps({"seats": {"fast": fakes.seat("ok"), "slow": slow}}))
    rid = interrupt_after_the_fast_seat(fakes, repo, config)
    flag.write_text("go", encoding="utf-8")
    moved = tmp_path / "moved"
    shutil.move(str(repo), str(moved))

    res = run_cli(["resume", rid], cwd=moved, env=fakes.env())
    assert res.returncode == 2, res.stderr
    line = _one_line(res.stderr)
    assert f"checkout {repo}, which is gone" in line and "resume it" in line, line
    assert "could not start 'git'" not in line, line
    shutil.move(str(moved), str(repo))
    done = run_cli(["resume", rid], cwd=repo, env=fakes.env())
    assert done.returncode == 0, done.stderr
