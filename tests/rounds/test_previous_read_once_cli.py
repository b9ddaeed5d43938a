"""A later round reads the previous round's stored report once for its report: the prior
findings' references (`consolidate.prior_refs`) and the round's verdicts and carried findings
(`rounds.apply`) are given the same look-up, made once (before, each made its own: the report
JSON read and validated, the interdiff computed, twice). The seats' prompt, built before the
seats run, reads it once more. Counted through the real `deep-review review` and `relead`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepreview.rounds import previous
from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import NO_FINDINGS, run_round, stored

# Round 1's I1 (the zero divisor) is still open, and the seat's Testing Assessment names it by
# the ID its prompt gave it.
ROUND2 = (
    NO_FINDINGS.format(summary="The divisor is still unchecked.")
    + "\n## Testing Assessment\n\nNothing tests a zero divisor: I1 is still open.\n"
    + "\n## Fix Verdicts\n\n- I1: not fixed — `calc.py:3` still divides by b\n"
)


def test_a_later_round_reads_the_previous_report_once_for_its_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fakes, repo, round1 = first_round(tmp_path)
    first = round1["review_id"]
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")

    reads: list[str] = []
    read_report = previous._read_report

    def counted(store, row, number):  # type: ignore[no-untyped-def]
        reads.append(row.id)
        return read_report(store, row, number)

    monkeypatch.setattr(previous, "_read_report", counted)
    second = run_round(fakes, repo, ROUND2)["review_id"]
    assert reads == [first, first]  # the seats' prompt, then the report
    # Behaviour as before: the reference follows the prior finding, its verdict is read.
    data = json.loads(stored(fakes, second, ".json"))
    by_title = {f["title"]: f for f in data["findings"]}
    carried = by_title["Division by zero is not handled"]
    assert carried["carry_forward"] == "Round 1 I1, not fixed"
    testing = " ".join([data["testing"]["intro"], *data["testing"]["items"]])
    assert f"round 1's I1 (now {carried['id']}) is still open" in testing

    reads.clear()
    res = run_cli(["relead", second, "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert reads == [first]
    assert json.loads(stored(fakes, second, ".json"))["findings"] == data["findings"]
