"""Config files that cannot be used: one line on stderr naming the file, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, git, make_repo, run_cli, write


def _one_line(res, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("how", ["doctor", "review", "review --config"])
def test_a_config_file_that_is_not_utf8(tmp_path: Path, how: str) -> None:
    repo = make_repo(tmp_path)
    bad = tmp_path / "f.toml"
    bad.write_bytes(b"\xff\xfe[review]\n")
    if how == "review --config":
        env = cli_env(tmp_path)
        args = ["review", "--agents", "static", "--lead", "none", "--config", str(bad)]
    else:
        env = cli_env(tmp_path, {"DEEP_REVIEW_CONFIG": str(bad)})
        args = ["doctor"] if how == "doctor" else ["review", "--agents", "static", "--lead", "none"]
    res = run_cli(args, cwd=repo, env=env)
    _one_line(res, str(bad), "UTF-8")
    assert not (tmp_path / "store").exists()


def test_trust_of_a_utf16_repo_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    write(repo, ".deep-review.toml", '[review]\nlead = "none"\n'.encode("utf-16"))
    commit_all(repo, "config in UTF-16")
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "rebase", "-q", "main")
    env = cli_env(tmp_path)
    res = run_cli(["trust"], cwd=repo, env=env)
    _one_line(res, ".deep-review.toml", "UTF-8")
    # a review reads the same file from the base revision: also one line, not a crash
    args = ["review", "--agents", "static", "--lead", "none"]
    _one_line(run_cli(args, cwd=repo, env=env), ".deep-review.toml")


def test_a_seat_with_an_empty_argv(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    Path(env["DEEP_REVIEW_CONFIG"]).write_text("[seats.odd]\nargv = []\n", encoding="utf-8")
    res = run_cli(["review", "--agents", "odd,static", "--lead", "none"], cwd=repo, env=env)
    _one_line(res, "seats.odd.argv", "empty")
    assert "unknown seat" not in res.stderr


def test_deep_review_config_naming_a_missing_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    missing = tmp_path / "nowhere" / "config.toml"
    env = cli_env(tmp_path, {"DEEP_REVIEW_CONFIG": str(missing)})
    for args in (["review", "--agents", "static", "--lead", "none"], ["doctor"]):
        res = run_cli(args, cwd=repo, env=env)
        _one_line(res, "DEEP_REVIEW_CONFIG", str(missing), "no such file")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("kind", ["device", "folder"])
def test_a_config_path_that_is_no_regular_file(tmp_path: Path, kind: str) -> None:
    """`/dev/null` or a folder exists, so "no such file" would send the user looking for a
    typo: the line says what the path is instead."""
    repo = make_repo(tmp_path)
    path = Path("/dev/null") if kind == "device" else tmp_path / "conf.d"
    if kind == "folder":
        path.mkdir()
    what = "a device" if kind == "device" else "a folder"
    env = cli_env(tmp_path, {"DEEP_REVIEW_CONFIG": str(path)})
    for args in (["review", "--agents", "static", "--lead", "none"], ["doctor"]):
        res = run_cli(args, cwd=repo, env=env)
        _one_line(res, f"DEEP_REVIEW_CONFIG={path}", f"not a regular file ({what})")
        assert "no such file" not in res.stderr
    review = ["review", "--agents", "static", "--lead", "none", "--config", str(path)]
    res = run_cli(review, cwd=repo, env=cli_env(tmp_path))
    _one_line(res, f"--config {path}", f"not a regular file ({what})", "or drop --config")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        # kind names a built-in agent, which runs its own CLI: the argv would be dropped
        ('[seats.mine]\nargv = ["x"]\nkind = "claude"\n', ["seats.mine.argv", 'kind = "claude"']),
        # a command seat runs argv as given: binary and extra_args would be dropped
        ('[seats.mine]\nargv = ["x"]\nbinary = "/opt/x"\n', ["seats.mine.binary", "argv"]),
        ('[seats.mine]\nargv = ["x"]\nextra_args = ["-v"]\n', ["seats.mine.extra_args", "argv"]),
        # `--model claude=` is refused; the same empty model in a file was the default model
        ('[seats.claude]\nmodel = ""\n', ["seats.claude.model", "empty"]),
        ('[seats.claude]\nmodel = "  "\n', ["seats.claude.model", "empty"]),
        ('[seats.mine]\nargv = ["x"]\nkind = ""\n', ["seats.mine.kind", "empty"]),
    ],
)
def test_a_seat_setting_that_would_be_ignored(
    tmp_path: Path, text: str, needles: list[str]
) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    config = Path(env["DEEP_REVIEW_CONFIG"])
    config.write_text(text, encoding="utf-8")
    res = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    _one_line(res, str(config), *needles)
    assert not (tmp_path / "store").exists()


def test_a_kind_and_an_argv_from_two_files(tmp_path: Path) -> None:
    """The user file makes `mine` a Claude seat, `--config` gives it a program: which one runs
    is not for deep-review to guess; the line names both files."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    user = Path(env["DEEP_REVIEW_CONFIG"])
    user.write_text('[seats.mine]\nkind = "claude"\n', encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text('[seats.mine]\nargv = ["x"]\n', encoding="utf-8")
    args = ["review", "--agents", "static", "--lead", "none", "--config", str(other)]
    res = run_cli(args, cwd=repo, env=env)
    _one_line(res, str(other), str(user), "seats.mine.argv", 'kind = "claude"')
