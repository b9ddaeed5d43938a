"""Through the real `deep-review consolidate`: a Testing Assessment item that names lines of the
code ("no case … to lock down lines 40-52 in `queue.py`") is its reviewer seeing the test gap
another seat raised on that code's own test file (`tests/test_queue.py`, `queue.spec.ts`):
where a missing test goes is the code's test file, so the note credits that finding
(`notes.credit_notes`, `note_fit.tests_of`). Not a finding on the test file of other code, nor
one about another gap of the same suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.consolidating import consolidate_reviews

FINDER = """## Findings

### Suggestions

S1. **Test gap: a reader started before `rewind()`, another after** — `{test}` (suggestion, gap)

The new `many readers` test only covers readers that all start before a single `push`. No
test starts a reader, calls `rewind()`, starts a second reader and then pushes: both must see
the same item, which is the path the rewrite exists for.
"""

NOTER = """## Findings

### Suggestions

S1. **`drain()` sleeps with the lock held** — `src/queue.py:80-84` (suggestion, gap)

`time.sleep(0.1)` inside `with self._lock:` blocks every producer.

## Testing Assessment

1. {item}
"""

SEEN = (
    "Readers across a rewind remain untested: there is no case with one reader started before"
    " `rewind()` and another after it, to lock down lines 40-52 in [`queue.py`](src/queue.py)."
)


def _gap(tmp_path: Path, test: str, item: str) -> dict[str, object]:
    out = consolidate_reviews(
        tmp_path,
        {"claude": FINDER.format(test=test), "codex": NOTER.format(item=item)},
        "json",
    )
    return next(f for f in json.loads(out)["findings"] if "rewind" in f["title"])


@pytest.mark.parametrize("test", ["tests/test_queue.py", "src/__tests__/queue.spec.py"])
def test_a_testing_note_on_the_code_credits_the_gap_on_its_test_file(
    tmp_path: Path, test: str
) -> None:
    gap = _gap(tmp_path, test, SEEN)
    assert gap["reviewers"] == ["Claude", "Codex"]
    note = gap["sources"][-1]
    assert (note["reviewer"], note["finding_id"], note["kind"]) == (
        "Codex",
        "Testing Assessment",
        "note",
    )


def test_the_test_file_of_other_code_is_not_its_test_file(tmp_path: Path) -> None:
    assert _gap(tmp_path, "tests/test_queue_stats.py", SEEN)["reviewers"] == ["Claude"]


def test_another_gap_of_that_code_credits_nobody(tmp_path: Path) -> None:
    other = (
        "Timeouts remain untested: no case lets `drain()` give up, which lines 40-52 in"
        " [`queue.py`](src/queue.py) handle."
    )
    assert _gap(tmp_path, "tests/test_queue.py", other)["reviewers"] == ["Claude"]
