"""Findings as a ```yaml block inside prose (a model asked for Markdown plus a machine-readable
list): a list of mappings under `findings:` (or `issues:` …) with severity, file, lines, title.

Only ```json blocks were read as data, so such a review read as no findings. A YAML block that
is no list of findings (a workflow's steps, a config quoted as evidence) stays text.
"""

from __future__ import annotations

import json

from deepreview.findings import parse_review

_BLOCK = """Here is my review; the list is machine-readable, explained after.

```yaml
findings:
  - severity: critical
    file: app/db/pool.py
    lines: 33-41
    title: Connections go back to the pool without a rollback
  - severity: minor
    file: "app/db/settings.py"
    lines: 5
    title: 'POOL_TIMEOUT is read as a string'
    description: |
      os.environ.get gives a str when the variable is set,
      and it is compared with a float.
```

**1.** The next borrower inherits an aborted transaction.
"""


def test_a_yaml_findings_list_is_read() -> None:
    review = parse_review(_BLOCK, seat="alpha")
    got = [(f.severity.letter, str(f.locations[0]), f.title) for f in review.findings]
    assert got == [
        ("C", "app/db/pool.py:33-41", "Connections go back to the pool without a rollback"),
        ("S", "app/db/settings.py:5", "POOL_TIMEOUT is read as a string"),
    ]
    assert "compared with a float" in review.findings[1].body


def test_a_quoted_workflow_is_no_findings() -> None:
    text = (
        "The workflow change looks fine:\n\n```yaml\nsteps:\n  - name: build\n"
        "    run: make\n  - name: test\n    run: make test\n```\n\nNo issues found.\n"
    )
    assert parse_review(text, seat="alpha").findings == ()


def test_a_list_of_items_with_no_level_or_place_is_no_findings() -> None:
    text = "Plan:\n\n```yaml\nissues:\n  - title: write the docs\n  - title: tag a release\n```\n"
    assert parse_review(text, seat="alpha").findings == ()


def test_a_json_lines_field_is_the_place_too() -> None:
    # (`lines` was no name of a place's lines; a list of two numbers is the range)
    item = {"file": "app/db/pool.py", "lines": [33, 41], "severity": "high", "title": "No rollback"}
    text = "```json\n" + json.dumps({"issues": [item]}) + "\n```\n"
    review = parse_review(text, seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == ["app/db/pool.py:33-41"]
