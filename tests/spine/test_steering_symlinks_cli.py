"""A steering file the base revision commits as a symbolic link (`CLAUDE.md -> AGENTS.md`, a
`.deep-review.toml` shared from `config/`) is read as the file it links to inside the
repository, not as the link's own text (`AGENTS.md`, which the TOML parser called invalid).
A link out of the repository is never followed: it is as if the file were not there."""

from __future__ import annotations

import os
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write


def _base_with_link(tmp_path: Path, target: str, files: dict[str, str]) -> Path:
    repo = make_repo(tmp_path)  # HEAD is feature/x
    git(repo, "checkout", "-q", "main")
    for path, text in files.items():
        write(repo, path, text)
    os.symlink(target, repo / ".deep-review.toml")
    commit_all(repo, "Shared review config")
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "merge", "-q", "--no-edit", "main")
    return repo


def test_a_config_linked_inside_the_repository_is_read(tmp_path: Path) -> None:
    # a bad value in the linked file: its error shows the file was read, as a file
    repo = _base_with_link(
        tmp_path, "config/deep-review.toml", {"config/deep-review.toml": '[review]\npasses = "x"\n'}
    )
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 2, res.stderr
    assert "bad value for 'review.passes'" in res.stderr, res.stderr
    assert "not valid TOML" not in res.stderr


def test_a_config_linked_out_of_the_repository_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.toml"
    outside.write_text('[review]\npasses = "x"\n', encoding="utf-8")
    repo = _base_with_link(tmp_path, str(outside), {})
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr
    assert "review.passes" not in res.stderr
    assert "not valid TOML" not in res.stderr


def test_an_instruction_file_linked_to_another_is_read_as_that_file(tmp_path: Path) -> None:
    """`CLAUDE.md -> AGENTS.md`, as many repositories keep them: its instructions reach the
    prompt as AGENTS.md's text, not as the word `AGENTS.md`."""
    repo = make_repo(tmp_path)  # AGENTS.md on main
    git(repo, "checkout", "-q", "main")
    os.symlink("AGENTS.md", repo / "CLAUDE.md")
    commit_all(repo, "CLAUDE.md is AGENTS.md")
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "merge", "-q", "--no-edit", "main")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "--json")
    assert res.returncode == 0, res.stderr
    prompt = (Path(res.json()["review_dir"]) / "prompt-static.md").read_text(encoding="utf-8")
    assert prompt.count("Base instructions: be thorough.") == 2, prompt
