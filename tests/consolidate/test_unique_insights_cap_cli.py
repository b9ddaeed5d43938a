"""Trial 35 defect 6: a seat that alone raised many findings made a 15 KB Unique insights
cell and as long an "Only X found" sentence. The first eight keep their labels, the rest are
listed by ID alone (runs of them as ranges, `S9–S30`), and `stats` still counts every one of
them."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli

HEAD = """## Executive Summary

Many small things.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

"""

QUIET = HEAD + "None.\n"


WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey",
    "xray",
    "yankee",
    "zulu",
    "amber",
    "cobalt",
    "denim",
    "ember",
]


def _many(n: int) -> str:
    # places past the end of the file would make them suspected, not insights: none given
    items = [
        f"S{i}. **The {w} setting is never read** (suggestion, gap)\n\n"
        f"Nothing reads `{w}_value`; drop it or wire it up.\n"
        for i, w in enumerate(WORDS[:n], start=1)
    ]
    return HEAD + "\n".join(items)


def test_a_long_unique_insights_list_keeps_ids_and_drops_labels(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    seats = {}
    for name, text in (("busy", _many(30)), ("quiet", QUIET)):
        path = tmp_path / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(path))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", "busy,quiet", "--lead", "none")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    busy = next(s for s in report["retro"]["seats"] if s["seat"] == "busy")
    cell = dict(busy["cells"])["Unique insights"]
    items = cell.split(", ")
    assert len(items) == 9
    assert all("(" in item for item in items[:8])
    assert items[8] == "S9–S30"  # the rest, a run of IDs, as a range (trial 40 defect 11)
    assert len(cell) < 1000
    sentence = next(s for s in busy["narrative"].split("\n") if "Only " in s)
    assert len(sentence) < 1000
    assert busy["numbers"]["unique_insights"] == 30

    stats = run_cli(["stats", "--json"], cwd=repo, env=fakes.env())
    assert stats.returncode == 0, stats.stderr
    rows = {r["seat"]: r for r in stats.json()["seats"]}
    assert rows["busy"]["unique_insights"] == 30, rows["busy"]
