"""`### Testing` as a category inside `## Findings` / `## Issues` sorts findings (test gaps):
its `- tests/test_sync.py:12 — the new retry path has no test` is a finding, not an item of the
Testing Assessment (where it was read, and the gap was lost from the findings). A top-level
`## Testing` section stays the assessment, and so does a `### Testing` inside findings whose
text is a note rather than a placed problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli as _parse
from support.read_findings import titles_of as _titles

_GAP = "- tests/test_sync.py:12 — the new retry path has no test\n"
_BUG = "- sync.py:3 — the retry loop never ends because `attempts` is never incremented\n"


def _testing_items(parsed: dict[str, object]) -> list[str]:
    testing = parsed["testing"]
    assert isinstance(testing, dict)
    items = testing["items"]
    assert isinstance(items, list)
    return items


@pytest.mark.parametrize("section", ["## Findings", "## Issues"])
def test_a_testing_category_in_findings_holds_findings(tmp_path: Path, section: str) -> None:
    text = (
        f"## Summary\n\nAdds a retry path.\n\n{section}\n\n### Correctness\n\n{_BUG}\n"
        f"### Testing\n\n{_GAP}"
    )
    parsed = _parse(tmp_path, text)
    assert "the new retry path has no test" in _titles(parsed)
    assert _testing_items(parsed) == []
    gap = next(f for f in parsed["findings"] if "no test" in f["title"])  # type: ignore[union-attr]
    assert gap["locations"] == [{"path": "tests/test_sync.py", "start": 12, "end": None}]


def test_a_testing_category_first_in_findings(tmp_path: Path) -> None:
    text = f"## Summary\n\nAdds a retry path.\n\n## Findings\n\n### Testing\n\n{_GAP}"
    parsed = _parse(tmp_path, text)
    assert _titles(parsed) == ["the new retry path has no test"]
    assert _testing_items(parsed) == []


def test_a_top_level_testing_section_stays_the_assessment(tmp_path: Path) -> None:
    text = f"## Summary\n\nAdds a retry path.\n\n## Findings\n\n{_BUG}\n## Testing\n\n{_GAP}"
    parsed = _parse(tmp_path, text)
    assert len(_titles(parsed)) == 1
    assert _testing_items(parsed) == [_GAP[2:].strip()]


def test_a_testing_note_inside_findings_stays_the_assessment(tmp_path: Path) -> None:
    text = (
        f"## Summary\n\nAdds a retry path.\n\n## Findings\n\n{_BUG}\n"
        "### Testing\n\nThe new tests cover the retry path and the deadline.\n"
    )
    parsed = _parse(tmp_path, text)
    assert len(_titles(parsed)) == 1
    testing = parsed["testing"]
    assert isinstance(testing, dict)
    assert "cover the retry path" in json.dumps(testing)
