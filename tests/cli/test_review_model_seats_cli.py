"""`review --model SEAT=MODEL` for a seat that neither reviews nor leads this change is refused
before anything runs or is stored (exit 2), in the words `resume`, `relead` and `finish` use:
the review used to run and only note that the model had no effect, easily lost in the output."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli


def _fakes(tmp_path: Path, *clis: str) -> Fakes:
    fakes = Fakes(tmp_path)
    for cli in clis:
        fakes.agent(cli, {})
    return fakes


def test_a_model_for_a_seat_left_out_of_agents_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = _fakes(tmp_path, "claude", "codex")
    res = run_cli(
        ["review", "--model", "codex=gpt-x", "--agents", "claude"],
        cwd=repo,
        env=fakes.env(agents=True),
    )
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        "deep-review: error: --model codex=gpt-x: codex does not run here (`review` runs "
        "claude, then the lead, claude); name it in --agents, or drop this option"
    ]
    assert not fakes.store.exists() or not any(fakes.store.glob("*/run.json"))


def test_a_model_for_the_static_only_review_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = _fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "--model", "claude=opus")
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        "deep-review: error: --model claude=opus: claude does not run here (`review` runs "
        "static, then the lead, none); name it in --agents, or drop this option"
    ]


def test_a_model_for_a_seat_that_cannot_run_here_is_refused(tmp_path: Path) -> None:
    """No --agents: the seats are every usable one, and gemini is not installed."""
    repo = make_repo(tmp_path)
    fakes = _fakes(tmp_path, "claude")
    res = fakes.review(repo, "--model", "gemini=pro", env=fakes.env(agents=True))
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        "deep-review: error: --model gemini=pro: gemini does not run here (`review` runs "
        "claude, static, then the lead, none); `deep-review doctor` says why, or drop this "
        "option"
    ]


def test_a_model_for_the_lead_alone_still_runs(tmp_path: Path) -> None:
    """The lead runs too: a model for a lead that reviews nothing is no idle option."""
    repo = make_repo(tmp_path)
    fakes = _fakes(tmp_path, "claude", "codex")
    res = fakes.review(
        repo,
        "--agents",
        "static",
        "--model",
        "codex=gpt-x",
        lead="codex",
        env=fakes.env(agents=True),
    )
    assert res.returncode == 0, res.stderr
    assert "--model" not in res.stderr


def test_an_effort_no_seat_takes_is_refused(tmp_path: Path) -> None:
    """`--effort` reaches Claude, Codex and opencode only: a review of the static seat and
    Gemini with no lead ran and ignored it, as a `--model` for an idle seat was."""
    repo = make_repo(tmp_path)
    fakes = _fakes(tmp_path, "gemini", "claude")
    env = fakes.env(agents=True)
    res = fakes.review(repo, "--agents", "gemini,static", "--effort", "high", env=env)
    assert res.returncode == 2, res.stderr
    assert res.stderr.splitlines() == [
        "deep-review: error: --effort high: no seat here takes an effort (`review` runs gemini, "
        "static, then the lead, none; only Claude, Codex and opencode do); drop this option"
    ]
    led = fakes.review(repo, "--agents", "static", "--effort", "high", lead="claude", env=env)
    assert led.returncode == 0, led.stderr
