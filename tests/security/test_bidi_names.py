"""Trial 43 defect 4: bidi controls came through raw in names that are not a seat's text: a
seat's `display_name`/`model_label` from the config (summary, reviewer tags, retro, SARIF
reviewers), the repository's folder name (`list`, index.html's title and heading), and the
marks U+200E/U+200F in a changed FILE's name (the coverage line). They show as code points."""

from __future__ import annotations

import re
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, make_repo, run_cli, write

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")

REVIEW = """## Executive Summary

Looks fine.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Off by one** \u2014 `calc.py:6` (important, regression)

The loop stops early.

### Suggestions

None.
"""


def test_names_from_config_repo_folder_and_file_names_show_bidi_controls(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "re\u202epo")
    write(repo, "we\u200fird.py", "x = 1\n")
    commit_all(repo, "A file name with a right-to-left mark")
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "bot-review.md"
    review_file.write_text(REVIEW, encoding="utf-8")
    seat = fakes.seat("ok", "--review-file", str(review_file))
    seat |= {"display_name": "Pro\u202ebe", "model_label": "m\u202el"}
    fakes.write_config({"bot": seat})
    res = fakes.review(repo, "--agents", "bot", "--format", "sarif")
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]

    for fmt in ("md", "html", "sarif", "json"):
        text = Path(paths[fmt]).read_text(encoding="utf-8")
        assert not BIDI.search(text), (fmt, BIDI.findall(text))
        assert "Pro⟨U+202E⟩be" in text, fmt
    md = Path(paths["md"]).read_text(encoding="utf-8")
    assert "\u200f" not in md  # the file name's mark, in the coverage line
    assert "we⟨U+200F⟩ird.py" in md

    listed = run_cli(["list", "--store", str(fakes.store)], cwd=repo, env=fakes.env())
    assert listed.returncode == 0, listed.stderr
    assert not BIDI.search(listed.stdout), BIDI.findall(listed.stdout)
    assert "re⟨U+202E⟩po" in listed.stdout
    page = (fakes.store / "index.html").read_text(encoding="utf-8")
    assert not BIDI.search(page), BIDI.findall(page)
    assert "<title>Deep Review — re⟨U+202E⟩po</title>" in page
