"""Trial 32 defects 7b and 7c: the stored Markdown report links nowhere the reviewed change or a
seat chose. A committed file named `[clk](javascript:alert(1)).py` is a code span in the retro
(narrative and table), not a link; a seat's remote image would load, and its `javascript:` or
other non-web link would run, when the report is viewed: both are shown as text. A seat's
`https://` link stays a link."""

from __future__ import annotations

import json
from pathlib import Path

from deepreview.markdown_idlinks import anchor_tag
from fakebin.harness import Fakes
from support.live_markdown import live_hazards
from support.repos import commit_all, make_repo, write

LINK_NAME = "[clk](javascript:alert(1)).py"

TITLE = "Click [here](javascript:alert(4)) ![t](https://evil.example/t.png)"
SEAT = f"""## Executive Summary

See ![x](https://evil.example/i.png) and [jl](javascript:alert(1)) and [ok](https://example.com/ok).
Also [ent](javascript&#58;alert(2)), [ref][evil], [data](data:text/html,hi) and ![rel](pic.png).

[evil]: javascript:alert(3)

## Findings

### Critical Issues

None.

### Important Issues

I1. **{TITLE}** — `calc.py:2` (important, regression)

Body [m](mailto:x@example.com)
and ![b](https://evil.example/b.png).

### Suggestions

None.
"""

# Our own HTML in the report: a table cell's line break, the appendix's markers.
OURS = ("<br>", "<!-- deep-review: headings demoted by 2 -->")


def test_file_names_and_seat_links_are_not_live_in_the_markdown_report(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, LINK_NAME, "x = 1\n")
    commit_all(repo, "A file named like a link")
    fakes = Fakes(tmp_path)
    review_file = tmp_path / "bot-review.md"
    review_file.write_text(SEAT, encoding="utf-8")
    fakes.write_config({"bot": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--agents", "bot")
    assert res.returncode == 0, res.stderr
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")

    # and the anchor before each finding (`markdown_idlinks`)
    findings = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))["findings"]
    anchors = [anchor_tag(f["id"]).removesuffix("</a>") for f in findings]
    assert anchors
    assert live_hazards(md, allowed_html=(*OURS, *anchors, "</a>")) == [], md
    # The file name is shown as code, in the narrative and in the retro table.
    assert f"Coverage misses: `{LINK_NAME}`, `strings.py` not mentioned." in md
    assert f"| Coverage misses | 2 (`{LINK_NAME}`, `strings.py` not mentioned) |" in md
    # A web link is still one; the rest reads as it was written.
    assert "[ok](https://example.com/ok)" in md
    for shown in ("!\\[x]", "https://evil.example/i.png", "javascript:alert(1)", "[ref][evil]"):
        assert shown in md, shown
