"""Issue 11: counts agree everywhere. A `command` seat's program prints only its review, so how
many tool calls it made is not measured: the live progress line says so, `--json`, run.json,
the stored report (what `show --format json` prints) carry null, and the retro shows `—`, where
each used to say 0. An agent CLI's own count, 0 included, stays a number in every one of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes, run_json
from support.repos import make_repo, run_cli
from support.review_texts import ONE_FINDING_REVIEW


def _row(md: str, label: str) -> list[str]:
    line = next(ln for ln in md.splitlines() if ln.startswith(f"| {label} |"))
    return [c.strip() for c in line.strip("|").split("|")][1:]


def test_a_command_seats_unmeasured_tool_calls_agree_everywhere(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"mode": "ok", "tools": 0})  # a real count of none
    fakes.write_config({"alpha": fakes.seat("ok")})
    env = fakes.env(agents=True)
    res = fakes.review(repo, "--agents", "alpha,claude", env=env)
    assert res.returncode == 0, res.stderr[-2000:]

    lines = res.stderr.splitlines()
    assert any(
        re.fullmatch(r"\[alpha\] ok \([^,()]+, tool calls not measured\)", ln) for ln in lines
    ), res.stderr
    assert any(re.fullmatch(r"\[claude\] ok \([^,()]+, 0 tool calls\)", ln) for ln in lines), (
        res.stderr
    )

    out = res.json()
    seats = {s["seat"]: s for s in out["seats"]}
    assert (seats["alpha"]["tool_calls"], seats["claude"]["tool_calls"]) == (None, 0)

    state = run_json(Path(out["review_dir"]))
    runs_state = {name: e["run"] for name, e in state["seats"].items()}
    assert (runs_state["alpha"]["tool_calls"], runs_state["claude"]["tool_calls"]) == (None, 0)

    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    # a null count is new in version 2: an older deep-review says it is newer, not damaged
    assert report["schema_version"] == 2
    runs = {r["seat"]: r for r in report["runs"]}
    assert (runs["alpha"]["tool_calls"], runs["claude"]["tool_calls"]) == (None, 0)
    shown = run_cli(["show", out["review_id"], "--format", "json"], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr[-2000:]
    shown_runs = {r["seat"]: r for r in json.loads(shown.stdout)["runs"]}
    assert (shown_runs["alpha"]["tool_calls"], shown_runs["claude"]["tool_calls"]) == (None, 0)

    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    header = next(ln for ln in md.splitlines() if ln.startswith("| | Alpha |"))
    columns = [c.strip() for c in header.strip("|").split("|")][1:]
    cells = dict(zip(columns, _row(md, "Tool calls"), strict=True))
    assert cells == {"Alpha": "—", "Claude Opus 4.6": "0"}, cells


def test_passes_of_a_command_seat_add_up_to_not_measured(tmp_path: Path) -> None:
    """Two passes: an agent CLI's counts add up, a command seat's stay unknown (a sum of
    unmeasured passes is no count), on its live lines as in what the review stores."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    review = tmp_path / "review.md"  # an Important finding: each seat looks again
    review.write_text(ONE_FINDING_REVIEW, encoding="utf-8")
    fakes.agent("claude", {"mode": "ok", "tools": 2, "review_file": str(review)})
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review))})
    res = fakes.review(
        repo, "--agents", "alpha,claude", "--passes", "2", env=fakes.env(agents=True)
    )
    assert res.returncode == 0, res.stderr[-2000:]
    alpha_ends = [ln for ln in res.stderr.splitlines() if ln.startswith("[alpha] ") and "(" in ln]
    assert alpha_ends and all(ln.endswith(", tool calls not measured)") for ln in alpha_ends), (
        res.stderr
    )
    assert re.search(r"^\[claude\] .*\([^,()]+, 4 tool calls\)$", res.stderr, re.M), res.stderr
    out = res.json()
    seats = {s["seat"]: s for s in out["seats"]}
    assert (seats["alpha"]["tool_calls"], seats["claude"]["tool_calls"]) == (None, 4)
    state = run_json(Path(out["review_dir"]))
    assert state["seats"]["alpha"]["run"]["tool_calls"] is None


def test_a_seat_only_command_seat_carries_null_to_finish(tmp_path: Path) -> None:
    """`--seat-only` on one runner, `finish` on another: the unmeasured count travels as null in
    the seat's result and its `--json`, and the finished report's runs keep it null."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok")})
    env = fakes.env()
    out = tmp_path / "alpha-result"
    res = run_cli(
        ["review", "--agents", "alpha", "--seat-only", "alpha", "--out", str(out), "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.json()["tool_calls"] is None
    record = json.loads((out / "seat-result.json").read_text(encoding="utf-8"))
    assert record["run"]["tool_calls"] is None
    done = run_cli(["finish", "--from", str(out), "--lead", "none", "--json"], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    finished = done.json()
    assert [s["tool_calls"] for s in finished["seats"]] == [None]
    report = json.loads(Path(finished["paths"]["json"]).read_text(encoding="utf-8"))
    assert [r["tool_calls"] for r in report["runs"]] == [None]
