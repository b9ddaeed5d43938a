"""The check of the user's own checkout around the seats: by stat, never by reading files.

A checkout may hold big untracked files (datasets, builds nobody ignored); the review snapshots
what `git status` lists before the first seat starts, so reading them would hold every review
up. A change after the snapshot must still show: a byte appended, a file touched.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from fakebin.harness import Fakes
from support.inprocess import run_in_process
from support.repos import make_repo, run_cli

_BIG = 50 << 20

# Paths whose opening this process watches (the audit hook sees every `open`, in every thread,
# whichever API does it); a hook cannot be removed, so it is installed once and idles after.
_WATCHED: dict[str, int] = {}
_HOOKED: list[bool] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _WATCHED and isinstance(args[0], (str, bytes, os.PathLike)):
        name = os.path.realpath(os.fsdecode(args[0]))
        if name in _WATCHED:
            _WATCHED[name] += 1


def _watch(*files: Path) -> None:
    if not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED.append(True)
    _WATCHED.update({os.path.realpath(f): 0 for f in files})


def test_big_untracked_files_are_not_read_and_later_changes_still_show(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    big, notes, kept = repo / "big.bin", repo / "notes.txt", repo / "kept.txt"
    with big.open("wb") as fh:
        fh.truncate(_BIG)  # sparse: 50 MB of zeros, written in no time
    notes.write_text("the user's own notes\n", encoding="utf-8")
    kept.write_text("left alone\n", encoding="utf-8")
    fakes = Fakes(tmp_path)
    alter = fakes.seat("alter-outside", "--append", str(big), "--retime", str(notes))
    fakes.write_config({"toucher": alter})
    _watch(big, notes, kept)
    try:
        # In this process on purpose: the claim is about what this process opens.
        code, out, err = run_in_process(
            ["review", "--lead", "none", "--json", "--agents", "toucher"],
            cwd=repo,
            env=fakes.env(),
            input_=b"",
        )
        opened = dict(_WATCHED)
    finally:
        _WATCHED.clear()
    assert code == 0, err
    assert opened == dict.fromkeys(opened, 0), opened
    assert big.stat().st_size == _BIG + 1  # the seat did run
    report = Path(json.loads(out)["paths"]["md"]).read_text(encoding="utf-8")
    assert "Your checkout changed while the seats ran (2 paths: ?? big.bin, ?? notes.txt)" in (
        report
    )
    assert "kept.txt" not in report


def test_a_seat_only_run_checks_the_checkout_and_finish_notes_it(tmp_path: Path) -> None:
    """`--seat-only` ran its seat with no check of the checkout at all."""
    repo = make_repo(tmp_path)
    (repo / "notes.txt").write_text("the user's own untracked file\n", encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"writer": fakes.seat("write-outside", "--victim", str(repo))})
    out = repo / "seat-out"  # inside the checkout: the run's own files are not a change
    env = fakes.env()
    seat = run_cli(
        ["review", "--agents", "writer", "--seat-only", "writer", "--out", str(out), "--json"],
        cwd=repo,
        env=env,
    )
    assert seat.returncode == 0, seat.stderr
    note = (
        "Your checkout changed while the seats ran (2 paths: M README.md, ?? TOUCHED_BY_SEAT.txt)"
    )
    assert f"note: {note}" in seat.stderr
    # (the user's untracked notes.txt: the branch review also notes it is left out)
    notes = [n for n in seat.json()["notes"] if "uncommitted change" not in n]
    assert [n[: len(note)] for n in notes] == [note]
    recorded = json.loads((out / "seat-result.json").read_text(encoding="utf-8"))
    assert recorded["checkout_changes"] == [" M README.md", "?? TOUCHED_BY_SEAT.txt"]

    done = run_cli(["finish", "--from", str(out), "--lead", "none", "--json"], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    report = Path(done.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "The checkout seat writer was run from changed while it ran (2 paths: " in report
    assert "notes.txt" not in report and "seat-out" not in report


def test_a_clean_seat_only_run_notes_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"reader": fakes.seat("ok")})
    out = repo / "seat-out"
    seat = run_cli(
        ["review", "--agents", "reader", "--seat-only", "reader", "--out", str(out), "--json"],
        cwd=repo,
        env=fakes.env(),
    )
    assert seat.returncode == 0, seat.stderr
    assert seat.json()["notes"] == [] and "note:" not in seat.stderr
    assert json.loads((out / "seat-result.json").read_text())["checkout_changes"] == []
