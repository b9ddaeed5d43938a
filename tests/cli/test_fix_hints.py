"""One-line refusals that say where the offending setting came from and how to fix it, through
the real `deep-review` command (README walk-through, trial 30)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

RANGE = "main..feature/x"


def _seat_only(repo: Path, env: dict[str, str], tmp: Path, *extra: str) -> tuple[int, str]:
    args = ["review", RANGE, *extra, "--seat-only", "gemini", "--out", str(tmp / "out")]
    res = run_cli(args, cwd=repo, env=env)
    return res.returncode, res.stderr


@pytest.mark.parametrize(
    ("source", "named", "fix"),
    [
        ("cli", "(claude, codex), which --agents", "add it to --agents or drop --agents"),
        ("env", "(codex), which DEEP_REVIEW_AGENTS", "add it to DEEP_REVIEW_AGENTS or unset it"),
        ("config", "(codex), which [review] agents (", "add it there, or pass --agents"),
    ],
)
def test_seat_only_outside_the_seats_names_where_they_came_from(
    tmp_path: Path, source: str, named: str, fix: str
) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    extra: tuple[str, ...] = ()
    if source == "cli":
        extra = ("--agents", "claude,codex")
    elif source == "env":
        env["DEEP_REVIEW_AGENTS"] = "codex"
    else:
        (tmp_path / "user-config.toml").write_text('[review]\nagents = ["codex"]\n')
    code, err = _seat_only(repo, env, tmp_path, *extra)
    assert code == 2, err
    line = err.strip().splitlines()[-1]
    assert f"--seat-only gemini: not one of the review's seats {named}" in line, line
    assert fix in line, line
    if source == "config":
        assert "[review] agents (user config)" in line
    assert not (tmp_path / "out").exists()


def test_a_review_key_at_the_top_of_a_config_file_says_it_belongs_under_review(
    tmp_path: Path,
) -> None:
    """README: `--store DIR` (or `store = ...` in a config file's [review] section)."""
    repo = make_repo(tmp_path)
    config = tmp_path / "user-config.toml"
    config.write_text(f'store = "{tmp_path / "x"}"\n', encoding="utf-8")
    res = run_cli(["list"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"{config}: unknown key 'store'" in line, line
    assert "it belongs under [review]" in line, line


@pytest.mark.parametrize("command", [["list"], ["show", "X"], ["resume", "X"], ["delete", "X"]])
def test_a_store_reader_outside_a_repository_says_to_pass_store(
    tmp_path: Path, command: list[str]
) -> None:
    """The default store is per repository; a named one is read from anywhere: the line says
    both ways out, and nothing about reviewing."""
    outside = tmp_path / "outside"
    outside.mkdir()
    env = cli_env(tmp_path)
    del env["DEEP_REVIEW_STORE"]
    res = run_cli(command, cwd=outside, env=env)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert "is not inside a git repository" in line, line
    assert "or pass --store DIR" in line and "to review" not in line, line


def test_finish_outside_a_repository_says_it_needs_the_checkout(tmp_path: Path) -> None:
    from deepreview.errors import GitError
    from deepreview.pipeline import finish_from

    with pytest.raises(GitError) as caught:
        finish_from.checkout_root(tmp_path)
    assert "is not inside a git repository" in str(caught.value)
    assert "a checkout of the reviewed repository" in str(caught.value)


def test_every_store_option_documents_the_same_default() -> None:
    """`stats` honours [review] store like the others: its --help says so too."""
    from deepreview.cli import main

    helps = {}
    for name, (module, attr, _) in main._COMMANDS.items():
        cmd = getattr(__import__(module, fromlist=[attr]), attr)
        subs = cmd.commands.values() if isinstance(cmd, click.Group) else [cmd]
        for sub in subs:
            for p in sub.params:
                if "--store" in getattr(p, "opts", ()):
                    helps[f"{name} {sub.name}"] = p.help
    assert len(helps) > 8, helps
    assert len(set(helps.values())) == 1, helps
    assert "[review] store" in next(iter(helps.values()))


@pytest.mark.parametrize("command", [["review", RANGE], ["publish", "X"]])
@pytest.mark.parametrize(
    ("name", "why", "fix"),
    [
        ("missing.toml", "no such file", "create it or fix the path"),
        ("/dev/null", "not a regular file (a device)", "name a TOML file"),
        ("folder", "not a regular file (a folder)", "name a TOML file"),
    ],
)
def test_a_config_option_that_names_no_file_says_how_to_fix_it(
    tmp_path: Path, command: list[str], name: str, why: str, fix: str
) -> None:
    repo = make_repo(tmp_path)
    (tmp_path / "folder").mkdir()
    path = Path(name) if name.startswith("/") else tmp_path / name
    res = run_cli([*command, "--config", str(path)], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"--config {path}: {why}; {fix}" in line, line
    assert line.endswith("or drop --config"), line


def test_finish_config_naming_a_folder_is_not_a_click_usage_error(tmp_path: Path) -> None:
    """`finish` checks its results first; its --config is then checked as `review`'s is, not
    refused by Click with a usage block before anything else."""
    repo = make_repo(tmp_path)
    res = run_cli(
        ["finish", "--from", ".", "--config", str(tmp_path)], cwd=repo, env=cli_env(tmp_path)
    )
    assert res.returncode == 2 and "Invalid value" not in res.stderr, res.stderr


def _one_commit_repo(tmp: Path) -> Path:
    repo = tmp / "one"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "a.py", "x = 1\n")
    commit_all(repo, "first")
    return repo


def test_a_range_before_the_first_commit_says_the_history_is_one_commit(tmp_path: Path) -> None:
    """The Quick start's `HEAD~1..HEAD` in a repository of one commit: not a typo to look up
    with `git branch -a`, but a commit with no parent."""
    repo = _one_commit_repo(tmp_path)
    res = run_cli(["review", "HEAD~1..HEAD", "--agents", "static"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert "unknown ref 'HEAD~1'" in line and "git branch -a" not in line, line
    assert "HEAD's history has one commit" in line and "no parent" in line, line


def test_uncommitted_with_a_clean_work_tree_says_so(tmp_path: Path) -> None:
    repo = _one_commit_repo(tmp_path)
    res = run_cli(
        ["review", "--uncommitted", "--agents", "static"], cwd=repo, env=cli_env(tmp_path)
    )
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert "nothing to review: the work tree on main has no uncommitted changes" in line, line


def test_delete_counts_what_it_removed_in_good_english(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    review = run_cli(
        ["review", RANGE, "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env
    )
    assert review.returncode == 0, review.stderr
    rid = review.json()["review_id"]
    res = run_cli(["delete", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "files and folders removed" not in res.stdout, res.stdout
    assert "removed: the folder and" in res.stdout, res.stdout
