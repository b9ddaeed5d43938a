"""A ```json``` block's findings keep their lines under `line_start`/`line_end` (and
`start_line`/`end_line`, `startLine`/`endLine`) beside `file_path` (trial 46b #9): they used to be
placed at the file alone, with no line for the report, inline comments or dedup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.findings.parse import parse_review
from deepreview.model import Location
from fakebin.harness import Fakes
from support.repos import make_repo

REVIEW = (
    "```json\n"
    '{"issues": [\n'
    '  {"severity": "high", "file_path": "calc.py", "line_start": 5, "line_end": 6,'
    ' "message": "sub is inverted"},\n'
    '  {"severity": "low", "file_path": "util/strings.py", "line_start": 2,'
    ' "message": "shout crashes on None"}\n'
    "]}\n"
    "```\n"
)


def test_line_start_and_line_end_are_the_findings_lines(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    review_file = tmp_path / "review.md"
    review_file.write_text(REVIEW, encoding="utf-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    got = {f["title"]: f["locations"] for f in report["findings"]}
    assert got == {
        "sub is inverted": [{"path": "calc.py", "start": 5, "end": 6}],
        "shout crashes on None": [{"path": "util/strings.py", "start": 2, "end": None}],
    }


@pytest.mark.parametrize(("start", "end"), [("start_line", "end_line"), ("startLine", "endLine")])
def test_other_spellings_of_the_lines(start: str, end: str) -> None:
    review = REVIEW.replace("line_start", start).replace("line_end", end)
    found = {f.title: f.locations for f in parse_review(review, seat="s").findings}
    assert found["sub is inverted"] == (Location("calc.py", 5, 6),)
