"""Two first reviews of a branch at once (trial47b 2): the one that finishes second is round 2,
and, with no previous round to compare with (none was complete when it started), its report says
why: the other review took round 1 while it ran."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.interrupt import start_slow_review, wait_until_the_seat_runs
from support.repos import make_repo, run_cli


def test_a_first_review_outrun_by_another_says_why_it_is_round_2(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    release = tmp_path / "release"
    fakes.write_config(
        {
            "slow": fakes.seat("slow", "--sleep", "120", "--wait-lines", f"{release}=1"),
            "fast": fakes.seat("ok"),
        }
    )
    env = fakes.env()
    proc = start_slow_review(repo, env)
    try:
        first = wait_until_the_seat_runs(fakes.store, proc)
        other = fakes.review(repo, "--agents", "fast")
        assert other.returncode == 0, other.stderr
        release.write_text("go\n")
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    second = other.json()["review_id"]
    res = run_cli(["list", "--json"], cwd=repo, env=env)
    assert {r["id"]: r["round"] for r in res.json()["reviews"]} == {second: 1, first: 2}
    report = (fakes.store / f"{first}.md").read_text(encoding="utf-8")
    assert f"Review {second} (round 1) of this series finished while this one ran" in report
    assert "no earlier round" in report
