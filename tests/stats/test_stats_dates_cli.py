"""`stats` reads each review's `created_at` as a time, through the real commands: one with an
offset counts on its UTC day (as the store writes them), one that is no date is left out with a
note instead of passing every `--since`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.dated_store import set_created_at, stored_reviews
from support.repos import run_cli


def test_created_at_is_read_as_a_time(tmp_path: Path) -> None:
    repo, env, ids = stored_reviews(tmp_path)
    bogus, offset, _ = ids
    store = tmp_path / "store"
    for rid, when in ((bogus, "not a date"), (offset, "2027-05-31T20:00:00-07:00")):
        set_created_at(store, rid, when)
    assert run_cli(["reindex"], cwd=repo, env=env).returncode == 0

    def stats(*args: str) -> dict[str, Any]:
        res = run_cli(["stats", "--json", *args], cwd=repo, env=env)
        assert res.returncode == 0, res.stderr
        data: dict[str, Any] = res.json()
        return data

    data = stats()
    assert data["reviews"] == 2, data
    assert any(n.startswith(f"Skipped {bogus}: its created_at") for n in data["notes"]), data
    assert data["last"] == "2027-06-01T03:00:00+00:00", data
    since = stats("--since", "2027-06-01")
    assert since["reviews"] == 1 and since["first"] == "2027-06-01T03:00:00+00:00", since
    assert any(n.startswith(f"Skipped {bogus}: its created_at") for n in since["notes"]), since
    assert stats("--since", "2027-06-02")["reviews"] == 0
