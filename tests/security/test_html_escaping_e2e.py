"""End to end: markup in a seat's review is text in the stored HTML report, never markup."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes, assert_no_leftovers
from support.repos import make_repo

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'

REVIEW = f"""## Executive Summary

The change is fine apart from one problem. {IMG}

## Findings

### Critical Issues

None.

### Important Issues

I1. **{SCRIPT}** — `calc.py:4-5` (important, regression)

```python
def sub(a, b):  # {SCRIPT}
    return a - b
```

The title above is hostile; so is this text: {IMG} and <a href="javascript:alert(3)">link</a>.

Fix:

```diff
-    return a - b
+    return a - b  # {SCRIPT}
```

### Suggestions

None.

## Coverage Summary

| File | Status |
|------|--------|
| `calc.py` | I1 |
| `util/strings.py` | Reviewed, no issues |
"""


def test_hostile_finding_title_is_escaped_in_stored_html(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    review = tmp_path / "hostile-review.md"
    review.write_text(REVIEW)
    fakes.write_config({"hostile": fakes.seat("ok", "--review-file", str(review))})
    res = fakes.review(repo, "--agents", "hostile")
    assert res.returncode == 0, res.stderr
    out = res.json()
    html = Path(out["paths"]["html"]).read_text()
    # Positive control: the finding made it into the report, as text.
    report = json.loads(Path(out["paths"]["json"]).read_text())
    assert [f["title"] for f in report["findings"]] == [SCRIPT]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Never as markup: no script element carries it, no live handler or javascript: URL.
    assert SCRIPT not in html
    assert "alert(1)</script>" not in html
    assert not re.search(r"<img[^>]*onerror", html, re.I)
    assert 'href="javascript:' not in html.lower()
    for body in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S | re.I):
        assert "alert(" not in body
    index = (fakes.store / "index.html").read_text()
    assert SCRIPT not in index and "onerror" not in index
    assert_no_leftovers(fakes, repo)
