"""One misbehaving seat next to a good one: the review still finishes and says what happened.

For every fault: exit code as documented, the failed seat shown as failed (and why) in the
report, its raw output and stderr kept in the store, no process and no worktree left behind.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes, assert_no_leftovers, processes_with, rmtree, run_json
from support.repos import CliResult, git, make_repo


@dataclass(frozen=True)
class Fault:
    name: str
    mode: tuple[str, ...]
    status: str
    reason: str | None  # substring of the seat's reason (None: no reason expected)
    timeout: float | None = None


# A seat that ignores SIGTERM from its first instruction on: `sh` ignores it and execs the fake
# seat, which inherits that (and ignores it again itself, or, in `sh-ignore-term`, execs a shell
# that traps it). Its Python may take ~0.3 s to start on a loaded machine; a SIGTERM before
# `signal()` ran would end it at once (no SIGKILL needed, the test would fail), so without this
# the timeout had to leave room for a Python start-up (4 s).
IGNORING_FROM_THE_START = ("sh", "-c", 'trap \'\' TERM; exec "$0" "$@"')
IGNORING_TIMEOUT = 1

FAULTS = [
    Fault(
        "exits-nonzero-at-once",
        ("exit",),
        "failed",
        "exited with code 7: fake seat: the model backend refused the request",
    ),
    Fault("hangs", ("hang",), "timeout", "timed out after 2.0 s", timeout=2),
    Fault(
        "ignores-sigterm",
        ("ignore-term",),
        "timeout",
        "(killed with SIGKILL after ignoring SIGTERM)",
        timeout=IGNORING_TIMEOUT,
    ),
    Fault(
        "sh-trap-ignores-sigterm",
        ("sh-ignore-term",),
        "timeout",
        "(killed with SIGKILL after ignoring SIGTERM)",
        timeout=IGNORING_TIMEOUT,
    ),
    Fault("invalid-utf8", ("bad-utf8",), "ok", None),
    Fault("grandchild-outlives-seat", ("grandchild",), "ok", None),
    Fault("grandchild-of-hanging-seat", ("grandchild-hang",), "timeout", "timed out", timeout=1),
    Fault("empty-review", ("empty",), "failed", "empty review"),
]


def _review_with(fakes: Fakes, repo: Path, bad: dict[str, Any], **kw: Any) -> CliResult:
    fakes.write_config({"good": fakes.seat("ok"), "bad": bad})
    return fakes.review(repo, "--agents", "good,bad", **kw)


def _seats(res: CliResult) -> dict[str, dict[str, Any]]:
    return {s["seat"]: s for s in res.json()["seats"]}


# A seat that ignores SIGTERM is killed only after its timeout and the 3 s kill grace: `slow`.
_SLOW_FAULTS = ("ignores-sigterm", "sh-trap-ignores-sigterm")


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(f, id=f.name, marks=[pytest.mark.slow] if f.name in _SLOW_FAULTS else [])
        for f in FAULTS
    ],
)
def test_seat_fault_is_contained(tmp_path: Path, fault: Fault) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    bad = fakes.seat(*fault.mode)
    if fault.name in _SLOW_FAULTS:
        bad["argv"] = [*IGNORING_FROM_THE_START, *bad["argv"]]
    if fault.timeout:
        bad["timeout"] = fault.timeout
    res = _review_with(fakes, repo, bad)
    assert res.returncode == 0, res.stderr
    seats = _seats(res)
    assert seats["good"]["status"] == "ok"
    assert seats["bad"]["status"] == fault.status, seats["bad"]
    if fault.reason:
        assert fault.reason in (seats["bad"]["reason"] or ""), seats["bad"]
    out = res.json()
    review_dir = Path(out["review_dir"])
    run = run_json(review_dir)
    assert run["status"] == "complete"
    assert run["seats"]["bad"]["status"] == fault.status
    # Raw output and stderr of the failed seat are kept.
    for name in ("transcript-bad-pass-1.jsonl", "stderr-bad-pass-1.log", "prompt-bad.md"):
        assert (review_dir / name).is_file(), name
    report = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    if fault.status != "ok":
        said = {"failed": "failed: ", "timeout": "timed out"}[fault.status]
        assert f"Seat Bad {said}" in report
        assert (fault.reason or "") in report
    assert_no_leftovers(fakes, repo)
    assert git(repo, "status", "--porcelain") == ""


def test_exit_at_once_keeps_stderr_and_partial_output(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = _review_with(fakes, repo, fakes.seat("exit"))
    review_dir = Path(res.json()["review_dir"])
    stderr = (review_dir / "stderr-bad-pass-1.log").read_text()
    assert "the model backend refused the request" in stderr
    json_report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    assert "exited with code 7" in json.dumps(json_report)
    html = Path(res.json()["paths"]["html"]).read_text()
    assert "exited with code 7" in html


def test_invalid_utf8_is_stored_raw_and_reported_replaced(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = _review_with(fakes, repo, fakes.seat("bad-utf8"))
    assert res.returncode == 0, res.stderr
    review_dir = Path(res.json()["review_dir"])
    # The raw stream keeps the exact bytes; the report shows replacement characters.
    assert b"\xff\xfe\xc3\x28" in (review_dir / "transcript-bad-pass-1.jsonl").read_bytes()
    assert b"\xff\xfe undecodable" in (review_dir / "stderr-bad-pass-1.log").read_bytes()
    for fmt in ("md", "json", "html"):
        text = Path(res.json()["paths"][fmt]).read_bytes().decode("utf-8")  # valid UTF-8
        assert "Invalid bytes" in text


def test_seat_that_edits_its_worktree_is_flagged(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    before = {p: (repo / p).read_bytes() for p in ("calc.py", "README.md")}
    res = _review_with(fakes, repo, fakes.seat("edit"))
    assert res.returncode == 0, res.stderr
    seats = _seats(res)
    assert seats["bad"]["modified_worktree"] is True
    assert seats["good"]["modified_worktree"] is False
    run = run_json(Path(res.json()["review_dir"]))
    changes = run["seats"]["bad"]["run"]["worktree_changes"]
    assert any("calc.py" in c and c.lstrip().startswith("M") for c in changes), changes
    assert any("README.md" in c and c.lstrip().startswith("D") for c in changes), changes
    assert any("new-file.txt" in c for c in changes), changes
    report = Path(res.json()["paths"]["md"]).read_text()
    assert "Seat Bad modified its worktree (3 paths" in report
    # Checked, not claimed: the checkout did not change, so no note says it did.
    assert "not touched" not in report and "Your checkout changed" not in report
    # The user's checkout is exactly as before.
    assert {p: (repo / p).read_bytes() for p in before} == before
    assert not (repo / "new-file.txt").exists()
    assert git(repo, "status", "--porcelain") == ""
    assert_no_leftovers(fakes, repo)


def test_grandchild_is_killed_with_the_seat(tmp_path: Path) -> None:
    """The seat exits at once but leaves a sleeper holding its stdout: both must go."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = _review_with(fakes, repo, fakes.seat("grandchild"), timeout=60)
    assert res.returncode == 0, res.stderr
    assert _seats(res)["bad"]["status"] == "ok"
    stderr = (Path(res.json()["review_dir"]) / "stderr-bad-pass-1.log").read_text()
    pid = int(re.search(r"grandchild pid (\d+)", stderr).group(1))  # type: ignore[union-attr]
    assert _gone(pid)
    assert_no_leftovers(fakes, repo)


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status  # a zombie waiting for init is dead


