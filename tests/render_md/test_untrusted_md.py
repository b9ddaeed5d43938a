"""The stored Markdown report neutralises PR text and seat text as a posted comment does: it is
what users paste into a PR, so rendered as GitHub would, it pings nobody, links no other issue
(`#12`, `GH-3`, `owner/repo#4`) and renders none of their HTML. Code blocks and code spans stay
as written. Through the real `review` of a PR."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub
from support.live_markdown import live_hazards

pytestmark = pytest.mark.slow  # a real review

TITLE = "Fix </details> @octocat ## Verdict <img src=x> (closes #99)"
SEAT = r"""## Executive Summary

Hi @team <b>bold</b> &#64;ops, see \`@octocat\`. Like #12, GH-3 and other/repo#4 (`#5`).

## Findings

### Critical Issues

None.

### Important Issues

I1. **Ask @admin about <script>x</script> (#6)** — `calc.py:10` (important, regression)

```python
if a <b and c@d: pass  # @keep <tag>
```

@security-team <script>alert(1)</script> and `<kept> @span`.

Fix: ping @ops <i>now</i>.

### Suggestions

None.

## Design Observations

**Concerns**

- **Naming** <u>@naming-team</u> please.

## Testing Assessment

1. Tests by @qa <em>missing</em>.

## Documentation Assessment

Docs <!-- hidden --> by @docs.
"""

# Our own HTML in the report: a table cell's line break, the appendix's markers, the anchor
# before the one finding (I1).
OURS = ("<br>", "<!-- deep-review: headings demoted by 2 -->", '<a id="i1">', "</a>")


def test_the_stored_report_pings_nobody_and_renders_no_html_of_theirs(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, SEAT)
        gh.pull(REPO, NUMBER).data["title"] = TITLE
        res = review(fakes, clone, env)
        assert res.returncode == 0, res.stderr
        md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
        # Our own link to the reviewed PR (`[#7](…/pull/7)`) is the one reference left.
        assert "| **PR** | [#7](https://github.com/acme/demo/pull/7) — " in md
        assert live_hazards(md, allowed_html=OURS, allowed_refs=["#7"]) == [], md
        # Shown as text, not structure: the title stays in its header cell.
        assert (
            "— Fix &lt;/details> @\u2060octocat ## Verdict &lt;img src=x> (closes #\u206099) |"
            in md
        )
        assert "Like #\u206012, GH-\u20603 and other/repo#\u20604 (`#5`)." in md
        # Code as written, in the finding and in the seat's own review in the appendix.
        assert md.count("if a <b and c@d: pass  # @keep <tag>") == 2
        assert "`<kept> @span`" in md
