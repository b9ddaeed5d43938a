"""`stats --csv` is read by a spreadsheet, which runs a cell that starts with `=`, `+`, `-` or
`@` as a formula. A seat's `display_name` and `model_label` are harmless keys the reviewed
repository's `.deep-review.toml` may set (read untrusted): written as given, a base branch's
`display_name = "=HYPERLINK(...)"` became a live link, or worse, in the maintainer's sheet.
Such a cell is written as text (a leading `'`); `--json` keeps the name as it is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from support.repos import cli_env, commit_on_base, make_repo, run_cli

NAME = '=HYPERLINK("http://evil.example","open")'
LABEL = "@SUM(1+1)"


def test_a_formula_in_a_seat_name_is_text_in_the_csv(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    config = f"[seats.static]\ndisplay_name = '{NAME}'\nmodel_label = '{LABEL}'\n"
    commit_on_base(repo, ".deep-review.toml", config, "seat names")
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr

    table = run_cli(["stats", "--csv"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    (row,) = list(csv.DictReader(io.StringIO(table.stdout)))
    assert row["name"] == f"'{NAME}" and row["model"] == f"'{LABEL}", row
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@")), row
    # numbers stay numbers, and the JSON says the names as configured
    assert row["reviews"] == "1"
    data = run_cli(["stats", "--json"], cwd=repo, env=env).json()
    (seat,) = data["seats"]
    assert seat["name"] == NAME and seat["model"] == LABEL, seat
