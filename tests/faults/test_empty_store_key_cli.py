"""`[review] store = ""` (or only spaces) in a config file is refused as `--store ""` is: read as
a path relative to the file's folder, it named that folder itself (the user file's: refused as
a folder holding other files, or taken as the store), and `"  "` made a folder named by two
spaces beside the file. One line naming the file and the key, exit 2, nothing made."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.parametrize("value", ["", "  "])
@pytest.mark.parametrize("command", [["review", "--agents", "static", "--lead", "none"], ["list"]])
def test_an_empty_store_key_in_the_user_file_is_refused(
    tmp_path: Path, value: str, command: list[str]
) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    user = Path(env["DEEP_REVIEW_CONFIG"])
    user.write_text(f'[review]\nstore = "{value}"\n', encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    res = run_cli(command, cwd=repo, env=env)
    assert res.returncode == 2, res.stdout
    assert res.stderr.splitlines() == [
        f"deep-review: error: {user}: review.store is empty; give the store folder (e.g. "
        'store = "~/reviews") or remove the key'
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_empty_store_key_given_with_config_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    extra = tmp_path / "extra.toml"
    extra.write_text('[review]\nstore = ""\n', encoding="utf-8")
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--config", str(extra)],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2, res.stdout
    assert "review.store is empty" in res.stderr.splitlines()[-1], res.stderr
