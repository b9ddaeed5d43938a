"""The store's own files beside the reports (`index.html`, `declines.json`) are no review's
report files: through the real `deep-review` command, `index` and `declines` given as a review
ID are unknown IDs, as any other (exit 2, one line), and nothing of the store is removed.
Before, `delete declines --yes` removed the store's declines backup, and `show`/`open` of them
sent the user to `delete` or `resume` them."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.first_round import first_round
from support.repos import run_cli


@pytest.mark.parametrize("name", ["declines", "index"])
def test_a_store_file_is_no_review(tmp_path: Path, name: str) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    env = fakes.env()
    declined = run_cli(["decline", rid, "I1", "--reason", "by design"], cwd=repo, env=env)
    assert declined.returncode == 0, declined.stderr
    own = [fakes.store / "declines.json", fakes.store / "index.html"]
    before = {path: path.read_bytes() for path in own}
    commands = [
        ["delete", name, "--yes"],
        ["show", name],
        ["show", name, "--format", "json"],
        ["open", name],
        ["resume", name],
        ["relead", name],
    ]
    for args in commands:
        res = run_cli(args, cwd=repo, env=env)
        assert res.returncode == 2, (args, res.returncode, res.stdout, res.stderr)
        lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, (args, res.stderr)
        assert f"no review {name!r} in " in lines[0], (args, lines[0])
        assert f"delete {name}" not in res.stderr and f"resume {name}" not in res.stderr
    assert {path: path.read_bytes() for path in own if path.is_file()} == before
    listed = run_cli(["declines"], cwd=repo, env=env)
    assert "by design" in listed.stdout, listed.stdout + listed.stderr
