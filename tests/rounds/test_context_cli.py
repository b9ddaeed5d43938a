"""`context show` / `context apply ID` through the real command."""

from __future__ import annotations

from pathlib import Path

from deepreview.rounds.context import ContextEdit, apply_edits, parse_update
from fakebin.harness import Fakes
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round

REASON = "by design: callers validate the divisor"


def test_context_apply_shows_a_diff_and_writes_after_confirmation(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    write(repo, "deep-review-context.md", "# Review context\n\n- Money is in cents.\n")
    commit_all(repo, "Add review context")
    rid = run_round(fakes, repo, ROUND1)["review_id"]
    env = fakes.env()
    assert run_cli(["decline", rid, "I1", "--reason", REASON], cwd=repo, env=env).returncode == 0

    declined = run_cli(["context", "apply", rid], cwd=repo, env=env, input_=b"n\n")
    assert declined.returncode == 0, declined.stderr
    line = f"+- `calc.py`: Division by zero is not handled — {REASON}"
    assert "--- a/deep-review-context.md" in declined.stdout and line in declined.stdout
    assert "Nothing written." in declined.stderr
    assert "Division" not in (repo / "deep-review-context.md").read_text(encoding="utf-8")

    res = run_cli(["context", "apply", rid], cwd=repo, env=env, input_=b"y\n")
    assert res.returncode == 0, res.stderr
    text = (repo / "deep-review-context.md").read_text(encoding="utf-8")
    assert text == (
        "# Review context\n\n- Money is in cents.\n"
        f"- `calc.py`: Division by zero is not handled — {REASON}\n"
    )
    shown = run_cli(["context", "show"], cwd=repo, env=env)
    assert shown.stdout == text

    # The file now has uncommitted changes: refuse unless --force.
    again = run_cli(["context", "apply", rid, "--yes"], cwd=repo, env=env)
    assert again.returncode == 2
    assert again.stderr.strip().endswith("or pass --force")
    forced = run_cli(["context", "apply", rid, "--yes", "--force"], cwd=repo, env=env)
    assert forced.returncode == 0, forced.stderr
    assert "proposes no changes" in forced.stdout


def test_context_apply_of_an_unknown_review_is_exit_2(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    res = run_cli(["context", "apply", "20200101-000000-x"], cwd=repo, env=fakes.env())
    assert res.returncode == 2 and "no review '20200101-000000-x'" in res.stderr


def test_lead_proposals_parse_into_edits() -> None:
    assert parse_update('[repo] Add: "Retries are idempotent." Why: asked twice') == ContextEdit(
        add="Retries are idempotent."
    )
    assert parse_update('[repo] Change: "cents" → "minor units" Why: EUR') == ContextEdit(
        old="cents", new="minor units"
    )
    assert parse_update("Consider documenting retries") is None
    text, skipped = apply_edits(
        "- Money is in cents.\n",
        [ContextEdit(old="cents", new="minor units"), ContextEdit(old="absent", new="x")],
    )
    assert text == "- Money is in minor units.\n"
    assert skipped == ['Change: "absent" (not found in the file)']
    assert apply_edits("", [ContextEdit(add="First line")]) == ("- First line\n", [])
