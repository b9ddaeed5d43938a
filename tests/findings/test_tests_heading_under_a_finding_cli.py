"""Through the real `deep-review parse`: a `Tests` heading under one finding's own heading
(`#### I1: …` + `##### Tests`, or `#### Tests` between `#### I1` and `#### I2`) says what test
that finding needs; it is part of that finding's body. Read as the review's Testing Assessment,
it took the finding's test note away and turned every finding after it into an ordinary
section (lost). The review's own top-level `## Testing` is still its assessment."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli

_I1 = (
    "#### I1: Retry swallows the final error — `app/client.py:12`\n\n"
    "When the last attempt fails the function returns None instead of raising.\n\n"
)
_I1_TEST = "No test covers the path where every attempt fails; add one that expects the error.\n\n"
_I2 = (
    "#### I2: Backoff ignores the configured cap — `app/client.py:30`\n\n"
    "The delay doubles without bound, past `max_delay`.\n\n"
)
_OWN = "## Testing\n\nThe PR adds `tests/test_client.py` with two successful retries.\n"


def _review(tests_heading: str) -> str:
    return (
        "## Summary\n\nAdds retries to the HTTP client.\n\n## Findings\n\n### Important\n\n"
        f"{_I1}{tests_heading}\n\n{_I1_TEST}{_I2}{_OWN}"
    )


@pytest.mark.parametrize("tests_heading", ["##### Tests", "#### Tests", "##### Testing"])
def test_a_tests_heading_under_a_finding_is_that_findings_text(
    tmp_path: Path, tests_heading: str
) -> None:
    parsed = parsed_by_cli(tmp_path, _review(tests_heading))
    findings = parsed["findings"]
    assert isinstance(findings, list)
    assert [f["id"] for f in findings] == ["I1", "I2"], findings
    assert "every attempt fails" in findings[0]["body"], findings[0]["body"]
    assert parsed["other_sections"] == [], parsed["other_sections"]
    testing = parsed["testing"]
    assert isinstance(testing, dict)
    assert "two successful retries" in testing["intro"], testing
    assert "every attempt fails" not in str(testing), testing
    assert not any("Testing Assessment" in w for w in parsed["warnings"]), parsed["warnings"]  # type: ignore[union-attr]


def test_the_last_findings_tests_heading_before_the_reviews_own_testing(tmp_path: Path) -> None:
    # `#### Tests` right after the last finding, the review's `## Testing` still to come
    text = (
        "## Findings\n\n### Important\n\n"
        f"{_I1}{_I2}#### Tests\n\nA server that always fails would show I2.\n\n{_OWN}"
    )
    parsed = parsed_by_cli(tmp_path, text)
    findings = parsed["findings"]
    assert isinstance(findings, list)
    assert "always fails" in findings[1]["body"], findings
    testing = parsed["testing"]
    assert isinstance(testing, dict)
    assert "always fails" not in str(testing), testing


def test_a_testing_section_with_no_finding_heading_above_is_the_assessment(
    tmp_path: Path,
) -> None:
    text = (
        "## Findings\n\n### Important\n\n- `app/client.py:12` — the final error is swallowed\n\n"
        "#### Tests\n\nThe new tests cover the retry path.\n"
    )
    parsed = parsed_by_cli(tmp_path, text)
    testing = parsed["testing"]
    assert isinstance(testing, dict)
    assert "cover the retry path" in str(testing), testing


def test_testing_and_docs_sections_after_the_findings_stay_the_assessments(
    tmp_path: Path,
) -> None:
    # `### Testing` then `### Documentation` at the findings' level, under `## Findings`: the
    # heading after `### Testing` is another assessment, not the next finding
    text = (
        "## Findings\n\n### I1: Retry swallows the final error — `app/client.py:12`\n\n"
        "When the last attempt fails the function returns None.\n\n"
        "### Testing\n\nThe new tests cover two successful retries.\n\n"
        "### Documentation\n\nThe README does not mention the retry count.\n\n"
        "## Verdict\n\nMerge with fixes.\n"
    )
    parsed = parsed_by_cli(tmp_path, text)
    findings = parsed["findings"]
    assert isinstance(findings, list)
    assert "two successful retries" not in findings[0]["body"], findings[0]["body"]
    assert "two successful retries" in str(parsed["testing"]), parsed["testing"]
    assert "retry count" in str(parsed["documentation"]), parsed["documentation"]
