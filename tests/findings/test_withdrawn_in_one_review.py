"""A finding the seat takes back in a review it wrote once (`On a second look I2 is not a
problem: …; withdrawn.`) is not counted; the seat's warnings say it was withdrawn. Words that
only tell the code (a finding about withdrawals), a denial, or an earlier round's item take
nothing back (`findings/withdrawn.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

RETRY = (
    "### I1 — retry loop never stops (`net.py:12`)\n\n"
    "The loop retries forever when the server is down.\n\n**Fix:** cap the retries at 5.\n\n"
)
CACHE = (
    "### I2 — cache grows without bound (`cache.py:40`)\n\n"
    "Every key is stored forever; memory grows with traffic.\n\n**Fix:** use an LRU.\n\n"
)


def review(findings: str, after: str = "") -> str:
    return (
        "## Executive Summary\n\nAdds a result cache and a retry loop.\n\n"
        f"## Findings\n\n### Important Issues\n\n{findings}{after}\n\n"
        "## Verdict\n\nMerge after fixing I1.\n"
    )


@pytest.mark.parametrize(
    "after",
    [
        "On a second look I2 is not a problem: the cache is capped by `MAX`; withdrawn.",
        "I retract I2 — the cache is capped by `MAX`.",
        "Please disregard I2, the cache is capped by `MAX`.",
        "On reflection I2 is a false positive: the cache\nis capped by `MAX`.",
    ],
)
def test_a_finding_taken_back_by_its_id_is_not_counted(after: str) -> None:
    r = parse_review(review(RETRY + CACHE, after), seat="s")
    assert [f.title for f in r.findings] == ["retry loop never stops"], r.findings
    assert any("I2 (cache grows without bound) is withdrawn" in w for w in r.warnings)
    assert not r.unread_findings


def test_a_withdrawal_before_its_finding_in_the_summary_counts_too() -> None:
    text = review(RETRY + CACHE).replace(
        "Adds a result cache and a retry loop.",
        "Adds a result cache and a retry loop. I2 below is withdrawn (the cache is capped).",
    )
    assert [f.id for f in parse_review(text, seat="s").findings] == ["I1"]


@pytest.mark.parametrize(
    "after",
    [
        "I2 is not a false positive: `MAX` is never set.",
        "I do not withdraw I2; the cap is never set.",
        "I2 from round 1 was withdrawn; this I2 is new.",
        "The `retract()` helper that I2 touches is fine.",
    ],
)
def test_words_that_take_nothing_back_keep_the_finding(after: str) -> None:
    r = parse_review(review(RETRY + CACHE, after), seat="s")
    assert [f.id for f in r.findings] == ["I1", "I2"], r.warnings


def test_a_finding_about_withdrawals_is_read() -> None:
    bank = (
        "### I2 — withdrawal skips the balance check (`bank.py:40`)\n\n"
        "The amount withdrawn is never compared with the balance; I2 lets an account go "
        "negative.\n\n**Fix:** check the balance first.\n\n"
    )
    r = parse_review(review(RETRY + bank), seat="s")
    assert [f.title for f in r.findings] == [
        "retry loop never stops",
        "withdrawal skips the balance check",
    ]


def test_of_two_ids_only_the_one_beside_the_word_is_withdrawn() -> None:
    r = parse_review(review(RETRY + CACHE, "I2 is withdrawn, but I1 stands."), seat="s")
    assert [f.id for f in r.findings] == ["I1"]


def test_the_report_leaves_the_withdrawn_finding_out(tmp_path: Path) -> None:
    text = review(RETRY + CACHE, "On a second look I2 is not a problem: `MAX` caps it; withdrawn.")
    res, _out, report = review_printed(tmp_path, {"keen": text})
    titles = [f["title"] for f in report["findings"]]
    assert titles == ["retry loop never stops"], res.stderr[-2000:]
