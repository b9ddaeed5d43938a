"""An ID that names no stored review, through the real command: the line says how to find the
IDs (`deep-review list`), and an ID that is only the start of stored IDs (their date, typed
from `list`'s first column) names the reviews it begins, rather than only "no review" (which
read as if there were none to find)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.first_round import first_round
from support.repos import run_cli
from support.rounds import ROUND1, run_round

pytestmark = pytest.mark.slow  # real reviews first

COMMANDS = (["show"], ["show", "--format", "json"], ["open"], ["delete", "--yes"], ["publish"])


def test_an_id_that_begins_two_reviews_names_them(tmp_path: Path) -> None:
    fakes, repo, round1 = first_round(tmp_path)
    first: str = round1["review_id"]
    second: str = run_round(fakes, repo, ROUND1)["review_id"]
    prefix = first[:8]  # the date both begin with
    assert second.startswith(prefix)
    for command in COMMANDS:
        res = run_cli([command[0], prefix, *command[1:]], cwd=repo, env=fakes.env())
        assert res.returncode == 2, (command, res.stderr)
        [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
        assert f"no review '{prefix}'" in line, line
        assert first in line and second in line, line
        assert "give the whole ID" in line and "deep-review list" in line, line
    # Only one: named as the one meant, still not taken for it (`delete` would remove it).
    # The later ID cut by one character begins only it, whether the two share their second
    # (`…-feature-2`) or not.
    one = second[:-1]
    res = run_cli(["show", one], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    assert f"did you mean {second}?" in res.stderr, res.stderr
    assert (fakes.store / first).is_dir() and (fakes.store / second).is_dir()


def test_an_id_that_begins_none_says_where_ids_are(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    res = run_cli(["show", "nope"], cwd=repo, env=fakes.env())
    assert res.returncode == 2
    assert "no review 'nope'" in res.stderr and "`deep-review list" in res.stderr, res.stderr
