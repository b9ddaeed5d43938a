"""A declined finding raised again in other words on lines changed since the decline: the
re-raise is only like it (no title or fingerprint says it is the declined one), so it stays
reported as found — never left out or re-labelled on a likeness —, and the Declined entry no
longer says nobody raised it: it names that finding as possibly it. Before, the entry said
`(the code there changed since; no reviewer raised it again)` beside the `(new)` finding that
was it (tr62 #5). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import NO_FINDINGS, run_round, stored

REWORDED = NO_FINDINGS.format(summary="The divisor is still unchecked.").replace(
    "### Important Issues\n\nNone.",
    "### Important Issues\n\n"
    "I1. **A zero divisor crashes `div`** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError.",
)
ELSEWHERE = REWORDED.replace("`calc.py:3`", "`other.py:40`")
NOT_RAISED = "(the code there changed since; no reviewer raised it again)"


def _after_decline(tmp_path: Path, review: str, rounds: int = 2) -> tuple[dict[str, Any], str]:
    """Round 1 raises I1 at calc.py:3; it is declined; line 3 changes; round 2 (and each round
    up to `rounds`, after a change elsewhere) prints `review`. The last round's JSON report and
    Markdown."""
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    res = run_cli(["decline", rid, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return (a / b)\n")
    commit_all(repo, "Parenthesise")
    rid = run_round(fakes, repo, review)["review_id"]
    for n in range(3, rounds + 1):
        write(repo, "notes.txt", f"round {n}\n")
        commit_all(repo, f"Notes {n}")
        rid = run_round(fakes, repo, review)["review_id"]
    data: dict[str, Any] = json.loads(stored(fakes, rid, ".json"))
    return data, stored(fakes, rid, ".md")


def test_a_declined_finding_reworded_on_changed_code_is_named_not_denied(tmp_path: Path) -> None:
    data, md = _after_decline(tmp_path, REWORDED)
    # only alike: reported, counted, tagged as found — not hidden, not re-labelled
    assert [f["carry_forward"] for f in data["findings"]] == ["new"]
    assert data["round_info"]["new_findings"] == ["I1"]
    [declined] = data["round_info"]["declined"]
    assert (declined["code_changed"], declined["raised_again"]) == (True, False)
    assert declined["alike"] == "I1"
    assert NOT_RAISED not in md
    assert "I1 of this round, at its lines, may be it worded otherwise" in md


def test_in_the_round_after_the_carried_finding_is_named_still(tmp_path: Path) -> None:
    data, md = _after_decline(tmp_path, REWORDED, rounds=3)
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 2 I1, raised again"]
    [declined] = data["round_info"]["declined"]
    assert declined["alike"] == "I1"
    assert NOT_RAISED not in md


def test_the_same_words_at_another_file_name_nothing(tmp_path: Path) -> None:
    data, md = _after_decline(tmp_path, ELSEWHERE)
    assert [f["carry_forward"] for f in data["findings"]] == ["new"]
    [declined] = data["round_info"]["declined"]
    assert declined["alike"] == ""
    assert NOT_RAISED in md
