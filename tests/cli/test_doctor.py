"""`deep-review doctor` on a machine without any agent CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import cli_env, git, make_repo, run_cli

PACKAGES = {
    "claude": "@anthropic-ai/claude-code",
    "codex": "@openai/codex",
    "gemini": "@google/gemini-cli",
    "opencode": "opencode-ai",
}


def test_doctor_names_missing_clis_and_their_npm_packages(tmp_path: Path) -> None:
    env = cli_env(tmp_path, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")})
    res = run_cli(["doctor", "--json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    seats = {s["name"]: s for s in res.json()["seats"]}
    for name, package in PACKAGES.items():
        assert seats[name]["found"] is False and seats[name]["usable"] is False
        assert package in seats[name]["install_hint"]
    assert seats["static"]["usable"] is True
    text = run_cli(["doctor"], cwd=tmp_path, env=env)
    assert text.returncode == 0
    flat = " ".join(text.stdout.split())
    for name, package in PACKAGES.items():
        assert name in flat and package in flat
    assert "[seats.claude]" in flat  # the config hint survives rich markup
    assert "will use the static seat" in flat
    json.dumps(seats)  # plain JSON-able


def _seat_config(fakes: Fakes) -> None:
    """Two working command seats, one whose program is missing, and a claude with a model."""
    fakes.write_config(
        {
            "lint-a": fakes.seat("ok"),
            "lint-b": {"argv": ["true", "--review"]},
            "ghost": {"argv": ["no-such-reviewer-prog", "{prompt_file}"]},
            "claude": {"model": "opus"},
        }
    )


def test_doctor_names_command_seats_by_their_own_name(tmp_path: Path) -> None:
    """Issue 13 item 6: configured command seats are not all called "command"."""
    fakes = Fakes(tmp_path)
    _seat_config(fakes)
    env = fakes.env({"HOME": str(tmp_path / "home")})
    res = run_cli(["doctor", "--json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    seats = {s["name"]: s for s in res.json()["seats"]}
    assert "command" not in seats
    assert {"lint-a", "lint-b", "ghost"} <= set(seats)
    assert seats["lint-a"]["usable"]
    assert Path(seats["lint-a"]["binary"]) == Path(sys.executable).resolve()
    assert seats["lint-b"]["usable"] and seats["lint-b"]["binary"].endswith("/true")
    assert not seats["ghost"]["usable"]
    assert "no-such-reviewer-prog" in seats["ghost"]["reason"]
    assert "[seats.ghost]" in seats["ghost"]["reason"]
    text = run_cli(["doctor"], cwd=tmp_path, env=env)
    rows = {ln.split("│")[1].strip(): ln for ln in text.stdout.splitlines() if ln.count("│") > 3}
    assert "command" not in rows
    assert "'true'" in rows["lint-b"] and "no-such-reviewer-prog" in rows["ghost"]


def test_doctor_says_what_a_review_would_run(tmp_path: Path) -> None:
    """Issue 13 item 7: the default panel is stated, and a review runs exactly that panel."""
    fakes = Fakes(tmp_path)
    _seat_config(fakes)
    env = fakes.env({"HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    flat = " ".join(res.stdout.split())
    # No model agent here: the configured command seats run, static stands in for the models.
    assert "A review now would run: lint-a, lint-b, static; lead: none" in flat
    data = run_cli(["doctor", "--json"], cwd=repo, env=env).json()
    assert data["default_panel"] == ["lint-a", "lint-b", "static"]
    review = fakes.review(repo, env=env, lead=None)
    assert review.returncode == 0, review.stderr
    assert [s["seat"] for s in review.json()["seats"]] == ["lint-a", "lint-b", "static"]
    assert "ghost" in review.stderr  # the configured seat that cannot run is named, not hidden


def test_doctor_panel_with_a_model_agent(tmp_path: Path) -> None:
    """With a usable model agent the static seat still runs: every usable seat reviews."""
    fakes = Fakes(tmp_path)
    fakes.agent("claude")
    fakes.write_config({"lint-a": fakes.seat("ok")})
    env = fakes.env({"HOME": str(tmp_path / "home")}, agents=True)
    res = run_cli(["doctor"], cwd=make_repo(tmp_path), env=env)
    flat = " ".join(res.stdout.split())
    assert "A review now would run: claude, lint-a, static; lead: claude" in flat


def test_npm_packages_of_configured_seats(tmp_path: Path) -> None:
    """The Action and the example workflow run `doctor --npm-packages "$AGENTS"` before the
    review: a command seat from the repository's file needs no npm package (not "unknown
    seat"), a seat configured as an agent kind needs that agent's, a typo is still refused."""
    repo = make_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "main")  # a review reads the file from the base branch
    (repo / ".deep-review.toml").write_text('[seats.my-linter]\nargv = ["true"]\n')
    git(repo, "add", ".deep-review.toml")
    git(repo, "commit", "-qm", "a command seat")
    env = cli_env(tmp_path, {"CI": "true", "HOME": str(tmp_path / "home")})
    Path(env["DEEP_REVIEW_CONFIG"]).write_text('[seats.opus]\nkind = "claude"\nmodel = "opus"\n')
    res = run_cli(["doctor", "--npm-packages", "claude,my-linter,opus,static"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == [PACKAGES["claude"]]
    res = run_cli(["doctor", "--npm-packages", "my-linter"], cwd=repo, env=env)
    assert (res.returncode, res.stdout.strip()) == (0, "")
    bad = run_cli(["doctor", "--npm-packages", "claude,my-lintr"], cwd=repo, env=env)
    assert bad.returncode == 2
    (line,) = bad.stderr.strip().splitlines()
    assert "unknown seat 'my-lintr'" in line and "my-linter" in line and "codex" in line
    assert bad.stdout == ""


def test_doctor_reads_a_config_file_as_review_does(tmp_path: Path) -> None:
    """`review --config FILE` names `deep-review doctor` when a seat FILE defines cannot run;
    `doctor --config FILE` shows that seat, and that such a review would refuse to start."""
    fakes = Fakes(tmp_path)
    env = fakes.env({"HOME": str(tmp_path / "home")})
    repo = make_repo(tmp_path)
    extra = tmp_path / "seats.toml"
    extra.write_text(
        '[review]\nagents = ["lint-a"]\n\n[seats.lint-a]\nargv = ["no-such-reviewer-prog"]\n',
        encoding="utf-8",
    )
    review = run_cli(["review", "--config", str(extra)], cwd=repo, env=env)
    assert review.returncode == 2 and "deep-review doctor" in review.stderr, review.stderr
    res = run_cli(["doctor", "--json", "--config", str(extra)], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    seats = {s["name"]: s for s in res.json()["seats"]}
    assert "no-such-reviewer-prog" in seats["lint-a"]["reason"]
    assert res.json()["default_panel"] is None
    assert res.json()["review_refused"].startswith("seat 'lint-a' cannot run here: ")


def test_doctor_says_a_review_refuses_a_named_seat_or_lead_that_cannot_run(
    tmp_path: Path,
) -> None:
    """`DEEP_REVIEW_AGENTS=claude` with no Claude CLI: `review` refuses; doctor used to say
    "A review now would run: claude". It says the refusal, with review's own reason."""
    repo = make_repo(tmp_path)
    base = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")}
    for extra, who in (
        ({"DEEP_REVIEW_AGENTS": "claude,static"}, "seat 'claude'"),
        ({"DEEP_REVIEW_AGENTS": "static", "DEEP_REVIEW_LEAD": "codex"}, "lead 'codex'"),
    ):
        env = cli_env(tmp_path, {**base, **extra})
        review = run_cli(["review", "HEAD~1..HEAD"], cwd=repo, env=env)
        assert review.returncode == 2, review.stderr
        assert f"{who} cannot run here" in review.stderr, review.stderr
        text = run_cli(["doctor"], cwd=repo, env=env)
        assert text.returncode == 0, text.stderr
        flat = " ".join(text.stdout.split())
        assert f"A review now would refuse to start: {who} cannot run here:" in flat, flat
        assert "A review now would run" not in flat and "will run only" not in flat, flat
        doc = run_cli(["doctor", "--json"], cwd=repo, env=env).json()
        assert doc["default_panel"] is None
        assert f"{who} cannot run here" in doc["review_refused"], doc
