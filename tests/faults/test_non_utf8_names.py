"""A file name that is not UTF-8 has one spelling everywhere: `decode_path`'s `na\\xefve.py`
(one backslash) in the seats' file table and diff, the static seat's findings and coverage,
and the report — never a doubled backslash, U+FFFD, or `xefve.py` read as a folder's file."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo

RAW = b"na\xefve.py"
SPELT = "na\\xefve.py"  # what `targets.git.decode_path` makes of RAW


def test_a_name_that_is_not_utf8_is_spelt_one_way(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "odd", "main")
    (repo / RAW.decode("utf-8", "surrogateescape")).write_bytes(b"import os\nx = 1   \n")
    commit_all(repo, "a name that is not UTF-8")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "static,echo")
    assert res.returncode == 0, res.stderr
    out = res.json()
    review_dir = Path(out["review_dir"])
    prompt = (review_dir / "prompt-echo.md").read_text(encoding="utf-8")
    table = prompt.split("### Changed files", 1)[1].split("\n\n", 2)[1]
    assert f"| `{SPELT}` | added |" in table, table
    assert f"+++ b/{SPELT}\n" in prompt
    assert "\\\\xef" not in prompt and "\ufffd" not in prompt
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    paths = {loc["path"] for f in report["findings"] for loc in f["locations"]}
    assert paths == {SPELT}, paths
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert f"`{SPELT}:2`" in md  # the trailing whitespace, where the static seat put it
    assert "`xefve.py`" not in md and "\ufffd" not in md and "\\\\xef" not in md
