"""Trial 26 defect 8: a finding on a file the change deletes, or on the old path of a file it
renames, is about the change (removed code is reviewable); it is tagged with what happened to
the file and is never a suspected false positive."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, commit_on_base, git, make_repo

REVIEW = """## Executive Summary

A rename and a removal.

## Findings

### Critical Issues

None.

### Important Issues

I1. **`legacy_sum` callers lose rounding** — `lib/legacy.py:2` (important, regression)

The removed helper rounded its result; its callers now get floats.

I2. **`parse` lost its docstring in the move** — `lib/old_name.py:1` (important, gap)

The docstring was dropped when the module moved.

### Suggestions

None.
"""


def test_findings_on_deleted_and_renamed_from_paths_are_in_the_change(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    commit_on_base(repo, "lib/legacy.py", "def legacy_sum(a, b):\n    return round(a + b)\n", "l")
    body = '"""Parse things."""\n\n\ndef parse(text):\n    return text.split()\n'
    commit_on_base(repo, "lib/old_name.py", body, "old")
    git(repo, "rm", "-q", "lib/legacy.py")
    git(repo, "mv", "lib/old_name.py", "lib/new_name.py")
    commit_all(repo, "Remove legacy, rename old_name")

    fakes = Fakes(tmp_path)
    review_file = tmp_path / "bot-review.md"
    review_file.write_text(REVIEW, encoding="utf-8")
    fakes.write_config({"bot": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "bot")
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text())

    scope = {f["locations"][0]["path"]: f["scope"] for f in report["findings"]}
    assert scope["lib/legacy.py"] == "file deleted by this change"
    assert scope["lib/old_name.py"] == "renamed to lib/new_name.py by this change"
    (bot,) = report["retro"]["seats"]
    assert "suspected" not in dict(bot["cells"])["False positives"]
    assert "not found" not in bot["narrative"]
    md = Path(paths["md"]).read_text()
    assert "*File deleted by this change.*" in md
    assert "*Renamed to lib/new_name.py by this change.*" in md
