"""A lead answer the model's output limit cut mid-document is asked for again (told it was cut
off and to answer shorter), as an answer that does not parse is, instead of failing the lead:
the next answer may fit. Through the real `deep-review review` with the fake `claude` lead,
whose result event says `stop_reason: max_tokens` on the runs it is told to."""

from __future__ import annotations

import json
from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, fenced, install_fake_claude, prompts_seen

WHOLE = fenced(ANSWER)
CUT = WHOLE[: WHOLE.index('"verdict"')]


def _first_run_cut(bin_dir: Path) -> None:
    scenario = json.loads((bin_dir / "claude.scenario.json").read_text(encoding="utf-8"))
    install_fake_claude(
        bin_dir, scenario["answers"], log_dir=Path(scenario["log_dir"]), cut_passes=(1,)
    )


def test_a_cut_answer_is_asked_again_and_the_whole_one_used(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, [CUT, WHOLE], wrap=_first_run_cut)
    lead = run.out["lead"]
    assert lead["status"] == "ok", lead
    assert run.report["header"]["verdict"]["label"] == "Merge with fixes"
    state = json.loads((run.review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["lead"]["passes"] == 2
    errors = (run.review_dir / "lead-errors-1.txt").read_text(encoding="utf-8")
    assert errors.startswith(
        "the answer was cut off by the output limit (stop_reason: max_tokens) before its JSON "
        "document ended; write the whole document again, shorter"
    )
    retry = prompts_seen(tmp_path / "lead-log")[1]
    assert "- the answer was cut off by the output limit" in retry


def test_an_answer_stopping_mid_document_is_told_as_cut_short(tmp_path: Path) -> None:
    """The CLI ended normally, but the text stops inside the JSON document: the lead is told
    its document is cut short, not sent after a syntax error that only says where it stops."""
    run = review_with_lead(tmp_path, [CUT, CUT])
    lead = run.out["lead"]
    assert lead["status"] == "fallback", lead
    said = (
        "the JSON document stops before its end (at line 45 column 3): write the whole "
        "document, through its last `}` and the closing fence"
    )
    assert (run.review_dir / "lead-errors-1.txt").read_text(encoding="utf-8") == said + "\n"
    assert said in lead["reason"]
    assert "Expecting property name" not in lead["note"]


def test_a_whole_answer_the_limit_cut_afterwards_is_used_and_said_so(tmp_path: Path) -> None:
    """The output limit cut the text after the JSON document had closed (a sign-off sentence
    cut short): the document is whole, so it is used, and the report says so, not that the
    lead's review was unfinished."""
    whole_then_cut = WHOLE + "\nLet me also double-check the tests for `sub` befo"
    run = review_with_lead(tmp_path, [whole_then_cut], wrap=_first_run_cut)
    lead = run.out["lead"]
    assert lead["status"] == "ok", lead
    state = json.loads((run.review_dir / "run.json").read_text(encoding="utf-8"))
    assert state["lead"]["passes"] == 1
    # the `_Lead:` line, run.json's run, the lead's note: what happened, no "unfinished review"
    said = "cut off by the output limit (stop_reason: max_tokens) after answering"
    lead_line = next(line for line in run.md.splitlines() if line.startswith("_Lead: claude"))
    assert lead_line.startswith(f"_Lead: claude (claude-opus-4-6), {said} — "), lead_line
    assert state["lead"]["run"]["status"] == "ok"
    assert state["lead"]["run"]["reason"] == said
    assert lead["note"] == f"The lead (claude) was {said}; its answer was complete and is used."
    assert "unfinished" not in run.md
