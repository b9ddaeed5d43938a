"""`stats` reads each review's `created_at` as a time, through the real commands: one with an
offset counts on its UTC day (as the store writes them), one that is no date is left out with a
note instead of passing every `--since`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tomli_w

from support.repos import cli_env, make_repo, run_cli

SEAT = ["sh", "-c", "cat >/dev/null; echo '## Important'; echo; echo '- **a bug** - calc.py:2'"]


def test_created_at_is_read_as_a_time(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    seats = {"alpha": {"argv": SEAT}}
    (tmp_path / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp_path)
    ids = []
    for _ in range(3):
        res = run_cli(
            ["review", "--agents", "alpha", "--lead", "none", "--json"], cwd=repo, env=env
        )
        assert res.returncode in (0, 1), res.stderr[-3000:]
        ids.append(res.json()["review_id"])
    bogus, offset, _ = ids
    store = tmp_path / "store"
    for rid, when in ((bogus, "not a date"), (offset, "2027-05-31T20:00:00-07:00")):
        path = store / rid / "run.json"
        run = json.loads(path.read_text(encoding="utf-8"))
        run["created_at"] = when
        path.write_text(json.dumps(run), encoding="utf-8")
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
