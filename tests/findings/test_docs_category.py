"""`### Documentation` / `### Docs` / a bold `**Documentation**` line as a category inside
`## Findings` / `## Issues` sorts findings (doc gaps): its `- README.md:40 — the new --retries
flag is not documented` is a finding, not an item of the Documentation Assessment (where it was
read, and the gap was lost from the findings). A top-level `## Documentation` section stays the
assessment, and so does a `### Documentation` inside findings whose text is a note rather than
a placed problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli as _parse
from support.read_findings import titles_of as _titles

_GAP = "- README.md:40 — the new --retries flag is not documented\n"
_BUG = "- sync.py:3 — the retry loop never ends because `attempts` is never incremented\n"


def _docs(parsed: dict[str, object]) -> str:
    return json.dumps(parsed.get("documentation"))


@pytest.mark.parametrize("section", ["## Findings", "## Issues"])
@pytest.mark.parametrize("category", ["### Documentation", "### Docs", "**Documentation**"])
def test_a_docs_category_in_findings_holds_findings(
    tmp_path: Path, section: str, category: str
) -> None:
    text = (
        f"## Summary\n\nAdds a retry flag.\n\n{section}\n\n### Correctness\n\n{_BUG}\n"
        f"{category}\n\n{_GAP}"
    )
    parsed = _parse(tmp_path, text)
    titles = _titles(parsed)
    assert "the new --retries flag is not documented" in titles, titles
    assert len(titles) == 2, titles
    assert "retries" not in _docs(parsed)
    gap = next(f for f in parsed["findings"] if "not documented" in f["title"])  # type: ignore[union-attr]
    assert gap["locations"] == [{"path": "README.md", "start": 40, "end": None}]


@pytest.mark.parametrize("category", ["### Documentation", "**Documentation**"])
def test_a_docs_category_first_in_findings(tmp_path: Path, category: str) -> None:
    text = f"## Summary\n\nAdds a retry flag.\n\n## Findings\n\n{category}\n\n{_GAP}"
    parsed = _parse(tmp_path, text)
    assert _titles(parsed) == ["the new --retries flag is not documented"]
    assert "retries" not in _docs(parsed)


def test_a_top_level_documentation_section_stays_the_assessment(tmp_path: Path) -> None:
    text = f"## Summary\n\nAdds a retry flag.\n\n## Findings\n\n{_BUG}\n## Documentation\n\n{_GAP}"
    parsed = _parse(tmp_path, text)
    assert len(_titles(parsed)) == 1
    assert "not documented" in _docs(parsed)


def test_a_docs_note_inside_findings_stays_the_assessment(tmp_path: Path) -> None:
    text = (
        f"## Summary\n\nAdds a retry flag.\n\n## Findings\n\n{_BUG}\n"
        "### Documentation\n\nThe README describes the new flag and its default.\n"
    )
    parsed = _parse(tmp_path, text)
    assert len(_titles(parsed)) == 1
    assert "describes the new flag" in _docs(parsed)
