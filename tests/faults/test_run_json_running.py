"""While a seat works, run.json says so: `running`, not `pending` (which means not started)."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from fakebin.harness import Fakes, processes_with, run_json
from support.interrupt import interrupt_review
from support.repos import make_repo


def _seat_status(store: Path, seat: str) -> str | None:
    files = list(store.glob("*/run.json"))
    if not files:
        return None
    try:
        return json.loads(files[0].read_text())["seats"][seat]["status"]  # type: ignore[no-any-return]
    except (ValueError, KeyError):
        return None  # written between our reads


def test_a_working_seat_is_running_in_run_json(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120")})
    seen: list[str | None] = []

    def running() -> bool:
        alive = any("fake_seat.py slow " in f"{p} " for p in processes_with(fakes.marker))
        seen.append(_seat_status(fakes.store, "slow"))
        return alive and seen[-1] == "running"

    run = interrupt_review(
        ["review", "--agents", "slow", "--lead", "none", "--json"],
        cwd=repo,
        env=fakes.env(),
        when=running,
        what=f"run.json to say the slow seat is running (saw {seen[-3:]})",
        sig=signal.SIGINT,
    )
    assert run.returncode == 130, run.stderr
    # cut short, it is owed again: `resume` reruns exactly the seats still pending
    assert run_json(Path(run.json()["review_dir"]))["seats"]["slow"]["status"] == "pending"
