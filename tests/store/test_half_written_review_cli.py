"""A review killed (SIGKILL) while it wrote its report: the report files are there, run.json
still says running, and atomic writes left their `.tmp` files behind. Through the real
`deep-review` command: `show` and `open` refuse it as a review with no report, `index.html`
says interrupted, the next command removes the stale temporary files, and `resume` finishes it.

The kill is simulated on a stored review (run.json and the index row put back to running, the
temporary files an interrupted rename leaves): where exactly a SIGKILL lands cannot be chosen.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from deepreview.lockfile import hold, release
from deepreview.runfiles import RUN_LOCK
from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import CliResult, run_cli


def _cli(fakes: Fakes, repo: Path, *args: str) -> CliResult:
    return run_cli(list(args), cwd=repo, env={**fakes.env(), "BROWSER": "false"})


def _killed_while_writing_its_report(tmp_path: Path, *, row: str) -> tuple[Fakes, Path, str]:
    """A review as a SIGKILL during its final write leaves it: report files, run.json running.
    `row`: the index row's status then (`running`: killed before the index was updated,
    `complete`: between the index and run.json)."""
    fakes, repo, first = first_round(tmp_path)
    rid: str = first["review_id"]
    run_json = fakes.store / rid / "run.json"
    data = json.loads(run_json.read_text(encoding="utf-8"))
    data["status"] = "running"
    data.pop("report", None)
    data.pop("ended_at", None)
    run_json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    if row == "running":
        with sqlite3.connect(fakes.store / "index.sqlite") as db:
            db.execute(
                "UPDATE reviews SET status = 'running', verdict = 'Unknown' WHERE id = ?", (rid,)
            )
    assert (fakes.store / f"{rid}.md").is_file()
    return fakes, repo, rid


def _one_line(res: CliResult, *needles: str) -> str:
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("row", ["running", "complete"])
@pytest.mark.parametrize("command", [["show"], ["show", "--format", "json"], ["open"]])
def test_show_and_open_refuse_a_report_run_json_does_not_call_complete(
    tmp_path: Path, row: str, command: list[str]
) -> None:
    fakes, repo, rid = _killed_while_writing_its_report(tmp_path, row=row)
    res = _cli(fakes, repo, command[0], rid, *command[1:])
    _one_line(res, f"review {rid} has no report yet (status: interrupted)", f"resume {rid}")
    assert "Merge" not in res.stdout


def test_resume_finishes_it_and_show_prints_it_again(tmp_path: Path) -> None:
    fakes, repo, rid = _killed_while_writing_its_report(tmp_path, row="running")
    resumed = _cli(fakes, repo, "resume", rid)
    assert resumed.returncode == 0, resumed.stderr
    shown = _cli(fakes, repo, "show", rid)
    assert shown.returncode == 0, shown.stderr
    assert "Division by zero" in shown.stdout


def test_index_html_says_interrupted(tmp_path: Path) -> None:
    fakes, repo, rid = _killed_while_writing_its_report(tmp_path, row="running")
    listed = _cli(fakes, repo, "list")
    assert listed.returncode == 0, listed.stderr
    assert "interrupted" in listed.stdout
    page = (fakes.store / "index.html").read_text(encoding="utf-8")
    row = page.split(f'data-review-id="{rid}"', 1)[1].split("</tr>", 1)[0]
    assert "interrupted" in row, row
    # its report files are stale: no link to them either
    assert f'href="{rid}.md"' not in row, row


def _tmp_files(fakes: Fakes, rid: str) -> list[Path]:
    """What a SIGKILL in the middle of an atomic write leaves (`atomicfile._temp_name`)."""
    return [
        fakes.store / f".{rid}.md.0123abcd.tmp",
        fakes.store / f".{rid}.html.89abcdef.tmp",
        fakes.store / rid / ".run.json.fedc9876.tmp",
    ]


@pytest.mark.parametrize("command", [["list"], ["reindex"], ["resume", "{rid}"]])
def test_a_killed_reviews_temporary_files_are_removed(tmp_path: Path, command: list[str]) -> None:
    fakes, repo, rid = _killed_while_writing_its_report(tmp_path, row="running")
    left = _tmp_files(fakes, rid)
    for path in left:
        path.write_text("half", encoding="utf-8")
    other = fakes.store / ".notes.tmp"  # not a name deep-review writes: not ours to remove
    other.write_text("mine", encoding="utf-8")
    res = _cli(fakes, repo, *(a.format(rid=rid) for a in command))
    assert res.returncode == 0, res.stderr
    assert [p for p in left if p.exists()] == []
    assert other.exists()


def test_temporary_files_of_a_review_a_process_holds_are_kept(tmp_path: Path) -> None:
    fakes, repo, rid = _killed_while_writing_its_report(tmp_path, row="running")
    left = _tmp_files(fakes, rid)
    for path in left:
        path.write_text("being written", encoding="utf-8")
    fd = hold(fakes.store / rid / RUN_LOCK, json.dumps({"command": "review", "pid": 1}))
    assert fd is not None
    try:
        res = _cli(fakes, repo, "list")
        assert res.returncode == 0, res.stderr
        assert [p for p in left if not p.exists()] == []
    finally:
        release(fd)
