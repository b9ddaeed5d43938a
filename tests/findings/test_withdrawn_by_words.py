"""A review written twice whose later draft leaves a finding out and says so in words, naming
neither the finding's ID nor a code name of its title (`Scratch the earlier point about the
cache — …`, `On second thought, the race I flagged above is not possible because …`): the
withdrawal names the one finding of the earlier draft its words (a word of the title, or the
file) recall, and the later draft is the review. Words that recall two findings name neither:
both stay (`findings/drafts.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

CACHE = (
    "**I1. Config cache is never invalidated** — `calc.py:5`\n\n"
    "Stale values are served after a reload.\n\n"
)
RACE = "**I2. Race on the job counter** — `util/strings.py:2`\n\nTwo threads bump it unlocked.\n\n"
RACE_AGAIN = RACE.replace("I2.", "I1.")
COVERAGE = "## Coverage Summary\n\n| File | Status |\n|---|---|\n| `calc.py` | {} |\n"


def copy(findings: str, status: str, closing: str = "") -> str:
    return (
        "## Executive Summary\n\nAdds a config cache and a job counter.\n\n"
        f"## Findings\n\n### Important Issues\n\n{findings}{closing}\n\n" + COVERAGE.format(status)
    )


def redraft(withdrawal: str, kept: str = RACE_AGAIN) -> str:
    return copy(CACHE + RACE, "I1") + "\n---\n\n" + copy(kept, "Reviewed", withdrawal)


@pytest.mark.parametrize(
    "withdrawal",
    [
        "Scratch the earlier point about the cache — it is rebuilt in `load()`.",
        "On second thought, the invalidation I flagged above is not needed because "
        "`reload()` rebuilds the object.",
        "I withdraw the earlier finding about calc.py: the values are read once.",
    ],
)
def test_a_withdrawal_in_words_names_its_one_finding(withdrawal: str) -> None:
    r = parse_review(redraft(withdrawal), seat="s")
    assert [f.title for f in r.findings] == ["Race on the job counter"]
    assert r.redrafted


def test_a_withdrawal_whose_words_recall_two_findings_drops_neither() -> None:
    # "config" is a word of both titles: which one is taken back is not said
    two = CACHE + RACE.replace("Race on the job counter", "Config reload races the counter")
    kept = "**I1. Unrelated typo in a message** — `calc.py:9`\n\nA typo.\n\n"
    text = (
        copy(two, "I1")
        + "\n---\n\n"
        + copy(kept, "Reviewed", "On second thought, the config point I flagged is moot.")
    )
    r = parse_review(text, seat="s")
    titles = [f.title for f in r.findings]
    assert "Config cache is never invalidated" in titles
    assert "Config reload races the counter" in titles
    assert not r.redrafted


def test_the_report_leaves_the_withdrawn_finding_out(tmp_path: Path) -> None:
    text = redraft("Scratch the earlier point about the cache — it is rebuilt in `load()`.")
    res, _out, report = review_printed(tmp_path, {"keen": text})
    titles = [f["title"] for f in report["findings"]]
    assert titles == ["Race on the job counter"], res.stderr[-2000:]
