"""Several reviews of one repository at once, and a store whose disk fills up mid-run."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers
from support.repos import git, make_repo, run_cli


@pytest.mark.slow
def test_four_reviews_at_once_on_one_repo(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"a": fakes.seat("ok"), "b": fakes.seat("ok")})
    env = fakes.env()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "deepreview",
                "review",
                "--agents",
                "a,b,static",
                "--lead",
                "none",
                "--json",
            ],
            cwd=repo,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(4)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append((proc.returncode, out.decode(), err.decode(errors="replace")))
    for rc, _, err in results:
        assert rc == 0, err
        # Under load one review may wait over the notice's threshold for another's store lock:
        # that note is expected; any other word of a lock is not.
        lowered = "\n".join(
            ln for ln in err.lower().splitlines() if not ln.startswith("note: waiting for ")
        )
        assert "lock" not in lowered and "fatal" not in lowered and "error" not in lowered, err
    ids = [json.loads(out)["review_id"] for _, out, _ in results]
    assert len(set(ids)) == 4, ids
    for rid in ids:
        for ext in ("md", "json", "html"):
            assert (fakes.store / f"{rid}.{ext}").is_file()
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    rows = listed.json()["reviews"]
    assert sorted(r["id"] for r in rows) == sorted(ids)
    assert {r["status"] for r in rows} == {"complete"}
    index = (fakes.store / "index.html").read_text()
    assert all(rid in index for rid in ids)
    assert_no_leftovers(fakes, repo)
    assert git(repo, "status", "--porcelain") == ""


# -- disk full ----------------------------------------------------------------------------------
@contextlib.contextmanager
def _tiny_tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir(parents=True)
    mount = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mount.stderr.decode(errors='replace')}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def _assert_store_healthy(store: Path, repo: Path, env: dict[str, str], complete_id: str) -> str:
    """The index opens and `list` works; returns the ID of the review that hit the full disk."""
    with contextlib.closing(sqlite3.connect(store / "index.sqlite")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    rows = {r["id"]: r["status"] for r in listed.json()["reviews"]}
    assert rows[complete_id] == "complete"
    assert run_cli(["list"], cwd=repo, env=env).returncode == 0
    others = [rid for rid in rows if rid != complete_id]
    assert len(others) <= 1
    failed_id = others[0] if others else ""
    if failed_id:
        assert rows[failed_id] == "failed"
        for ext in ("md", "json", "html"):
            assert not (store / f"{failed_id}.{ext}").exists(), ext
    leftovers = [p.name for p in store.rglob("*") if p.suffix == ".tmp"]  # half-written files
    assert leftovers == []
    return failed_id


def _long_review(tmp_path: Path) -> Path:
    """A seat's review of ~40 kB that finds nothing: the report it makes is large."""
    review = tmp_path / "review.md"
    review.write_text(
        "## Executive Summary\n\nLong; no issues found.\n\n"
        + "".join(f"- note {i}: lorem ipsum dolor sit amet\n" for i in range(900))
    )
    return review


def _one_error_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.startswith("deep-review:")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert "No space left on device" in lines[0] and "free some space" in lines[0], lines
    assert lines[0].count("resume") <= 1, lines  # one piece of advice, not the store's and ours
    return lines[0]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs mount")
def test_disk_full_while_writing_the_report(tmp_path: Path) -> None:
    """The seat's output fits; the report does not. One clear line, a healthy index, no
    half-written report; `resume` finishes it once there is space again."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    store = tmp_path / "small-store"
    review = _long_review(tmp_path)
    with _tiny_tmpfs(store, "4m"):
        env = fakes.env({"DEEP_REVIEW_STORE": str(store)})
        fakes.write_config(
            {
                "filler": fakes.seat(
                    "ok", "--review-file", str(review), "--fill", str(store), "--leave", "120000"
                )
            }
        )
        first = fakes.review(repo, "--agents", "static", env=env)
        assert first.returncode == 0, first.stderr
        res = fakes.review(repo, "--agents", "filler", env=env)
        assert res.returncode == 2, res.stderr
        line = _one_error_line(res.stderr)
        failed_id = _assert_store_healthy(store, repo, env, first.json()["review_id"])
        assert f"cannot write {store / failed_id}." in line, line  # the report itself failed
        assert f"deep-review resume {failed_id}" in line
        state = json.loads((store / failed_id / "run.json").read_text())
        assert state["status"] == "failed" and state["seats"]["filler"]["status"] == "ok"
        # Space again: resume writes the report without rerunning the seat.
        for ballast in store.glob(".ballast-*"):
            ballast.unlink()
        res = run_cli(["resume", failed_id, "--json"], cwd=repo, env=env)
        assert res.returncode == 0, res.stderr
        assert Path(res.json()["paths"]["md"]).is_file()
        assert json.loads((store / failed_id / "run.json").read_text())["status"] == "complete"
        assert_no_leftovers(fakes, repo)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs mount")
def test_disk_full_while_a_seat_streams(tmp_path: Path) -> None:
    """A seat prints more than the store has room for: every seat stops at once (no waiting
    for the slow one), one clear line, no partial unredacted transcript kept."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    store = tmp_path / "small-store"
    with _tiny_tmpfs(store, "2m"):
        env = fakes.env({"DEEP_REVIEW_STORE": str(store), "MY_SERVICE_TOKEN": "tok-9f8e7d6c5b4a"})
        fakes.write_config(
            {
                "flood": fakes.seat("flood", "--bytes", str(8 * 1024 * 1024)),
                "slow": fakes.seat("slow", "--sleep", "120"),
            }
        )
        first = fakes.review(repo, "--agents", "static", env=env)
        assert first.returncode == 0, first.stderr
        res = fakes.review(repo, "--agents", "flood,slow", env=env, timeout=60)
        assert res.returncode == 2, res.stderr
        line = _one_error_line(res.stderr)
        assert "seat flood" in line, line
        failed_id = _assert_store_healthy(store, repo, env, first.json()["review_id"])
        assert not (store / failed_id / "transcript-flood-pass-1.jsonl").exists()
        assert_no_leftovers(fakes, repo)


