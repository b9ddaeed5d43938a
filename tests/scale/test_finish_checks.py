"""`finish --from` on results that do not fit together, failed, missing or tampered with."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from scale_kit import RANGE, SEATS, finish, install_agents, origin_and_clones, seat_only

from fakebin.harness import AGENT_AUTH, Fakes, grep_store, run_json
from support.repos import commit_all, write

# Several real `deep-review` runs each: over the fast loop's ~3 s.
# One worker runs the module, so its review (a module fixture) is made once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("finish-checks")]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Seat results of claude and codex on two clones; gemini failed on a third."""
    tmp = tmp_path_factory.mktemp("runs")
    fakes = Fakes(tmp)
    install_agents(fakes, {"gemini": {"mode": "exit", "exit_code": 7, "stderr": "quota exhausted"}})
    _, clones = origin_and_clones(tmp, 4)
    outs = {}
    for seat, clone in zip(SEATS, clones[1:], strict=True):
        out = tmp / "artifacts" / seat
        res = seat_only(fakes, clone, seat, out)
        outs[seat] = (out, res)
    return {"fakes": fakes, "local": clones[0], "outs": outs, "tmp": tmp}


def _copy(runs: dict[str, Any], tmp: Path, *seats: str) -> list[str]:
    dirs = []
    for seat in seats:
        dest = tmp / "got" / seat
        shutil.copytree(runs["outs"][seat][0], dest)
        dirs.append(str(dest))
    return dirs


def _store_entries(runs: dict[str, Any]) -> list[Path]:
    store = runs["tmp"] / "store"
    return sorted(store.glob("*/run.json")) if store.exists() else []


def test_a_failed_seat_writes_its_result_and_exits_3(runs: dict[str, Any]) -> None:
    out, res = runs["outs"]["gemini"]
    assert res.returncode == 3, res.stderr
    assert res.json()["status"] == "failed"
    record = json.loads((out / "seat-result.json").read_text())
    assert record["status"] == "failed"
    assert record["reason"] == "exited with code 7: quota exhausted"
    # The raw stderr is kept whole: the CLI's start-up telemetry warning too (the fake prints
    # it as the real Gemini CLI does), which is never the reason above.
    kept = (out / "stderr-gemini-pass-1.log").read_text().strip().splitlines()
    assert kept[-1] == "quota exhausted", kept
    assert all("quota" not in line for line in kept[:-1]), kept


def test_failed_and_missing_seats_are_shown_failed(runs: dict[str, Any], tmp_path: Path) -> None:
    dirs = _copy(runs, tmp_path, "claude", "gemini")  # codex's runner left nothing
    res = finish(runs["fakes"], runs["local"], "--from", *dirs)
    assert res.returncode == 0, res.stderr
    out = res.json()
    seats = {s["seat"]: (s["status"], s["reason"]) for s in out["seats"]}
    assert seats == {
        "claude": ("ok", None),
        "codex": ("failed", "no seat result: its runner left none in the --from folders"),
        "gemini": ("failed", "exited with code 7: quota exhausted"),
    }
    md = Path(out["paths"]["md"]).read_text()
    # the note names the seat's stderr file, kept in the review's folder
    assert "Seat Gemini failed: exited with code 7: quota exhausted; its stderr is in " in md
    assert "/stderr-gemini-pass-1.log" in md
    assert "Seat Codex failed: no seat result" in md
    assert "2 of 3 seats failed" in md
    state = run_json(Path(out["review_dir"]))
    assert state["status"] == "complete"
    assert [state["seats"][s]["status"] for s in SEATS] == ["ok", "failed", "failed"]


def test_expect_names_the_panel(runs: dict[str, Any], tmp_path: Path) -> None:
    dirs = _copy(runs, tmp_path, "claude")
    res = finish(runs["fakes"], runs["local"], "--from", *dirs, "--expect", "claude,opencode")
    assert res.returncode == 0, res.stderr
    assert [(s["seat"], s["status"]) for s in res.json()["seats"]] == [
        ("claude", "ok"),
        ("opencode", "failed"),
    ]
    bad = finish(runs["fakes"], runs["local"], "--from", *dirs, "--expect", "codex")
    assert bad.returncode == 2
    assert "holds seat claude, which --expect does not list (codex)" in bad.stderr


def test_results_for_other_commits_are_refused(runs: dict[str, Any], tmp_path: Path) -> None:
    fakes = runs["fakes"]
    _, (moved,) = origin_and_clones(tmp_path, 1)
    write(moved, "calc.py", "def add(a, b):\n    return b + a\n")
    commit_all(moved, "One more commit on the branch")
    odd = tmp_path / "odd-codex"
    assert seat_only(fakes, moved, "codex", odd).returncode == 0
    before = _store_entries(runs)
    dirs = _copy(runs, tmp_path, "claude", "gemini")
    res = finish(fakes, runs["local"], "--from", dirs[0], str(odd), dirs[1])
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[-1].startswith("deep-review: error: --from "), res.stderr
    assert f"--from {odd} (seat codex) reviewed " in lines[-1]
    assert "rerun that seat on the same commits or leave it out" in lines[-1]
    assert _store_entries(runs) == before  # nothing written


