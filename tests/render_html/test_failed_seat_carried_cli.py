"""Trial 33 defect 3: a seat that fails in round 2 raised none of that round's findings, yet the
findings it raised in round 1 are carried into the report under its name. The HTML per-seat
chart credits it no findings of this round (it said `0C 1I 0S` for one seat and `0C 0I 0S` for
another whose carried findings named its model), states the carried ones as carried, shows the
tool calls the Runs table shows, and the retro's words allow for the carried findings."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, make_repo, write

CODEX = """## Findings

### Important Issues

I1. **`sub` subtracts the wrong way** — `calc.py:5` (important, regression)

It returns `b - a`.
"""

GEMINI = """## Findings

### Important Issues

I1. **`shout` crashes on None** — `util/strings.py:2` (important, regression)

`s.upper()` raises AttributeError.

### Suggestions

S1. **`sub` has no test** — `calc.py:5` (suggestion, gap)

No test calls it.
"""

FAILING = {"mode": "exit", "exit_code": 7, "stderr": "fatal: fake agent failed"}


def _review(fakes: Fakes, repo: Path) -> dict[str, Any]:
    res = fakes.review(repo, "--agents", "claude,codex,gemini", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    return res.json()


def test_a_failed_seat_is_credited_no_findings_only_carried_ones(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    fakes.agent("claude")
    fakes.agent("codex", {"review": CODEX})
    fakes.agent("gemini", {"review": GEMINI})
    _review(fakes, repo)
    write(repo, "notes.txt", "notes\n")
    commit_all(repo, "Add notes")
    fakes.agent("codex", FAILING)
    fakes.agent("gemini", FAILING)
    paths = _review(fakes, repo)["paths"]
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))

    def carried(seat: str) -> list[str]:
        return [
            f["id"]
            for f in report["findings"]
            if f["carry_forward"].startswith("Round 1")
            and any(r.lower().startswith(seat) for r in f["reviewers"])
        ]

    assert len(carried("codex")) == 1 and len(carried("gemini")) == 2
    page = Path(paths["html"]).read_text(encoding="utf-8")
    chart = page[
        page.index('class="chart seats"') : page.index("</svg>", page.index("chart seats"))
    ]
    tips = {t.split(":")[0]: unescape(t) for t in re.findall(r"<title>([^<]*)</title>", chart)}
    for seat, name in (("codex", "Codex"), ("gemini", "Gemini")):
        tip = tips[name]
        assert "0C 0I 0S" not in tip and "1I" not in tip, tip
        assert "failed" in tip, tip
        assert f"carried from round 1: {', '.join(carried(seat))}" in tip, tip
        assert "tool calls 0" in tip, tip  # as the Runs table and the retro say
        retro = next(s for s in report["retro"]["seats"] if s["seat"] == seat)
        assert "none of its findings are in this report" not in retro["narrative"]
        assert ", ".join(carried(seat)) in retro["narrative"], retro["narrative"]
