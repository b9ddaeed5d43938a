"""A seat's testing or documentation assessment under a heading of its own words (trial 47a
#14): `## Missing tests`, `## Test plan`, `## Docs review`, `## README` used to be filed as other
sections and dropped from the report, which then said "No reviewer assessed testing."."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.consolidating import consolidate_reviews
from support.repos import cli_env, run_cli

_EMPTY_FINDINGS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n\n"
)


def _report(tmp_path: Path, section: str, fmt: str) -> str:
    return consolidate_reviews(tmp_path, {"alpha": f"{_EMPTY_FINDINGS}{section}"}, fmt)


@pytest.mark.parametrize(
    "title", ["Missing tests", "Test plan", "Test gaps", "Testing gaps", "Untested paths"]
)
def test_a_testing_section_in_other_words_is_the_testing_assessment(
    tmp_path: Path, title: str
) -> None:
    md = _report(
        tmp_path,
        f"## {title}\n\n1. No test for the retry count.\n2. No test for the delay schedule.\n",
        "md",
    )
    body = md.split("## Appendix", 1)[0]
    testing = body.split("## Testing Assessment", 1)[1].split("\n---", 1)[0]
    assert "No test for the retry count." in testing
    assert "No test for the delay schedule." in testing
    assert "No reviewer assessed testing" not in body


@pytest.mark.parametrize("title", ["Docs review", "README", "Documentation review", "Docs gaps"])
def test_a_docs_section_in_other_words_is_the_documentation_assessment(
    tmp_path: Path, title: str
) -> None:
    got = json.loads(_report(tmp_path, f"## {title}\n\n`docs/usage.md` is stale.\n", "json"))
    docs = got["documentation"]
    said = [docs["intro"], *(i["text"] for i in docs["items"])]
    assert any("`docs/usage.md` is stale." in s for s in said if s), docs


def test_a_sub_heading_finding_titled_so_stays_a_finding(tmp_path: Path) -> None:
    """Only a seat's own top sections (`#`, `##`) are read so: `#### Missing tests` under
    `### Suggestions` is a finding's title."""
    path = tmp_path / "r.md"
    path.write_text(
        "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
        "### Suggestions\n\n#### Missing tests\n\n`calc.py:2` has no test for `add`.\n",
        encoding="utf-8",
    )
    res = run_cli(["parse", str(path), "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout)
    assert [f["title"] for f in got["findings"]] == ["Missing tests"]