def test_commits_missing_from_the_finish_checkout(runs: dict[str, Any], tmp_path: Path) -> None:
    fakes = runs["fakes"]
    _, (elsewhere,) = origin_and_clones(tmp_path, 1)
    write(elsewhere, "calc.py", "def add(a, b):\n    return a + b + 0\n")
    commit_all(elsewhere, "Only on this runner")
    out = tmp_path / "lonely"
    assert seat_only(fakes, elsewhere, "claude", out).returncode == 0
    res = finish(fakes, runs["local"], "--from", str(out))
    assert res.returncode == 2
    assert "which is not in" in res.stderr and "fetch-depth: 0" in res.stderr


def test_a_version_1_result_finishes_as_before(runs: dict[str, Any], tmp_path: Path) -> None:
    """A result from before `previous_round` was recorded: finished, the previous round
    looked up by date as then."""
    (claude,) = _copy(runs, tmp_path, "claude")
    path = Path(claude) / "seat-result.json"
    data = json.loads(path.read_text())
    assert data.pop("previous_round") is None  # its runner had no review store
    path.write_text(json.dumps({**data, "schema_version": 1}))
    env = runs["fakes"].env({"DEEP_REVIEW_STORE": str(tmp_path / "store")}, agents=True)
    res = finish(runs["fakes"], runs["local"], "--from", claude, "--expect", "claude", env=env)
    assert res.returncode == 0, res.stderr
    assert run_json(Path(res.json()["review_dir"]))["previous_round"] is None


def test_results_asked_about_different_rounds_are_refused(
    runs: dict[str, Any], tmp_path: Path
) -> None:
    """Runners that restored the store before and after a round finished: their verdicts name
    the findings of different rounds, which no report can read together."""
    claude, codex = _copy(runs, tmp_path, "claude", "codex")
    older = "20260101-000000-feature-x"
    for folder, pinned in ((claude, ""), (codex, older)):
        path = Path(folder) / "seat-result.json"
        path.write_text(json.dumps({**json.loads(path.read_text()), "previous_round": pinned}))
    before = _store_entries(runs)
    res = finish(runs["fakes"], runs["local"], "--from", claude, codex)
    assert res.returncode == 2, res.stderr
    assert (
        f"--from {codex} (seat codex) was asked about review {older}'s findings, the others "
        "about no previous round; rerun that seat with the same review store"
    ) in res.stderr
    assert _store_entries(runs) == before


def test_results_that_recorded_different_panels_are_refused(
    runs: dict[str, Any], tmp_path: Path
) -> None:
    """Runners given different `--agents`: no panel is the review's, and a seat only one of
    them listed must not be shown (and counted by `stats`) as failed. `--expect` names it."""
    fakes = runs["fakes"]
    _, (clone,) = origin_and_clones(tmp_path, 1)
    p1, p2 = tmp_path / "p1", tmp_path / "p2"
    assert seat_only(fakes, clone, "claude", p1, "--agents", "claude,codex").returncode == 0
    assert seat_only(fakes, clone, "codex", p2, "--agents", "codex,gemini").returncode == 0
    before = _store_entries(runs)
    res = finish(fakes, runs["local"], "--from", str(p1), str(p2))
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert (
        f"--from {p2} (seat codex) was run for the panel codex, gemini, the others for "
        "claude, codex; pass --expect SEATS to name the review's panel, or rerun that seat "
        "with the same --agents"
    ) in lines[0]
    assert _store_entries(runs) == before
    named = finish(fakes, runs["local"], "--from", str(p1), str(p2), "--expect", "claude,codex")
    assert named.returncode == 0, named.stderr
    assert [(s["seat"], s["status"]) for s in named.json()["seats"]] == [
        ("claude", "ok"),
        ("codex", "ok"),
    ]


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda d: "{not json", "is not a valid seat result (Expecting property name"),
        (lambda d: json.dumps([1, 2]), "is not a Deep Review seat result"),
        (lambda d: json.dumps({**d, "status": "great"}), "is not a valid seat result: status:"),
        (lambda d: json.dumps({**d, "extra": 1}), "is not a valid seat result: extra:"),
        (
            lambda d: json.dumps({**d, "seat": "../../etc", "run": {**d["run"], "seat": "x"}}),
            "seat name '../../etc' is not a plain name",
        ),
        (
            lambda d: json.dumps({**d, "diff_sha256": "0" * 64}),
            "reviewed a different diff of the same commits",
        ),
        (
            lambda d: json.dumps({**d, "schema_version": 99}),
            "has seat result version 99, this deep-review reads 1, 2, 3, 4 and 5",
        ),
    ],
)
def test_tampered_results_give_one_clear_line(
    runs: dict[str, Any], tmp_path: Path, tamper: Any, message: str
) -> None:
    claude, codex = _copy(runs, tmp_path, "claude", "codex")
    path = Path(codex) / "seat-result.json"
    path.write_text(tamper(json.loads(path.read_text())))
    before = _store_entries(runs)
    res = finish(runs["fakes"], runs["local"], "--from", claude, codex)
    assert res.returncode == 2, res.stderr
    error = res.stderr.strip().splitlines()[-1]
    assert error.startswith("deep-review: error: "), res.stderr
    assert message in error
    assert _store_entries(runs) == before


