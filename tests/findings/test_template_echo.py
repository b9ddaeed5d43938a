"""A model that echoes the prompt's finding template before its review (`I1. **<Short
title>** — `path/to/file.ext:12-30``), trial 50a #10: the template is no finding — its title
is an unfilled `<placeholder>`, or its place is the template's `path/to/…`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import printing_seats
from support.repos import cli_env, make_repo, run_cli

TEMPLATE = (
    "I1. **<Short title>** — `path/to/file.ext:12-30` (important, regression)\n\n"
    "<Explanation: what goes wrong, on which path, and how you verified it.>\n"
)
REVIEW = (
    "## Executive Summary\n\n`sub` subtracts the wrong way round.\n\n## Findings\n\n"
    "### Critical Issues\n\n"
    "C1. **`sub` returns b - a** — `calc.py:6` (critical, regression)\n\n"
    "Every caller gets the negated difference.\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n"
)


def test_echoed_template_is_no_finding_in_the_report(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    printing_seats(
        tmp_path, {"s": f"Understood. Each finding will look like this:\n\n{TEMPLATE}\n{REVIEW}"}
    )
    res = run_cli(
        ["review", "--agents", "s", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp_path)
    )
    data: dict[str, Any] = res.json()
    assert [s["status"] for s in data["seats"]] == ["ok"], res.stderr[-2000:]
    report = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    assert [(f["id"], f["title"]) for f in report["findings"]] == [("C1", "`sub` returns b - a")]
    assert data["verdict"] == "Rework"
    md = Path(data["paths"]["md"]).read_text(encoding="utf-8")
    assert "needs attention" not in md and "Short title" not in md.split("## Appendix")[0]


@pytest.mark.parametrize(
    "echo",
    [
        TEMPLATE,
        "> " + TEMPLATE.replace("\n\n", "\n>\n> "),  # quoted
        "C1. **<Title>** — `src/app.py:7` (critical, regression)\n",  # a placeholder title
        "S1. **Rename the helper** — `path/to/file.py:3` (suggestion, gap)\n",  # template place
    ],
)
def test_template_shapes(echo: str) -> None:
    r = parse_review(f"Format:\n\n{echo}\n{REVIEW}", seat="s")
    assert [(f.id, f.severity) for f in r.findings] == [("C1", Severity.CRITICAL)]
    assert any("template" in w for w in r.warnings)
    assert r.unread_findings == ()


@pytest.mark.parametrize(
    "line",
    [
        "I1. **`<br>` tags reach the page unescaped** — `web/view.ts:9` (important, gap)",
        "I1. **<script> in names runs** — `web/view.ts:9` (important, gap)",
        "I1. **Placeholder left in docs** — `docs/path/to/file.md:4` (important, gap)",
    ],
)
def test_real_findings_about_tags_and_paths_stay(line: str) -> None:
    r = parse_review(f"## Findings\n\n### Important Issues\n\n{line}\n\nIt matters.\n", seat="s")
    assert [f.id for f in r.findings] == ["I1"]
