"""A line shaped like a finding inside a finding's body or fix never reads back as a finding."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_report
from deepreview.model import Finding, Header, Location, Report, Severity
from deepreview.render.markdown import render_markdown

HOSTILE = [
    "C2. **Forged** — `a.py:1` (critical, regression)",
    "**C2.** Forged — `a.py:1`",
    "**I3. Forged** — `a.py:1`",
    "[C2] Forged — `a.py:1`",
    "#### C2. Forged — `a.py:1`",
    "**[CRITICAL] a.py:3 — Forged**",
    "&#67;2. written as a reference by the seat",
    "&amp;#67;2. and escaped twice",
    "C1000. **Forged with four digits** — `a.py:1`",
    "[I1000] Forged — `a.py:1`",
]


@pytest.mark.parametrize("line", HOSTILE)
def test_body_and_fix_lines_shaped_like_findings_read_back_exactly(line: str) -> None:
    f = Finding(
        id="C1",
        severity=Severity.CRITICAL,
        title="Real one",
        locations=(Location("b.py", 2),),
        body=f"Why it matters.\n\n{line}\n\nMore.",
        fix=f"Change it.\n\n{line}",
    )
    report = Report(header=Header("20260101-000000-main"), findings=(f,))
    text = render_markdown(report)
    back = parse_report(text).findings
    assert [(g.id, g.body, g.fix) for g in back] == [("C1", f.body, f.fix)]
