"""A numbered bold item after a bulleted finding in one section is the next finding.

Tried as a new user would: under `## Findings`, `- **`sub` ignores its second argument** — …`
then `1. **`shout` crashes on `None`** — `util/strings.py:2`. …` was one finding: the crash
(its place too) was the first finding's text. A field written so (`1. **Fix:** …`) stays text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import review_printed

_SUB = "- **`sub` ignores its second argument** — `calc.py:5`. It returns `a` alone.\n"
_SHOUT = "1. **`shout` crashes on `None`** — `util/strings.py:2`. `None.upper()` raises.\n"


@pytest.mark.parametrize("gap", ["", "\n"])
def test_the_numbered_item_is_a_finding_of_its_own(tmp_path: Path, gap: str) -> None:
    text = f"## Executive Summary\n\nTwo bugs.\n\n## Findings\n\n{_SUB}{gap}{_SHOUT}"
    _res, out, report = review_printed(tmp_path, {"alpha": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    found = [(f["title"], f["locations"][0]["path"]) for f in report["findings"]]
    assert sorted(found) == [
        ("`shout` crashes on `None`", "util/strings.py"),
        ("`sub` ignores its second argument", "calc.py"),
    ], found
    sub = next(f for f in report["findings"] if f["locations"][0]["path"] == "calc.py")
    assert "shout" not in sub["body"], sub["body"]


def test_a_numbered_field_stays_the_findings_text(tmp_path: Path) -> None:
    text = f"## Findings\n\n{_SUB}1. **Fix:** use `a - b`.\n"
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    assert [f["title"] for f in report["findings"]] == ["`sub` ignores its second argument"]
