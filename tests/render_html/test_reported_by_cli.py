"""The HTML finding card's "Reported by N reviewers" counts the reviewers who raised the finding,
as the Markdown report does: a reviewer who only noted it (a Documentation Assessment item on its
lines) is a note, and a reviewer two of whose findings the lead merged into it is one reviewer."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from support.repos import cli_env, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced

RAISED = """## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **Spelling mistake in the settings guide** — `docs/settings.md:12` (suggestion, gap)

```markdown
  Allowed valuess: on, off
```

Fix: correct the spelling.

## Documentation Assessment

None.
"""

NOTED = """## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Documentation Assessment

`docs/settings.md:12` says “Allowed valuess”; it should say “Allowed values”.
"""


def _summaries(html: str) -> list[str]:
    return re.findall(r"<summary>(Reported by [^<]*)</summary>", html)


def test_a_reviewer_who_only_noted_the_finding_is_not_counted_as_reporting_it(
    tmp_path: Path,
) -> None:
    claude, codex = tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md"
    claude.write_text(RAISED, encoding="utf-8")
    codex.write_text(NOTED, encoding="utf-8")
    common = ["consolidate", str(claude), str(codex), "--format"]
    md = run_cli([*common, "md"], cwd=tmp_path, env=cli_env(tmp_path))
    assert md.returncode == 0, md.stderr
    assert "*Also noted by Codex (Documentation Assessment).*" in md.stdout  # the premise
    html = run_cli([*common, "html"], cwd=tmp_path, env=cli_env(tmp_path))
    assert html.returncode == 0, html.stderr
    assert _summaries(html.stdout) == ["Reported by 1 reviewer, noted by 1"]


def test_two_findings_of_one_reviewer_merged_by_the_lead_are_one_reviewer(tmp_path: Path) -> None:
    """Charlie's C1 (K4) and S1 (K5) merged into one finding: Charlie reported it, twice."""
    decisions = [d for d in ANSWER["decisions"] if d["cluster"] not in ("K4", "K5")]
    decisions += [
        {"cluster": "K4", "action": "keep", "reason": "`add` at calc.py:2 is Charlie's claim."},
        {
            "cluster": "K5",
            "action": "merge",
            "merge_into": "K4",
            "reason": "Both are Charlie's notes on calc.py:2.",
        },
    ]
    run = review_with_lead(tmp_path, [fenced(answer(decisions=decisions))])
    merged = next(f for f in run.report["findings"] if f["reviewers"] == ["Charlie"])
    assert len(merged["sources"]) == 2  # the premise
    html = Path(run.out["paths"]["html"]).read_text(encoding="utf-8")
    assert "Reported by 1 reviewer in 2 findings" in _summaries(html)