def _index_pill(store: Path, rid: str) -> str:
    html = (store / "index.html").read_text()
    row = html.split(f'data-review-id="{rid}"', 1)[1].split("</tr>", 1)[0]
    return re.search(r'<span class="pill[^"]*">([^<]*)</span>', row).group(1)  # type: ignore[union-attr]


@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs mount")
def test_index_row_follows_run_json_after_disk_full(tmp_path: Path) -> None:
    """Issue 13 item 9: the disk is full when the review is marked failed; run.json (a few
    kB) takes the word `failed`, the index update (a journal, several pages) does not. Once
    there is space again, `list` and index.html follow run.json, not the stale row."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    store = tmp_path / "small-store"
    review = tmp_path / "review.md"
    review.write_text(
        "## Executive Summary\n\nNo issues found.\n\n" + "lorem ipsum dolor sit amet\n" * 2000
    )
    with _tiny_tmpfs(store, "4m"):
        env = fakes.env({"DEEP_REVIEW_STORE": str(store)})
        fakes.write_config(
            {
                "filler": fakes.seat(
                    "ok", "--review-file", str(review), "--fill", str(store), "--leave", "120000"
                )
            }
        )
        res = fakes.review(repo, "--agents", "filler", env=env)
        assert res.returncode == 2, res.stderr
        (failed_id,) = [p.parent.name for p in store.glob("*/run.json")]
        assert json.loads((store / failed_id / "run.json").read_text())["status"] == "failed"
        # Space again (first: how much the review left free depends on what it wrote, and
        # the test's own update below needs room for its journal).
        for ballast in store.glob(".ballast-*"):
            ballast.unlink()
        # The index update the full disk swallowed: the row still says what it said at start.
        with contextlib.closing(sqlite3.connect(store / "index.sqlite")) as db, db:
            db.execute(
                "UPDATE reviews SET status='running', verdict='Unknown' WHERE id=?", (failed_id,)
            )

        listed = run_cli(["list", "--json"], cwd=repo, env=env)
        assert listed.returncode == 0, listed.stderr
        row = {r["id"]: r for r in listed.json()["reviews"]}[failed_id]
        assert (row["status"], row["verdict"]) == ("failed", "Failed")
        text = run_cli(["list"], cwd=repo, env=env).stdout
        assert "running" not in text and "Failed" in text, text
        assert _index_pill(store, failed_id) == "Failed"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs mount")
def test_disk_full_during_a_relead_keeps_the_stored_report(tmp_path: Path) -> None:
    """A relead whose report does not fit: one clear line, and the report that was stored
    stands byte for byte (a review's all-or-nothing clean-up must not delete it)."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    store = tmp_path / "small-store"
    review = _long_review(tmp_path)
    with _tiny_tmpfs(store, "4m"):
        env = fakes.env({"DEEP_REVIEW_STORE": str(store)})
        fakes.write_config({"filler": fakes.seat("ok", "--review-file", str(review))})
        first = fakes.review(repo, "--agents", "filler", env=env)
        assert first.returncode == 0, first.stderr
        out = first.json()
        stored = {k: Path(v).read_bytes() for k, v in out["paths"].items()}
        run_before = (Path(out["review_dir"]) / "run.json").read_bytes()
        assert min(len(b) for b in stored.values()) > 30_000
        st = os.statvfs(store)
        (store / ".ballast-1").write_bytes(b"\0" * (st.f_bavail * st.f_frsize - 24_000))
        res = run_cli(["relead", out["review_id"], "--lead", "none"], cwd=repo, env=env)
        assert res.returncode == 2, res.stderr
        assert "No space left on device" in res.stderr and "Traceback" not in res.stderr
        for ballast in store.glob(".ballast-*"):
            ballast.unlink()
        assert {k: Path(v).read_bytes() for k, v in out["paths"].items()} == stored
        assert (Path(out["review_dir"]) / "run.json").read_bytes() == run_before
        shown = run_cli(["show", out["review_id"]], cwd=repo, env=env)
        assert shown.returncode == 0, shown.stderr
        listed = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
        assert [(r["id"], r["status"]) for r in listed] == [(out["review_id"], "complete")]
