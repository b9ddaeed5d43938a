"""A review named by its report file or folder, as tab completion in the store gives it
(`show ID.md`, `open ID/`, `delete ./ID.json`), is answered with the ID it names. Before, "no
review 'ID.md' … see `deep-review list` for IDs", as if the review were not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.parametrize("spelling", ["{id}.md", "{id}.json", "{id}/", "./{id}.sarif"])
def test_an_id_spelt_as_its_file_is_offered_the_id(tmp_path: Path, spelling: str) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    given = spelling.format(id=rid)
    shown = run_cli(["show", given], cwd=repo, env=env)
    assert (shown.returncode, shown.stdout) == (2, "")
    (line,) = shown.stderr.strip().splitlines()
    assert f"did you mean {rid}?" in line, line
    assert "names review" in line, line
    # never taken for the review: `delete` would remove it
    gone = run_cli(["delete", given, "--yes"], cwd=repo, env=env)
    assert gone.returncode == 2
    assert run_cli(["show", rid], cwd=repo, env=env).returncode == 0
