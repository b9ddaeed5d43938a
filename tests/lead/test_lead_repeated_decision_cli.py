"""A lead that gives the same decision twice, word for word, made one claim: the repeat is no
rejected claim (a different second decision of that kind still is)."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced


def test_a_decision_given_twice_word_for_word_is_one_claim(tmp_path: Path) -> None:
    k1 = ANSWER["decisions"][0]
    other = {**k1, "reason": "Also at util/strings.py:2 the guard is missing."}
    run = review_with_lead(tmp_path, [fenced(answer(decisions=ANSWER["decisions"] * 2 + [other]))])
    assert run.out["lead"]["note"] == "1 of the lead's claims rejected (see Reconciliation)."
    recon = run.md.split("**Reconciliation**", 1)[1]
    assert recon.count("rejected") == 1
    assert (
        "Lead decision `keep` about I1 (`shout` crashes on `None` input) rejected: a `keep` "
        "decision about it was " in recon
    )
