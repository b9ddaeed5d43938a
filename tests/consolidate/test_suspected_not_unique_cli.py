"""Trial 33 defect 4: without a lead, a finding on a file that is not at the review SHA or on
lines past its end is a suspected false positive. It is listed as such, and it is neither the
seat's unique insight (the retro's cell, its `numbers`, what `stats` sums) nor a miss of the
seats that did not raise it."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo

SUSPECT = """## Executive Summary

Two helpers.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`parse` swallows exceptions** — `lib/helpers.py:40` (important, regression)

The parse function catches every exception.

I2. **`shout` crashes on None** — `util/strings.py:2` (important, regression)

`s.upper()` raises AttributeError for None.

### Suggestions

S1. **`sub` lacks a docstring** — `calc.py:99` (suggestion, gap)

Add a docstring.
"""

PLAIN = """## Executive Summary

Two helpers.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **`sub` has no test** — `calc.py:5` (suggestion, gap)

No test calls `sub`.
"""


def test_suspected_false_positives_are_no_unique_insights_nor_misses(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    seats = {}
    for name, text in (("bot", SUSPECT), ("plain", PLAIN)):
        path = tmp_path / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(path))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", "bot,plain", "--lead", "none")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())

    by_title = {f["title"]: f["id"] for f in report["findings"]}
    parse = next(i for t, i in by_title.items() if "parse" in t)
    docstring = next(i for t, i in by_title.items() if "docstring" in t)
    shout = next(i for t, i in by_title.items() if "shout" in t)
    assert len(by_title) == 4  # suspected ones stay in the report, listed as suspected
    bot, plain = (
        next(s for s in report["retro"]["seats"] if s["seat"] == name) for name in ("bot", "plain")
    )
    cells = dict(bot["cells"])
    assert "2 suspected" in cells["False positives"]
    assert bot["numbers"]["unique_insights"] == 1
    assert bot["unique_ids"] == [shout]
    assert parse not in cells["Unique insights"] and docstring not in cells["Unique insights"]
    missed = next(s for s in plain["narrative"].split(". ") if "Found by others" in s)
    assert shout in missed
    assert parse not in missed and docstring not in missed
