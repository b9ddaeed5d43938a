"""The lead is not started when its own CLI was already refused in this review (a rejected key,
a used-up quota, a rate limit), nor when no model seat produced a review: it would fail the same
way after its own retries, or verify nothing. Through the real `deep-review review` with the
fake CLIs (tests/fakebin), which print what the real ones print when the API refuses them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes, run_json
from support.repos import CliResult, make_repo, run_cli

# Claude Code retrying a rejected key (HTTP 401): the adapter stops it after the third retry.
CLAUDE_KEY_REJECTED: dict[str, Any] = {
    "api_retries": 3,
    "api_retry_status": 401,
    "api_retry_error": "authentication_failed",
    "retry_forever": True,
}
CODEX_RATE_LIMITED = "exceeded retry limit, last status: 429 Too Many Requests"


def _spawns(started: Path, cli: str) -> int:
    """How many times the fake `cli` was started (its `started_file`)."""
    lines = started.read_text(encoding="utf-8").splitlines() if started.exists() else []
    return sum(1 for line in lines if line.split()[0] == cli)


def _review(fakes: Fakes, repo: Path, agents: str, lead: str, *args: str) -> CliResult:
    return fakes.review(repo, "--agents", agents, *args, lead=lead, env=fakes.env(agents=True))


def _lead_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("[lead]")]


def test_a_lead_on_the_cli_refused_on_its_key_is_not_started(tmp_path: Path) -> None:
    fakes, repo = Fakes(tmp_path), make_repo(tmp_path)
    started = tmp_path / "started.txt"
    fakes.agent("claude", {**CLAUDE_KEY_REJECTED, "started_file": str(started)})
    fakes.agent("codex")
    res = _review(fakes, repo, "claude,codex", "claude")

    assert res.returncode == 0, res.stderr  # codex reviewed: the no-lead path, not exit 3
    assert _spawns(started, "claude") == 1  # the seat only: the lead was never started
    out = res.json()
    seat = next(s for s in out["seats"] if s["seat"] == "claude")
    assert seat["reason"].startswith("authentication failed (HTTP 401)"), seat
    why = f"claude failed on authentication in seat claude: {seat['reason']}"
    assert out["lead"]["status"] == "none"
    assert out["lead"]["reason"] == why
    review_dir = Path(out["review_dir"])
    lead = run_json(review_dir)["lead"]
    assert (lead["status"], lead["reason"], lead["run"]) == ("none", why, None)
    assert not (review_dir / "prompt-lead.md").exists()
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    banner = f"> Consolidated without a lead: lead not run: {why}. The lead (claude) runs the same"
    assert banner in md
    assert "the findings below are not verified by a lead" in md
    assert f"`deep-review relead {out['review_id']}` runs it." in md
    assert md.count("Consolidated without a lead") == 1
    # the terminal says it once, and never that the lead ran
    assert _lead_lines(res.stderr) == [
        "[lead] not run: claude failed on authentication in seat claude"
    ]

    # the verdict is the one a review without a lead gets
    other = tmp_path / "no-lead"
    other.mkdir()
    fakes_b, repo_b = Fakes(other), make_repo(other)
    fakes_b.agent("claude", CLAUDE_KEY_REJECTED)
    fakes_b.agent("codex")
    plain = _review(fakes_b, repo_b, "claude,codex", "none")
    assert plain.returncode == res.returncode
    data = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    plain_data = json.loads(Path(plain.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert data["header"]["verdict"] == plain_data["header"]["verdict"]

    # once the key works, `relead` runs the lead the note names
    fakes.agent("claude", {"started_file": str(started)})
    again = run_cli(["relead", out["review_id"], "--json"], cwd=repo, env=fakes.env(agents=True))
    assert _spawns(started, "claude") > 1, again.stderr  # the lead ran (its answer aside)
    assert run_json(review_dir)["lead"]["run"] is not None


def test_a_lead_on_the_cli_rate_limited_is_not_started(tmp_path: Path) -> None:
    fakes, repo = Fakes(tmp_path), make_repo(tmp_path)
    started = tmp_path / "started.txt"
    fakes.agent(
        "codex",
        {
            "mode": "api_error",
            "api_error_message": CODEX_RATE_LIMITED,
            "started_file": str(started),
        },
    )
    fakes.agent("gemini")
    res = _review(fakes, repo, "codex,gemini", "codex")

    assert res.returncode == 0, res.stderr
    assert _spawns(started, "codex") == 1
    out = res.json()
    assert out["lead"]["status"] == "none"
    assert out["lead"]["reason"] == (
        f"codex failed on rate limit in seat codex: {CODEX_RATE_LIMITED}"
    )
    assert _lead_lines(res.stderr) == ["[lead] not run: codex failed on rate limit in seat codex"]


def test_a_lead_on_another_cli_still_runs(tmp_path: Path) -> None:
    fakes, repo = Fakes(tmp_path), make_repo(tmp_path)
    started = tmp_path / "started.txt"
    fakes.agent("codex", {"mode": "api_error"})  # HTTP 401: codex's key is rejected
    fakes.agent("claude", {"started_file": str(started)})
    res = _review(fakes, repo, "codex,claude", "claude")

    assert res.returncode == 0, res.stderr
    out = res.json()
    assert next(s for s in out["seats"] if s["seat"] == "codex")["status"] == "failed"
    assert _spawns(started, "claude") >= 2  # the seat, then the lead (asked again: no JSON)
    assert run_json(Path(out["review_dir"]))["lead"]["run"] is not None
    assert "[lead] running" in _lead_lines(res.stderr)


def test_no_model_review_leaves_the_lead_nothing_to_verify(tmp_path: Path) -> None:
    """Every model seat failed: the static checks' findings alone are no model review, and
    the lead (on a CLI that worked) is not started for them."""
    fakes, repo = Fakes(tmp_path), make_repo(tmp_path)
    started = tmp_path / "started.txt"
    fakes.agent("codex", {"mode": "exit", "exit_code": 1, "stderr": "Segmentation fault"})
    fakes.agent("claude", {"started_file": str(started)})
    res = _review(fakes, repo, "codex,static", "claude")

    assert res.returncode == 0, res.stderr  # the static seat ran: not every seat failed
    assert _spawns(started, "claude") == 0
    out = res.json()
    assert out["verdict"] == "No model review"
    assert (out["lead"]["status"], out["lead"]["reason"]) == ("none", "no model review to verify")
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert (
        "> Consolidated without a lead: no model seat produced a review (only the static checks "
        "did), so the lead (claude) had nothing to verify." in md
    )
    assert _lead_lines(res.stderr) == ["[lead] not run: no model review to verify"]


def test_every_seat_failed_is_still_exit_3_and_no_lead(tmp_path: Path) -> None:
    fakes, repo = Fakes(tmp_path), make_repo(tmp_path)
    started = tmp_path / "started.txt"
    fakes.agent("claude", {**CLAUDE_KEY_REJECTED, "started_file": str(started)})
    res = _review(fakes, repo, "claude", "claude")

    assert res.returncode == 3, res.stderr
    assert _spawns(started, "claude") == 1
    out = res.json()
    assert (out["lead"]["status"], out["lead"]["reason"]) == ("none", "no model review to verify")
    lead = run_json(Path(out["review_dir"]))["lead"]
    assert (lead["status"], lead["reason"]) == ("none", "no model review to verify")
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "> Consolidated without a lead: no seat produced a review" in md
