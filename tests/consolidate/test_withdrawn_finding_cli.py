"""Through the real `deep-review review` with command seats, no lead: a reviewer that lists
what it checked as a finding and concludes in its explanation that there is nothing wrong
("… so the missing file is handled. **No issue.**") withdrew it. A careful lead does not credit
that reviewer on another reviewer's problem at the same lines: the report keeps the two apart
(`consolidate/withdrawn.py`). The same finding without the withdrawal is one problem, credited
to both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deepreview.consolidate.withdrawn import withdrawn
from deepreview.model import Finding, Severity
from support.printing_seats import findings_of_change

CONFIG = (
    "import json\n"  # 1
    "\n"  # 2
    "def load_config(path):\n"  # 3
    "    with open(path) as fh:\n"  # 4
    "        return json.load(fh)\n"  # 5
)
FILES = {"config.py": CONFIG}
QUOTE = "```python\n    with open(path) as fh:\n        return json.load(fh)\n```\n\n"


def _doc(title: str, body: str) -> str:
    return (
        "## Executive Summary\n\nAdds `load_config`.\n\n## Findings\n\n### Important Issues\n\n"
        f"1. **{title}** — `config.py:4-5` (important, regression)\n\n{QUOTE}{body}\n"
    )


RAISES = _doc(
    "`load_config` raises on a missing config file",
    "`load_config` opens `path` without checking that the file exists, so a first run with "
    "no config file stops with `FileNotFoundError` instead of starting from the defaults.",
)
CHECKED = (
    "`load_config` opens `path` and lets `FileNotFoundError` reach its caller when the config "
    "file is missing; the caller catches it and starts from the defaults, so a first run "
    "without the file works."
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_finding_its_reviewer_calls_no_issue_is_not_credited_on_the_other(
    tmp_path: Path,
) -> None:
    got = _credited(
        tmp_path,
        alpha=RAISES,
        bravo=_doc("`load_config` and a missing config file", CHECKED + " **No issue.**"),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_same_finding_not_withdrawn_is_one_problem(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=RAISES,
        bravo=_doc(
            "`load_config` and a missing config file",
            CHECKED.replace("the caller catches it", "no caller catches it").replace(
                "so a first run without the file works", "so a first run without the file fails"
            ),
        ),
    )
    assert got == [["Alpha", "Bravo"]], got


def _finding(body: str) -> Finding:
    return Finding("I1", Severity.IMPORTANT, "A title", body=body)


def test_only_a_sentence_of_its_own_withdraws_a_finding() -> None:
    assert withdrawn(_finding("The early return is fine. **No issue.**"))
    assert withdrawn(_finding("Checked the caller.\nNo action needed."))
    assert withdrawn(_finding("It is handled upstream. So not a real problem."))
    # a reservation goes on after the words; a sentence naming the issue is no withdrawal
    assert not withdrawn(_finding("This is not a bug today (both default to zero), but a trap."))
    assert not withdrawn(_finding("No issue is raised when the file is missing."))
    assert not withdrawn(_finding("```python\n# No issue.\n```\nThe comment lies."))
    # one part of several cleared: the finding still names a problem after it
    assert not withdrawn(_finding("- `load`: no issue.\n- `save`: leaks the file handle."))
