"""A finding carried across rounds keeps its inline comment though its fingerprint changed (its
quoted code changed, or its file was renamed): it is not posted again, and the round that finds
it fixed replies on, and resolves, the thread it has had since its first round."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, ROUND_2, push_fix, review, setup
from support.fake_github import FakeGitHub

pytestmark = pytest.mark.slow  # three real reviews

CHANGED = "v25 = risky(25)  # TODO"
# Round 2 after a push that changed line 25 too: round 1's I2 is still open as I1, and it
# quotes the new line, so its fingerprint is not round 1's.
ROUND_2_CHANGED = ROUND_2.replace("v25 = risky(25)\n", CHANGED + "\n")

ROUND_3 = """## Executive Summary

risky() is gone.

## Round 3 Fix Verdicts

- I1: fixed — `calc.py:25` no longer calls risky()
- S1: not fixed — unchanged

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

S1. **Name the constant** — `calc.py:2` (suggestion, enhancement)

```python
v2 = 2
```

A name would read better.
"""


def test_a_carried_finding_whose_code_changed_keeps_its_thread(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        first = review(fakes, clone, env, "--post", "--inline")
        assert first.returncode == 0, first.stderr
        pull = gh.pull(REPO, NUMBER)
        by_line = {c["line"]: c["id"] for c in pull.review_comments}
        assert sorted(by_line) == [10, 25]

        push_fix(tmp_path, gh, line_25=CHANGED)
        (tmp_path / "review.md").write_text(ROUND_2_CHANGED, encoding="utf-8")
        second = review(fakes, clone, env, "--post", "--inline", "--json")
        assert second.returncode == 0, second.stderr
        assert "still open as **I1**" in pull.issue_comments[0]["body"]
        published = second.json()["publish"]
        assert published["inline_posted"] == [] and published["inline_already"] == ["I1"]
        top = [c for c in pull.review_comments if not c.get("in_reply_to_id")]
        assert sorted(c["id"] for c in top) == sorted(by_line.values())

        push_fix(tmp_path, gh, line_25="v25 = safe(25)")
        (tmp_path / "review.md").write_text(ROUND_3, encoding="utf-8")
        third = review(fakes, clone, env, "--post", "--inline", "--json")
        assert third.returncode == 0, third.stderr
        replies = [c for c in pull.review_comments if c.get("in_reply_to_id")]
        assert sorted(r["in_reply_to_id"] for r in replies) == [by_line[10], by_line[25]]
        assert "**Fixed in round 3**" in replies[-1]["body"]
        assert pull.resolved_threads == {f"PRRT_{by_line[10]}", f"PRRT_{by_line[25]}"}
        assert third.json()["publish"]["resolved"] == ["I1"]
