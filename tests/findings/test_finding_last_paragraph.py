"""A finding's last paragraph that goes on explaining it (names its code, says what fails) is
the finding's text, even when it speaks of "this change" and uses a word of merging ("blocks",
"ready"): read as the review's closing words it was dropped, and the finding lost its text.
The review's real closing words ("Overall …", "That's all I found") stay out of the finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli as _parse

_HEAD = (
    "## Summary\n\nAdds a retry helper to the sync worker.\n\n## Findings\n\n"
    "**sync.py:3** — the retry loop never ends\n\n"
    "The loop in `retry()` keeps calling `fetch()` after the deadline because `attempts` "
    "is never incremented.\n\n"
)


def _only_finding(parsed: dict[str, object]) -> dict[str, str]:
    findings = parsed["findings"]
    assert isinstance(findings, list) and len(findings) == 1, findings
    finding = findings[0]
    assert isinstance(finding, dict)
    return finding


@pytest.mark.parametrize(
    "last",
    [
        "This change blocks the worker forever when the upstream server is down.",
        "With this patch the worker is never ready again after one failed fetch.",
        "The worker never finishes, so this PR blocks every deploy that meets a flaky server.",
        "Thanks to this, retry() spins until the pod is killed.",
        "That's all the loop does now: it never returns once fetch() fails.",
    ],
)
def test_a_last_paragraph_that_explains_the_finding_stays_in_it(tmp_path: Path, last: str) -> None:
    finding = _only_finding(_parse(tmp_path, _HEAD + last + "\n"))
    assert last in finding["body"] + finding["fix"]


@pytest.mark.parametrize(
    "last",
    [
        "Overall, the change needs work before it can be merged.",
        "That's all I found; the rest looks good.",
        "Overall this PR is ready to merge once the loop is fixed.",
        "I'd hold this PR until the loop is fixed; everything else looks fine.",
    ],
)
def test_closing_words_stay_out_of_the_last_finding(tmp_path: Path, last: str) -> None:
    parsed = _parse(tmp_path, _HEAD + last + "\n")
    finding = _only_finding(parsed)
    assert last not in finding["body"] + finding["fix"]
    assert finding["body"].endswith("is never incremented.")
