"""`resume` and `relead` offer only the options they honour: `--agents` (both: the seats are
the review's own) and `resume --lead` (its lead is the one the review started with) were
accepted and silently ignored, even an unknown seat name. Now click refuses them (exit 2) and
the line says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


def _stored_review(tmp: Path) -> tuple[Path, dict[str, str], str]:
    repo = make_repo(tmp)
    env = cli_env(tmp)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return repo, env, res.json()["review_id"]


@pytest.fixture(scope="module")
def refused_here(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str], str, Path]:
    """One stored review for the options refused before anything runs (each test that could
    change it asserts the store is as it was); its repo, env, id and store."""
    tmp = tmp_path_factory.mktemp("refused")
    return (*_stored_review(tmp), tmp / "store")


@pytest.mark.parametrize(
    ("command", "option", "why"),
    [
        ("resume", "--agents", "`resume` finishes the review with the seats it was started with"),
        ("resume", "--lead", "`resume` finishes the review with the lead it was started with"),
        ("relead", "--agents", "`relead` reruns only the lead"),
    ],
)
def test_an_option_the_command_would_ignore_is_refused(
    refused_here: tuple[Path, dict[str, str], str, Path], command: str, option: str, why: str
) -> None:
    repo, env, rid, store = refused_here
    before = sorted(p.name for p in store.rglob("*"))
    res = run_cli([command, rid, option, "nosuch"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    lines = res.stderr.splitlines()
    assert len(lines) == 1, res.stderr
    assert f"No such option '{option}'" in lines[0] and why in lines[0], lines[0]
    assert sorted(p.name for p in store.rglob("*")) == before
    shown = run_cli([command, "--help"], cwd=repo, env=env)
    assert option not in shown.stdout


def test_relead_still_takes_a_lead(tmp_path: Path) -> None:
    repo, env, rid = _stored_review(tmp_path)
    res = run_cli(["relead", rid, "--lead", "none", "--timeout", "60"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "--lead" in run_cli(["relead", "--help"], cwd=repo, env=env).stdout


def test_relead_refuses_a_model_for_a_seat_it_does_not_run(
    refused_here: tuple[Path, dict[str, str], str, Path],
) -> None:
    """`relead` runs only the lead: `--model claude=opus` on a review led by nobody (or by
    another agent) changed nothing and said nothing; an unknown seat was not even checked."""
    repo, env, rid, store = refused_here
    before = sorted(p.name for p in store.rglob("*"))
    res = run_cli(["relead", rid, "--lead", "none", "--model", "claude=opus"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.splitlines()
    assert (
        "--model claude=opus: claude does not run here (`relead` runs only the lead, none" in line
    )
    res = run_cli(["relead", rid, "--lead", "none", "--model", "nosuch=x"], cwd=repo, env=env)
    assert res.returncode == 2 and "unknown seat 'nosuch'" in res.stderr, res.stderr
    assert sorted(p.name for p in store.rglob("*")) == before


def test_resume_refuses_a_model_for_a_seat_that_finished(tmp_path: Path) -> None:
    import json
    import sys

    from support.interrupt import interrupt_review

    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    slow = tmp_path / "slow.py"
    slow.write_text("import sys, time\nsys.stdin.read()\ntime.sleep(120)\n", encoding="utf-8")
    seat = json.dumps([sys.executable, str(slow)])
    Path(env["DEEP_REVIEW_CONFIG"]).write_text(f"[seats.slow]\nargv = {seat}\n")

    def static_done() -> bool:
        files = list((tmp_path / "store").glob("*/run.json"))
        if not files:
            return False
        seats = json.loads(files[0].read_text(encoding="utf-8"))["seats"]
        return seats["static"]["status"] == "ok" and seats["slow"]["status"] == "running"

    run = interrupt_review(
        ["review", "--agents", "static,slow", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
        when=static_done,
        what="the static seat to finish while slow runs",
    )
    assert run.returncode == 130, run.stderr
    rid = run.json()["review_id"]
    res = run_cli(["resume", rid, "--model", "claude=opus"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    (line,) = res.stderr.splitlines()
    assert "claude does not run here (`resume` runs slow again, then the lead, none" in line


def test_relead_help_says_what_force_overrides_as_the_readme_does(tmp_path: Path) -> None:
    """README: `relead --force` reruns the lead even when a later round names the review's
    findings by their IDs, or some are declined by ID; its --help said only the first, and
    `resume`'s and `relead`'s --timeout spoke of --passes, which neither takes."""
    env = cli_env(tmp_path)
    relead = " ".join(run_cli(["relead", "--help"], cwd=tmp_path, env=env).stdout.split())
    assert "declined by ID" in relead, relead
    for command in ("relead", "resume"):
        text = " ".join(run_cli([command, "--help"], cwd=tmp_path, env=env).stdout.split())
        assert "--passes" not in text, text


def test_relead_refuses_an_effort_no_lead_takes(
    refused_here: tuple[Path, dict[str, str], str, Path],
) -> None:
    """`relead --lead none --effort high` reran nothing that takes an effort, and said so not."""
    repo, env, rid, store = refused_here
    before = sorted(p.name for p in store.rglob("*"))
    res = run_cli(["relead", rid, "--lead", "none", "--effort", "high"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        "deep-review: error: --effort high: no seat here takes an effort (`relead` runs only "
        "the lead, none; only Claude, Codex and opencode do); drop this option"
    ]
    assert sorted(p.name for p in store.rglob("*")) == before
