"""`stats` on a store whose report files were deleted or damaged by hand, through the real
commands: it counts what `list` can read, never facts cached from a report that is gone, and
says in every format which reviews it left out and why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from support.repos import CliResult, cli_env, make_repo, run_cli

SEAT = ["sh", "-c", "cat >/dev/null; echo '## Important'; echo; echo '- **a bug** - calc.py:2'"]


class _Store:
    def __init__(self, tmp: Path) -> None:
        self.repo = make_repo(tmp)
        seats = {"alpha": {"argv": SEAT}, "bravo": {"argv": SEAT}}
        (tmp / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
        self.env = cli_env(tmp)
        self.root = tmp / "store"

    def cli(self, *args: str) -> CliResult:
        return run_cli(list(args), cwd=self.repo, env=self.env)

    def review(self) -> str:
        res = self.cli("review", "--agents", "alpha,bravo", "--lead", "none", "--json")
        assert res.returncode in (0, 1), res.stderr[-3000:]
        return str(res.json()["review_id"])

    def stats(self) -> dict[str, Any]:
        res = self.cli("stats", "--json")
        assert res.returncode == 0, res.stderr[-3000:]
        data: dict[str, Any] = res.json()
        return data


@pytest.mark.slow  # five reviews and five reads of the store
def test_stats_leaves_out_reports_deleted_or_damaged_after_they_were_counted(
    tmp_path: Path,
) -> None:
    store = _Store(tmp_path)
    gone, garbled, no_run, fine = (store.review() for _ in range(4))
    assert store.stats()["reviews"] == 4  # every review's facts are cached now
    (store.root / f"{gone}.json").unlink()
    (store.root / f"{garbled}.json").write_text("garbage\n", encoding="utf-8")
    (store.root / no_run / "run.json").write_text("", encoding="utf-8")

    res = store.cli("reindex")
    assert res.returncode == 0, res.stderr
    # The folder whose run.json cannot be read keeps its row: the count says so.
    assert "3 reviews, kept 1 as indexed before" in res.stdout, res.stdout
    listed = {row["id"]: row for row in json.loads(store.cli("list", "--json").stdout)["reviews"]}
    assert set(listed) == {gone, garbled, no_run, fine}
    data = store.stats()
    assert data["reviews"] == 2, data  # `no_run` and `fine`: their reports are readable
    notes = " ".join(data["notes"])
    assert f"{gone}: its report" in notes and f"{garbled}: its report" in notes, notes

    # The index lost: the folder whose run.json cannot be read is no indexed review any more;
    # the JSON says so, not only a line on stderr.
    (store.root / "index.sqlite").unlink()
    data = store.stats()
    assert data["reviews"] == 1, data
    notes = " ".join(data["notes"])
    assert f"{no_run}: its run.json cannot be read" in notes, notes
