"""`doctor` builds its settings as `review` does: the base revision's `.deep-review.toml`,
under the same trust rules (a review reads the repository file from the base revision)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import cli_env, commit_on_base, git, make_repo, run_cli


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_doctor_uses_the_base_revisions_repo_config(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    for cli in ("claude", "codex", "gemini"):
        fakes.agent(cli)
    env = fakes.env({"HOME": str(tmp_path / "home")}, agents=True)
    repo = make_repo(tmp_path)
    commit_on_base(
        repo, ".deep-review.toml", '[review]\nagents = ["codex"]\nlead = "none"\n', "config"
    )
    res = run_cli(["doctor", "--repo", str(repo)], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    last = res.stdout.strip().splitlines()[-1]
    assert last.startswith("A review now would run: codex; lead: none"), last
    assert "(agents from repo config)" in last  # where the panel came from
    # from inside the repository, too (the default --repo is the current directory)
    data = run_cli(["doctor", "--json"], cwd=repo, env=env).json()
    assert data["default_panel"] == ["codex"] and data["default_lead"] == "none"
    review = fakes.review(repo, env=env, lead=None)
    assert review.returncode == 0, review.stderr
    assert [s["seat"] for s in review.json()["seats"]] == ["codex"]


def _command_seat_config(tmp: Path) -> str:
    argv = [sys.executable, "-c", "print('## Executive Summary')"]
    return f'[review]\nlead = "none"\n\n[seats.repo-lint]\nargv = {json.dumps(argv)}\n'


def test_doctor_says_a_review_would_refuse_an_untrusted_repo_file(tmp_path: Path) -> None:
    env = cli_env(tmp_path, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", _command_seat_config(tmp_path), "lint seat")
    res = run_cli(["doctor", "--repo", str(repo)], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    flat = _flat(res.stdout)
    assert "A review now would run" not in flat
    assert "A review now would refuse" in flat
    assert "seats.repo-lint.argv" in flat and "deep-review trust" in flat
    data = run_cli(["doctor", "--json", "--repo", str(repo)], cwd=tmp_path, env=env).json()
    assert "deep-review trust" in data["review_refused"]
    assert data["default_panel"] is None and data["default_lead"] is None
    review = run_cli(["review"], cwd=repo, env=env)
    assert review.returncode == 2 and "is not trusted" in review.stderr


def test_doctor_lists_the_trusted_repo_files_command_seats(tmp_path: Path) -> None:
    env = cli_env(tmp_path, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    commit_on_base(repo, ".deep-review.toml", _command_seat_config(tmp_path), "lint seat")
    # trust the committed copy: the work tree holds the same content as the base revision
    assert run_cli(["trust"], cwd=repo, env=env).returncode == 0
    data = run_cli(["doctor", "--json", "--repo", str(repo)], cwd=tmp_path, env=env).json()
    seats = {s["name"]: s for s in data["seats"]}
    assert seats["repo-lint"]["usable"], seats["repo-lint"]
    assert data["default_panel"] == ["repo-lint", "static"] and data["default_lead"] == "none"
    assert data["review_refused"] is None
    text = run_cli(["doctor", "--repo", str(repo)], cwd=tmp_path, env=env)
    assert "A review now would run: repo-lint, static; lead: none" in _flat(text.stdout)


def test_doctor_on_the_base_branch_itself_reads_its_committed_file(tmp_path: Path) -> None:
    """On `main` with nothing to review, doctor still reads the committed repo file."""
    fakes = Fakes(tmp_path)
    fakes.agent("claude")
    env = fakes.env({"HOME": str(tmp_path / "home")}, agents=True)
    repo = make_repo(tmp_path)
    config = '[review]\nagents = ["static"]\nlead = "none"\n'
    commit_on_base(repo, ".deep-review.toml", config, "config")
    git(repo, "checkout", "-q", "main")
    res = run_cli(["doctor", "--repo", str(repo)], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    assert "A review now would run: static; lead: none" in _flat(res.stdout)


def test_doctor_says_the_work_tree_copy_is_not_the_one_read(tmp_path: Path) -> None:
    """As `review` and `trust` do: an edited work-tree file is ignored, and doctor's "agents
    from repo config" must not leave the user thinking it is theirs."""
    fakes = Fakes(tmp_path)
    for cli in ("claude", "codex"):
        fakes.agent(cli)
    env = fakes.env({"HOME": str(tmp_path / "home")}, agents=True)
    repo = make_repo(tmp_path)
    commit_on_base(
        repo, ".deep-review.toml", '[review]\nagents = ["codex"]\nlead = "none"\n', "config"
    )
    (repo / ".deep-review.toml").write_text('[review]\nagents = ["claude"]\n', encoding="utf-8")
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    flat = _flat(res.stdout)
    assert "A review now would run: codex; lead: none (agents from repo config)" in flat
    assert "the work tree's .deep-review.toml is not the one used" in flat
    assert "pass `--config .deep-review.toml`" in flat
    data = run_cli(["doctor", "--json"], cwd=repo, env=env).json()
    assert "is not the one used" in data["config_note"]
    # the same file as the base's: no note
    git(repo, "checkout", "--", ".deep-review.toml")
    data = run_cli(["doctor", "--json"], cwd=repo, env=env).json()
    assert data["config_note"] is None
