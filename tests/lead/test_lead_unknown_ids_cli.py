"""A lead that names findings that do not exist (`K9`, `K7`: IDs it made up): its decisions about
them are rejected, each with a Reconciliation line, and its prose names them "a finding not in
this report" — after a possessive without the article ("Alpha's finding not in this report"),
so the sentence still reads. Through the real `deep-review review` with the fake lead."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced


def test_made_up_ids_are_rejected_and_named_in_words(tmp_path: Path) -> None:
    retro = [dict(r) for r in ANSWER["retro"]]
    retro[0] = {"seat": "alpha", "narrative": "Alpha's K8 was overrated; fix K9 first."}
    made_up = answer(
        decisions=[
            *ANSWER["decisions"],
            {"cluster": "K9", "action": "drop", "false_positive": True, "reason": "not real."},
            {"cluster": "K2", "action": "merge", "merge_into": "K7", "reason": "same."},
        ],
        retro=retro,
    )
    run = review_with_lead(tmp_path, [fenced(made_up)])
    assert run.out["lead"]["status"] == "ok"
    recon = run.section("**Reconciliation**:")
    assert "- Lead decision `drop` about 'K9' rejected: no finding of this review has that ID." in (
        recon
    )
    assert "rejected: it merges into 'K7', which names no finding of this review." in recon
    alpha = run.md.split("### [Alpha]\n", 1)[1].split("\n###", 1)[0].strip()
    assert alpha == (
        "Alpha's finding not in this report was overrated; fix a finding not in this report first."
    )
