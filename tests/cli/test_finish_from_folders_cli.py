"""`finish` given its seat results where it does not read them: the folder the artifacts were
downloaded into (one folder per seat inside, as `actions/download-artifact` lays them out), or
the result folders without `--from` (the usage line shows them as `[DIR...]`). The one line
names the `--from` to pass; followed, the review is finished."""

from __future__ import annotations

import shlex
from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def _results(tmp_path: Path) -> tuple[Path, dict[str, str], Path]:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    downloads = tmp_path / "seat results"
    res = run_cli(
        [
            "review",
            "--seat-only",
            "static",
            "--agents",
            "static",
            "--out",
            str(downloads / "static"),
        ],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    return repo, env, downloads


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_from_the_folder_holding_the_results_names_them(tmp_path: Path) -> None:
    repo, env, downloads = _results(tmp_path)
    res = run_cli(["finish", "--from", str(downloads), "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    given = f"--from {shlex.quote(str(downloads / 'static'))}"
    assert f"`{given}`" in line, line
    done = run_cli(["finish", *shlex.split(given), "--lead", "none"], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr


def test_result_folders_without_from_name_the_from_to_pass(tmp_path: Path) -> None:
    repo, env, downloads = _results(tmp_path)
    folder = str(downloads / "static")
    res = run_cli(["finish", folder, "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    line = _one_line(res.stderr)
    assert f"`deep-review finish --from {shlex.quote(folder)}`" in line, line
    assert not (tmp_path / "store").exists()  # nothing written
