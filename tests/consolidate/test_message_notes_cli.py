"""Through the real `deep-review consolidate`: a reviewer that faults the commit message (or the
PR description) outside its findings, in a Commit Structure section, an assessment item or a
row of its verdict table ("Commit message rewritten | Deficient | omits adding `rsync`"), saw
what another seat raised as a finding about that message, and is credited on it as a note
(`message_notes`). Only when it names something that finding names; not a remark that approves
the message, nor a design strength, nor one about the PR description beside a finding about
the commit message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.consolidating import consolidate_reviews

FINDER = """## Findings

### Suggestions

S1. **The new commit message leaves out what broke CI** — commit `170983dc` (suggestion, regression)

The old message said three things the commit still does and the new one no longer mentions:
- the CI jobs now install `rsync`;
- the setup step runs ahead of `Unit tests`;
- the `windows` job is renamed.

S2. **`copy()` ignores a failed `rsync`** — `pkg/copy.go:40-44` (suggestion, gap)

The exit status of the spawned `rsync` is dropped.
"""

NOTER = """## Findings

### Suggestions

S1. **`parse()` accepts an empty host** — `pkg/parse.go:10-12` (suggestion, gap)

`parse("")` returns no error.

{remark}
"""

SECTION = """## Commit Structure

- **Item 1 (Commit message)**: The rewritten message covers the broad goals but omits that the
  PR adds `rsync` to the CI image, the change that broke the unit tests.
"""

TABLE = """## Documentation Assessment

| Item | Verdict and evidence |
|---|---|
| **1. Shortened commit message** | Accurate about the motive, but omits adding rsync. |
| **2. Comment trimming** | Accept. |
"""

OTHER_NAME = """## Commit Structure

The commit message omits the new `socat` dependency.
"""

APPROVES = """## Commit Structure

The commit message is accurate about adding `rsync`.
"""

STRENGTH = """## Design Observations

**Strengths**

1. The commit message no longer repeats the `rsync` workaround the old one described.
"""

DESCRIPTION = """## Commit Structure

The PR description omits that the PR adds `rsync` to the CI image.
"""


def _message(tmp_path: Path, remark: str) -> dict[str, object]:
    out = consolidate_reviews(
        tmp_path, {"claude": FINDER, "codex": NOTER.format(remark=remark)}, "json"
    )
    return next(f for f in json.loads(out)["findings"] if "commit message" in f["title"])


@pytest.mark.parametrize(
    ("remark", "section"),
    [(SECTION, "Commit Structure"), (TABLE, "Documentation Assessment")],
)
def test_a_remark_faulting_the_commit_message_credits_the_finding_about_it(
    tmp_path: Path, remark: str, section: str
) -> None:
    message = _message(tmp_path, remark)
    assert message["reviewers"] == ["Claude", "Codex"]
    note = message["sources"][-1]
    assert (note["reviewer"], note["finding_id"], note["kind"]) == ("Codex", section, "note")
    assert "rsync" in note["title"]


@pytest.mark.parametrize("remark", [OTHER_NAME, APPROVES, STRENGTH, DESCRIPTION])
def test_another_omission_an_approval_or_another_text_credits_nobody(
    tmp_path: Path, remark: str
) -> None:
    assert _message(tmp_path, remark)["reviewers"] == ["Claude"]
