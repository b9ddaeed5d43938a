"""A seat named like a finding ID (`s1`, `c1`: valid seat names) is a reviewer, not a link to
the finding of that ID, in the Markdown and the HTML report (trial46b #8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.repos import cli_env, make_repo, run_cli

REVIEW = """Review:

- 🔴 `calc.py:5` — `sub` is inverted.
- 🟠 `util/strings.py:2` — crashes on None.
- 🟡 `calc.py:4` — extra blank line.
"""


def test_seat_names_are_not_linked_to_findings(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (tmp_path / "d8.md").write_text(REVIEW)
    argv = ["sh", "-c", f"cat >/dev/null; cat {tmp_path / 'd8.md'}"]
    (tmp_path / "user-config.toml").write_text(
        f"[seats.s1]\nargv = {json.dumps(argv)}\n[seats.c1]\nargv = {json.dumps(argv)}\n"
    )
    env = cli_env(tmp_path)
    res = run_cli(
        ["review", "--agents", "s1,c1", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    report = json.loads((tmp_path / "store" / f"{rid}.json").read_text())
    ids = {f["id"] for f in report["findings"]}
    assert {"S1", "C1"} <= ids  # the names are finding IDs of this report too

    md = (tmp_path / "store" / f"{rid}.md").read_text()
    assert "reviewed this change" in md and "raised" in md
    assert not re.search(r"\[(S1|C1)\]\(#(s1|c1)\)[^\n]{0,40}(reviewed this change|raised)", md)
    assert not re.search(r"(and|,) \[(S1|C1)\]\(#(s1|c1)\) reviewed", md)
    html = (tmp_path / "store" / f"{rid}.html").read_text()
    assert not re.search(r'<a class="fref" href="#finding-(S1|C1)">(S1|C1)</a> raised', html)
    assert not re.search(
        r'<a class="fref" href="#finding-(S1|C1)">(S1|C1)</a>[^<]{0,10}reviewed', html
    )
