"""`--config=~/review.toml`: the shell leaves a `~` after `=` as it is (and so does a CI file or
a Makefile), and `--store=~/reviews` already meant the home folder; `--config` reads the file
in the home folder too, not "no such file"."""

from __future__ import annotations

import sys
from pathlib import Path

import tomli_w

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli


def test_a_config_path_with_a_tilde_is_in_the_home_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    seat = {"argv": [sys.executable, str(fakes.seat_script), "ok"]}
    (home / "review.toml").write_text(tomli_w.dumps({"seats": {"mine": seat}}), "utf-8")
    env = fakes.env({"HOME": str(home)})
    res = run_cli(
        ["review", "--config=~/review.toml", "--agents", "mine", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    assert [s["seat"] for s in res.json()["seats"]] == ["mine"]
    doctor = run_cli(["doctor", "--config=~/review.toml", "--json"], cwd=repo, env=env)
    assert "mine" in {s["name"] for s in doctor.json()["seats"]}, doctor.stdout
