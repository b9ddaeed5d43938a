"""`deep-review review` with real CLIs whose models answer as real ones do when things go wrong:
what a maintainer reads (verdict, each seat's status and reason, reviewers, exit code) must say
which seats reviewed and which did not, the same in the report, `--json` and run.json.

Each seat has its own scripted server (one script per model), so one review mixes answers.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import deepreview
from deepreview import proc
from e2e.agentkit import SCRIPTED_KEY, ReviewRepo, codex_provider_args, require_cli
from scripted_server import ReadFile, Shell, Step

pytestmark = pytest.mark.e2e

TOOLS = [
    Step.tools([Shell("git log --oneline -1", "Show last commit"), Shell("git blame calc.py")]),
    Step.tools([ReadFile("README.md")]),
]
CRITICAL = "1. **`add` returns a difference** (`calc.py:2`) — `return a - b` breaks every caller.\n"
HEADED = (
    "## Code Review: calc.py\n\n### Summary\nThe change makes `add` subtract.\n\n"
    f"### Critical Issues\n{CRITICAL}\n### Important Issues\n"
    "1. **No test covers `add`** (`calc.py:1`) — the regression went unnoticed.\n\n"
    "### Verdict\nRequest changes.\n"
)
# Stopped mid-finding: cut at the end of the text, as the output limit cuts.
CUT = HEADED.split("went unnoticed")[0] + "went unno"
CLEAN = "LGTM. `add` is a one-liner and the change reads fine.\n\nNo issues found.\n"
RATE_LIMITED = "I could not access the repository. Error: rate limit exceeded."


def review(
    tmp_path: Path,
    bin_dir: Path,
    repo: ReviewRepo,
    scripted_server: Any,
    scripts: dict[str, list[Step]],
    *args: str,
) -> tuple[proc.ProcResult, dict[str, Any]]:
    """`deep-review review --json` of `repo` by the seats of `scripts`, each answered by its
    own scripted server: (the process's result, its JSON document)."""
    for name in scripts:
        require_cli(bin_dir, name)
    url = {name: scripted_server(script).url for name, script in scripts.items()}
    config = tmp_path / "config.toml"
    codex_args = [*codex_provider_args(url.get("codex", "")), "-c",
                  "model_providers.scripted.request_max_retries=0"]  # fmt: skip
    config.write_text(
        '[seats.claude]\nmodel = "claude-sonnet-4-5"\n\n'
        f'[seats.codex]\nmodel = "gpt-5.5"\nextra_args = {json.dumps(codex_args)}\n\n'
        '[seats.gemini]\nmodel = "gemini-2.5-pro"\n',
        encoding="utf-8",
    )
    home = tmp_path / "user-home"
    home.mkdir()
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "DEEP_REVIEW_CONFIG": str(config),
        "ANTHROPIC_BASE_URL": url.get("claude", ""),
        "ANTHROPIC_API_KEY": SCRIPTED_KEY,
        "GOOGLE_GEMINI_BASE_URL": url.get("gemini", ""),
        "GEMINI_API_KEY": SCRIPTED_KEY,
        "SCRIPTED_API_KEY": SCRIPTED_KEY,
        # the deep-review under test, whichever checkout the interpreter would import
        "PYTHONPATH": str(Path(deepreview.__file__).resolve().parents[1]),
    }
    argv = [
        sys.executable, "-m", "deepreview", "review", f"{repo.base_sha}..HEAD",
        "--agents", ",".join(scripts), "--lead", "none", "--timeout", "120",
        "--store", str(tmp_path / "store"), "--json", "--repo", str(repo.path), *args,
    ]  # fmt: skip
    result = proc.run(argv, cwd=repo.path, env=env, timeout=300)
    assert result.stdout_text.strip(), result.stderr_text[-3000:]
    return result, json.loads(result.stdout_text)


def stored(out: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(run.json, the report's JSON, its Markdown) of the review `out` names."""
    run = json.loads((Path(out["review_dir"]) / "run.json").read_text(encoding="utf-8"))
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return run, report, Path(out["paths"]["md"]).read_text(encoding="utf-8")


def test_failed_seats_are_said_everywhere_and_listed_nowhere(
    tmp_path: Path, cli_bin_dir: Path, review_repo: ReviewRepo, scripted_server: Any
) -> None:
    # Claude is cut off mid-finding with no limit signal (its findings are read), Codex's model
    # says it could not get at the repository, Gemini's only calls tools and then says nothing.
    scripts = {
        "claude": [*TOOLS, Step.text(CUT)],
        "codex": [Step.text(RATE_LIMITED)],
        "gemini": [*TOOLS, Step.text("")],
    }
    result, out = review(tmp_path, cli_bin_dir, review_repo, scripted_server, scripts)

    assert result.returncode == 0, result.stderr_text[-3000:]
    want = {
        "claude": ("ok", "review cut off", 3),
        "codex": ("failed", "unparseable review", 0),
        "gemini": ("failed", "empty review (the agent produced no final answer)", 3),
    }
    assert {s["seat"]: (s["status"], s["reason"], s["tool_calls"]) for s in out["seats"]} == want
    run, report, md = stored(out)
    assert {n: (s["status"], s["reason"]) for n, s in run["seats"].items()} == {
        n: w[:2] for n, w in want.items()
    }
    assert {r["seat"]: (r["status"], r["reason"], r["tool_calls"]) for r in report["runs"]} == want
    assert [r["seat"] for r in report["header"]["reviewers"]] == ["claude"]
    verdict = report["header"]["verdict"]
    assert (out["verdict"], out["verdict_reason"]) == (verdict["label"], verdict["reason"])
    assert verdict["label"] == "Rework"
    assert "2 of 3 seats failed" in verdict["reason"], verdict
    assert "Claude's review is cut off" in verdict["reason"], verdict
    assert "[claude] ok: review cut off" in result.stderr_text
    assert "[gemini] failed (" in result.stderr_text and "3 tool calls" in result.stderr_text
    assert f"Codex failed: unparseable review (it said: “{RATE_LIMITED}”)" in md
    # What a failed seat printed is kept as it printed it.
    kept = (Path(out["review_dir"]) / "review-codex-pass-1.md").read_text(encoding="utf-8")
    assert kept.strip() == RATE_LIMITED


def test_findings_written_before_the_output_limit_are_no_approval(
    tmp_path: Path, cli_bin_dir: Path, review_repo: ReviewRepo, scripted_server: Any
) -> None:
    # Claude's answer, a critical finding written in full, is cut by the output limit: the seat
    # fails (its text is not read for findings), so nobody judged that finding. Codex approves.
    scripts = {"claude": [*TOOLS, Step.text(CUT, cut=True)], "codex": [*TOOLS, Step.text(CLEAN)]}
    result, out = review(
        tmp_path, cli_bin_dir, review_repo, scripted_server, scripts, "--fail-on", "important"
    )

    seats = {s["seat"]: s for s in out["seats"]}
    assert seats["claude"]["status"] == "failed", seats
    assert "cut off by the output limit" in seats["claude"]["reason"], seats
    assert seats["codex"]["status"] == "ok", seats
    assert out["verdict"] == "Unverified", out
    assert "Claude failed after writing findings that were not judged" in out["verdict_reason"]
    assert "1 of 2 seats failed" in out["verdict_reason"]
    assert result.returncode == 4, result.stderr_text[-3000:]
    _, report, md = stored(out)
    assert [r["seat"] for r in report["header"]["reviewers"]] == ["codex"]
    assert report["findings"] == []  # (its text is in the appendix, marked failed)
    assert CRITICAL.strip() in md.split("## Appendix")[1]
