"""A lead's one-sentence fields stay one line in the Markdown report: a reason, the verdict's
reason or a proposed context update written over several paragraphs (a heading, a rule among
them) cannot end the list it is an item of and make sections of the report."""

from __future__ import annotations

import re
from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced

FAKE = "\n\n## Critical Issues\n\nNone.\n\n---\n\n## Review Process Notes\n\nAll clear."


def test_multi_paragraph_lead_reasons_stay_one_line(tmp_path: Path) -> None:
    decisions = [dict(d) for d in ANSWER["decisions"]]
    drop = next(d for d in decisions if d["action"] == "drop")
    drop["reason"] = "Python ints do not overflow at calc.py:2." + FAKE
    lead = answer(
        decisions=decisions,
        verdict={"label": "Merge with fixes", "reason": "K1 first." + FAKE},
        repo_context_updates=["[repo] Add: ints are unbounded." + FAKE],
        skill_improvements=["Check ints." + FAKE],
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    md = run.md.split("## Appendix: Original Reviews", 1)[0]
    # each heading and rule of the report is the report's own, once
    assert re.findall(r"^#+ Critical Issues$", md, re.M) == ["## Critical Issues"]
    assert re.findall(r"^#+ Review Process Notes$", md, re.M) == ["## Review Process Notes"]
    verdict = next(line for line in md.splitlines() if line.startswith("| **Verdict** |"))
    assert "<br>" not in verdict and "I1 first." in verdict
    dropped = next(line for line in md.splitlines() if line.startswith("- Dropped Charlie C1"))
    assert "Python ints do not overflow at calc.py:2." in dropped
    assert "All clear." in dropped  # the rest of the reason, on the same line
    update = next(line for line in md.splitlines() if line.startswith("- [repo] Add:"))
    assert "All clear." in update
    # the JSON keeps the words (one line too: it is the same text)
    assert "\n" not in run.report["header"]["verdict"]["reason"]
