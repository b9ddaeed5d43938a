"""`resume` keeps the interrupted attempt and says the review was resumed (trial 29: the
interrupted seat's transcript and stderr were overwritten, run.json kept only the new config's
SHA-256, and the report said nothing of the interruption)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import tomli_w

from fakebin.harness import Fakes, run_json
from support.interrupt import interrupt_after_the_fast_seat
from support.repos import make_repo, run_cli


def test_resume_keeps_the_interrupted_attempt_and_says_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = tmp_path / "now-fast"
    config = tmp_path / "team-seats.toml"
    slow = fakes.seat("slow", "--sleep", "120", "--flag", str(flag), "--say", "first attempt")
    text = tomli_w.dumps({"seats": {"fast": fakes.seat("ok"), "slow": slow}})
    config.write_text(text)

    rid = interrupt_after_the_fast_seat(fakes, repo, config)
    review_dir = fakes.store / rid
    assert "first attempt" in (review_dir / "stderr-slow-pass-1.log").read_text()

    changed = text + "# the slow seat is fast now\n"
    config.write_text(changed)
    flag.write_text("go")
    res = run_cli(["resume", rid, "--config", str(config), "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr

    kept = review_dir / "stderr-slow-pass-1.log.attempt1"
    assert kept.is_file() and "first attempt" in kept.read_text()
    assert (review_dir / "transcript-slow-pass-1.jsonl.attempt1").is_file()
    assert (review_dir / "stderr-slow-pass-1.log").is_file()  # the new attempt's own
    assert not (review_dir / "stderr-fast-pass-1.log.attempt1").exists()  # it did not rerun

    state = run_json(review_dir)
    [resumed] = state["resumes"]
    assert resumed["seats"] == ["slow"]
    assert resumed["config_sha256"] == hashlib.sha256(changed.encode()).hexdigest()
    assert resumed["earlier_config_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    report = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    note = next(ln for ln in report.splitlines() if ln.startswith("> Resumed"))
    assert "slow" in note and "attempt1" in note
    assert "changed since the review started" in note