def test_an_edited_review_file_is_refused(runs: dict[str, Any], tmp_path: Path) -> None:
    """A finding typed into a seat's review after it ran would be credited to the seat:
    `finish` checks each file against the SHA-256 the result recorded."""
    claude, codex = _copy(runs, tmp_path, "claude", "codex")
    review = Path(codex) / "review-codex-pass-1.md"
    review.write_text(
        review.read_text() + "\n**C9. INJECTED** — `calc.py:1`\n\nx.\n", encoding="utf-8"
    )
    before = _store_entries(runs)
    res = finish(runs["fakes"], runs["local"], "--from", claude, codex)
    assert res.returncode == 2, res.stderr
    assert "review-codex-pass-1.md changed after the seat ran" in res.stderr.splitlines()[-1]
    assert _store_entries(runs) == before


def test_not_a_result_folder(runs: dict[str, Any], tmp_path: Path) -> None:
    res = finish(runs["fakes"], runs["local"], "--from", str(tmp_path))
    assert res.returncode == 2
    assert f"--from {tmp_path}: no seat-result.json in it" in res.stderr
    res = finish(runs["fakes"], runs["local"])
    assert res.returncode == 2 and "finish needs seat results: --from DIR" in res.stderr


def test_out_dir_of_another_seat_is_not_overwritten(runs: dict[str, Any], tmp_path: Path) -> None:
    (claude,) = _copy(runs, tmp_path, "claude")
    before = {p.name: p.read_bytes() for p in Path(claude).iterdir()}
    res = seat_only(runs["fakes"], runs["local"], "codex", Path(claude))
    assert res.returncode == 2
    assert f"--out {claude} already holds the seat result of claude" in res.stderr
    assert {p.name: p.read_bytes() for p in Path(claude).iterdir()} == before
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / "notes.txt").write_text("mine")
    res = seat_only(runs["fakes"], runs["local"], "codex", stray)
    assert res.returncode == 2 and "is not empty and holds no seat result" in res.stderr


def test_seat_only_refuses_what_it_cannot_carry(runs: dict[str, Any], tmp_path: Path) -> None:
    fakes, local = runs["fakes"], runs["local"]
    out = tmp_path / "o"
    cases = [
        (["--passes", "2"], "--seat-only runs one pass"),
        (["--lead", "claude"], "--seat-only runs no lead; pass --lead to `deep-review finish`"),
        (["--agents", "claude,codex"], "not one of the review's seats (claude, codex)"),
    ]
    for extra, message in cases:
        res = seat_only(fakes, local, "gemini", out, *extra)
        assert res.returncode == 2 and message in res.stderr, res.stderr
    assert not out.exists()


def test_secrets_stay_out_of_the_seat_result_and_the_store(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    install_agents(fakes, {"claude": {"leak_vars": ["ANTHROPIC_API_KEY"]}})
    _, (runner, local) = origin_and_clones(tmp_path, 2)
    out = tmp_path / "claude-result"
    assert seat_only(fakes, runner, "claude", out).returncode == 0
    secret = AGENT_AUTH["claude"][1]
    assert grep_store(out, [secret]) == []
    assert grep_store(out, ["[REDACTED]"]), "the fake did not leak: nothing to redact"
    res = finish(fakes, local, "--from", str(out))
    assert res.returncode == 0, res.stderr
    assert grep_store(tmp_path / "store", [secret]) == []


SLOW = ("--agents", "slow", "--seat-only", "slow")


def test_an_interrupted_seat_writes_its_result_and_finish_shows_it_failed(
    runs: dict[str, Any], tmp_path: Path
) -> None:
    fakes = Fakes(tmp_path)
    started = tmp_path / "started"
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120", "--count-file", str(started))})
    repo = runs["local"]
    out = tmp_path / "slow-result"
    proc = subprocess.Popen(
        [sys.executable, "-m", "deepreview", "review", RANGE, *SLOW, "--out", str(out)],
        cwd=repo,
        env=fakes.env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists(), "the seat never started"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert fakes.survivors() == []
    record = json.loads((out / "seat-result.json").read_text())
    assert record["status"] == "interrupted"
    res = finish(fakes, repo, "--from", str(out))
    assert res.returncode == 3, res.stderr  # its only seat did not review
    (seat,) = res.json()["seats"]
    assert (seat["status"], seat["reason"]) == ("failed", "interrupted on its runner")