def test_marker_scan_finds_a_live_fake(tmp_path: Path) -> None:
    """The leftover check is only as good as the scan: it must see a running fake."""
    fakes = Fakes(tmp_path)
    child = subprocess.Popen(
        [sys.executable, str(fakes.seat_script), "hang"], stdin=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 5
        while not processes_with(fakes.marker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert processes_with(fakes.marker)
    finally:
        child.kill()
        child.wait()
    assert fakes.survivors() == []


def test_every_seat_failing_exits_3_with_a_report(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config(
        {
            "crash": fakes.seat("exit"),
            "mute": fakes.seat("empty"),
            "stuck": {**fakes.seat("hang"), "timeout": 1},
        }
    )
    res = fakes.review(repo, "--agents", "crash,mute,stuck")
    assert res.returncode == 3, res.stderr
    out = res.json()
    assert out["status"] == "complete"
    assert {s["seat"]: s["status"] for s in out["seats"]} == {
        "crash": "failed",
        "mute": "failed",
        "stuck": "timeout",
    }
    report = Path(out["paths"]["md"]).read_text()
    for line in (
        "Seat Crash failed: exited with code 7",
        "Seat Mute failed: empty review",
        "Seat Stuck timed out after",
    ):
        assert line in report
    assert Path(out["paths"]["html"]).is_file()
    assert run_json(Path(out["review_dir"]))["status"] == "complete"
    assert_no_leftovers(fakes, repo)


@pytest.mark.slow
def test_seat_printing_200_mb_is_capped_in_the_report(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    size = 200 * 1024 * 1024
    try:
        res = _review_with(fakes, repo, fakes.seat("flood", "--bytes", str(size)), timeout=180)
        assert res.returncode == 0, res.stderr
        out = res.json()
        review_dir = Path(out["review_dir"])
        run = run_json(review_dir)["seats"]["bad"]
        # The review line came after 200 MB: the end of the output is kept with its beginning,
        # so the review is read.
        assert (run["status"], run["reason"]) == ("ok", None)
        assert run["run"]["output_truncated"] is True
        # The raw output is kept (up to the per-stream cap); the review and reports are not
        # three more copies of it.
        assert (review_dir / "transcript-bad-pass-1.jsonl").stat().st_size >= 100 * 1024 * 1024
        review = (review_dir / "review-bad-pass-1.md").read_text()
        assert len(review) < 2 * 1024 * 1024
        assert "review truncated by Deep Review: the seat printed" in review
        for fmt in ("md", "json", "html"):
            assert Path(out["paths"][fmt]).stat().st_size < 8 * 1024 * 1024, fmt
        report = Path(out["paths"]["md"]).read_text()
        assert "Bad's output was truncated" in report
        assert "Its output was truncated." in report  # the retro says so too
        assert_no_leftovers(fakes, repo)
    finally:
        rmtree(fakes.store)


def test_the_retro_shows_how_long_a_failed_seat_ran(tmp_path: Path) -> None:
    """The retro's Duration cell of a failed seat says what failed it and the time it ran, as
    run.json, `--json` and the HTML Runs table measure it (not only the reason)."""
    from deepreview.runmodel import format_duration

    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = _review_with(fakes, repo, fakes.seat("exit"))
    assert res.returncode == 0, res.stderr
    measured = run_json(Path(res.json()["review_dir"]))["seats"]["bad"]["run"]["duration_s"]
    assert measured is not None
    report = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    [row] = [ln for ln in report.splitlines() if ln.startswith("| Duration |")]
    assert f"failed after {format_duration(measured)} (exited with code 7" in row, row
