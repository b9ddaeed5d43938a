"""`deep-review reindex` of an index that is no database says what became of the declines: they
come back from the store's `declines.json`. Before, its note said "the declines recorded in it
are lost (`deep-review decline` records them again)" while `declines` still listed every one,
so a user recorded them all again for nothing. A store with no `declines.json` (written before
that file existed) still hears that they are lost."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import run_cli


def _declined(tmp_path: Path) -> tuple[Fakes, Path, dict[str, str]]:
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    env = fakes.env()
    done = run_cli(["decline", rid, "I1", "--reason", "by design: kept"], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    (fakes.store / "index.sqlite").write_bytes(b"garbage, not a database\n" * 10)
    return fakes, repo, env


def test_reindex_says_the_declines_came_back(tmp_path: Path) -> None:
    _fakes, repo, env = _declined(tmp_path)
    res = run_cli(["reindex"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "lost" not in res.stderr, res.stderr
    assert "1 decline" in res.stderr and "declines.json" in res.stderr, res.stderr
    listed = run_cli(["declines", "--json"], cwd=repo, env=env).json()["declines"]
    assert [d["reason"] for d in listed] == ["by design: kept"]


def test_reindex_without_a_declines_file_says_they_are_lost(tmp_path: Path) -> None:
    fakes, repo, env = _declined(tmp_path)
    (fakes.store / "declines.json").unlink()  # a store from before the file was written
    res = run_cli(["reindex"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "declines recorded in it are lost" in res.stderr, res.stderr
