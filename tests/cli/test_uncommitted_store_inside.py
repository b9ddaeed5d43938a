"""A review store inside the checkout (`--store reviews`, the README's own example) is never part
of a change: through the real `deep-review` command, `review --uncommitted` reviews the user's
edits only, says "nothing to review" when the store is all that is new, and a branch review
does not count the store as an uncommitted change it leaves out. Before, the store's reports,
prompts and transcripts were reviewed as the user's work (and grew with every review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import git, make_repo, write


def _store_args(repo: Path, how: str, fakes: Fakes) -> tuple[list[str], dict[str, str]]:
    if how == "option":
        return ["--store", "reviews"], fakes.env()
    return [], fakes.env({"DEEP_REVIEW_STORE": str(repo / "nested" / "reviews")})


@pytest.mark.slow  # four reviews
@pytest.mark.parametrize("how", ["option", "env"])
def test_a_store_inside_the_checkout_is_no_uncommitted_change(tmp_path: Path, how: str) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    args, env = _store_args(repo, how, fakes)
    first = fakes.review(repo, "--agents", "static", *args, env=env)
    assert first.returncode == 0, first.stderr
    # the store is all the work tree has that is new: a branch review leaves nothing out
    again = fakes.review(repo, "--agents", "static", *args, env=env)
    assert again.returncode == 0, again.stderr
    assert "uncommitted" not in again.stderr, again.stderr

    write(repo, "calc.py", "def add(a, b):\n    return a + b  # wip\n")
    edited = fakes.review(repo, "--uncommitted", "--agents", "static", *args, env=env)
    assert edited.returncode == 0, edited.stderr
    assert "Reviewing uncommitted changes on feature/x (1 file)" in edited.stderr, edited.stderr
    rid = edited.json()["review_id"]
    store = repo / "reviews" if how == "option" else repo / "nested" / "reviews"
    prompt = (store / rid / "prompt-static.md").read_text(encoding="utf-8")
    assert "`calc.py`" in prompt and "prompt-static.md" not in prompt

    git(repo, "checkout", "-q", "--", "calc.py")
    clean = fakes.review(repo, "--uncommitted", "--agents", "static", *args, env=env)
    assert clean.returncode == 2, (clean.stdout, clean.stderr)
    assert "nothing to review: the work tree on feature/x has no uncommitted changes" in (
        clean.stderr
    )


def test_a_seat_only_result_folder_inside_the_checkout_is_no_change(tmp_path: Path) -> None:
    """What `--seat-only --out DIR` wrote there earlier is deep-review's, not the user's."""
    repo = make_repo(tmp_path)
    write(repo, "ci-out/codex/seat-result.json", "{}\n")
    write(repo, "ci-out/codex/review-codex-pass-1.md", "## Findings\n")
    fakes = Fakes(tmp_path)
    clean = fakes.review(repo, "--uncommitted", "--agents", "static")
    assert clean.returncode == 2 and "nothing to review" in clean.stderr, clean.stderr
    write(repo, "calc.py", "def add(a, b):\n    return a + b  # wip\n")
    edited = fakes.review(repo, "--uncommitted", "--agents", "static")
    assert edited.returncode == 0, edited.stderr
    assert "Reviewing uncommitted changes on feature/x (1 file)" in edited.stderr, edited.stderr
