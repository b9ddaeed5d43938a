"""Through the real `deep-review consolidate`: a seat places its finding where the problem shows
and explains that the code its fix changes sits in another file ("In `prepare_host`, … at
`boot/start.py:40-42`"; "Fix: add a case to `prepare_host`"). That place is a place of the
finding, listed after its own: a lead reading the fix puts the finding there too. A place the
explanation cites for its reasoning (a caller, a test that exercises the subject) is not.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews

_REVIEW = """## Findings

### Critical Issues

None.

### Important Issues

{important}

### Suggestions

None.
"""

# the fix names the function the explanation places in another file
IN_WORDS = """I1. **An `arm` host passes validation but cannot boot** — `config/validate.py:20-21`\
 (important, regression)

The check now lets `arm` through at line 21. In `prepare_host`, every architecture that is not
`x86` falls into the default branch at `boot/start.py:40-42`, so it asks for a helper binary
that is never built. The caller that reaches it is `run_boot` at `boot/run.py:77`.

Fix: add an explicit `arm` case to `prepare_host` that skips the helper."""

# the fix's diff removes the line the explanation places in another file
IN_A_DIFF = """I1. **Selected rows are lost when the list is sorted** — `ui/selection.js:50-58`\
 (important, gap)

The selection is rebound by key after every refresh. The image list builds its key from the
row's position in `row_key` at `ui/images.vue:30-33`, so moving a row changes its key.

Fix:

```diff
-  row_key: `${ index }-${ image.id }`,
+  row_key: `${ image.id }-${ image.tag }`,
```"""

# the only shared name is the finding's own subject (its title), or a name on an added line
SUBJECT_ONLY = """I1. **`reset()` docs do not say when a rejection is swallowed** —\
 `lib/latch.ts:28-29` (important, gap)

A rejection is only silenced when `reset()` runs in the same turn. The test at
`tests/latch.spec.ts:50-60` calls `reject()` then `reset()` at once, so it never sees the warning.

Fix:

```diff
-  /** Calling reset() makes the latch unresolved. */
+  /** Resets the latch; call it in the same turn as `reject()`. */
```"""


def _places(tmp_path: Path, important: str) -> list[tuple[str, int | None, int | None]]:
    text = _REVIEW.format(important=important)
    (finding,) = json.loads(consolidate_reviews(tmp_path, {"codex": text}))["findings"]
    return [(loc["path"], loc["start"], loc["end"]) for loc in finding["locations"]]


def test_the_place_of_the_function_the_fix_names_is_a_place_of_the_finding(
    tmp_path: Path,
) -> None:
    # not the caller at `boot/run.py:77`: the fix does not change `run_boot`
    assert _places(tmp_path, IN_WORDS) == [
        ("config/validate.py", 20, 21),
        ("boot/start.py", 40, 42),
    ]


def test_the_place_of_the_line_the_fix_diff_removes_is_a_place_of_the_finding(
    tmp_path: Path,
) -> None:
    assert _places(tmp_path, IN_A_DIFF) == [("ui/selection.js", 50, 58), ("ui/images.vue", 30, 33)]


def test_a_test_that_calls_the_findings_subject_is_not_where_its_fix_goes(tmp_path: Path) -> None:
    assert _places(tmp_path, SUBJECT_ONLY) == [("lib/latch.ts", 28, 29)]
