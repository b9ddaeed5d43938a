"""The Runs timeline's lead bar says how the lead ended, as the rest of the report does: a lead
whose process exited 0 but gave no usable answer fell back, and its bar must not read "ok"."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli

NS = {"s": "http://www.w3.org/2000/svg"}


def _timeline(html: str) -> ET.Element:
    start = html.index('<svg class="chart timeline"')
    return ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])


def test_a_lead_that_fell_back_is_not_shown_ok_on_the_timeline(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"review": "not json"})  # the lead's answers hold no JSON
    res = fakes.review(repo, "--agents", "static", lead="claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    assert out["lead"]["status"] == "fallback"

    shown = run_cli(["show", out["review_id"], "--format", "html"], cwd=repo, env=fakes.env())
    assert shown.returncode == 0, shown.stderr
    lead = next(
        g
        for g in _timeline(shown.stdout).findall("s:g", NS)
        if "Lead (claude)" in "".join(g.itertext())
    )
    title = lead.find("s:title", NS)
    assert title is not None and title.text is not None
    assert title.text.startswith("Lead (claude): fallback, "), title.text
    assert "The lead (claude)" in title.text  # why, as the report's note says it
    assert lead.get("class") == "run st-fallback"
    assert "· fallback" in "".join(lead.itertext())
    assert '<span class="lg st-fallback">lead fell back</span>' in shown.stdout  # the legend
