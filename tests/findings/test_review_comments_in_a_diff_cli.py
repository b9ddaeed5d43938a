"""A review written into the diff: the reviewer's comments are lines of a ```diff fence, code
comments with a review marker under the line they are about (`+  # REVIEW (high): …`,
`+  // FIXME(low): …`). Each is a finding at the new file's line just above it, counted from
the hunk header, its bracketed word its level. Before, such a review read no finding at all
(a longer one failed as `unparseable review`). A diff whose comments carry no marker (`# keep in
sync with …`) stays code.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

ANNOTATED = """My notes are inside the diff.

```diff
--- a/jobs/runner.py
+++ b/jobs/runner.py
@@ -10,5 +10,7 @@ def run(job):
     start = now()
-    job.call()
+    result = job.call()
+    # REVIEW (high): an exception here leaves the job marked running forever.
+    store(result)
@@ -30,3 +32,4 @@ def report(job):
     line = format(job)
+    // FIXME(low): this prints the job's secret arguments too.
```

Nothing else.
"""

PLAIN = """The change, for reference:

```diff
--- a/jobs/runner.py
+++ b/jobs/runner.py
@@ -10,5 +10,7 @@ def run(job):
     start = now()
+    result = job.call()
+    # keep in sync with jobs/retry.py: the same order of calls.
+    store(result)
```

Looks good to me.
"""


def test_review_comments_in_a_diff_are_findings_at_their_lines(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, ANNOTATED)
    found = [
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"])
        for f in parsed["findings"]
    ]
    assert found == [("critical", "jobs/runner.py", 11), ("suggestion", "jobs/runner.py", 32)]


def test_a_diff_with_plain_comments_stays_code(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, PLAIN)
    assert parsed["findings"] == []
    assert not parsed["unread_findings"]
