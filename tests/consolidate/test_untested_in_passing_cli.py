"""Through the real `deep-review consolidate`: a finding about one test that says, in passing,
that code in another file has no test either ("The refusal at `boot/start.py:40-42` has no test
of its own") is its reviewer seeing the test gap another seat raised at those lines; a careful
lead credits both reviewers there, as it does for a Testing Assessment note. Not when the
sentence only cites those lines, nor when the finding there is a defect rather than a gap."""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews

GAP = """## Findings

### Important Issues

I1. **No test covers the `arm` refusal in `prepare_host`** — `boot/start.py:40-42` (important, gap)

Deleting the early return for `arm` leaves the whole suite green, so a later edit can drop the
refusal and boot an `arm` host with a helper that is never built.
"""

DEFECT = """## Findings

### Important Issues

I1. **An `arm` host falls into the default branch of `prepare_host`** — `boot/start.py:40-42`\
 (important, regression)

Every architecture other than `x86` reaches the default branch, which asks for a helper binary
that is never built, so an `arm` host cannot boot.
"""

PASSING = """## Findings

### Suggestions

S1. **Pin both sides of the accepted-architecture table** — `tests/test_validate.py:10-18`\
 (suggestion, enhancement)

The table test checks `validate_arch` only for `x86`, so a wrong entry for another architecture
goes unseen. {sentence} Add rows for every entry of `ARCHES`.
"""

SAYS_UNTESTED = "The refusal at `boot/start.py:40-42` has no test of its own either."
ONLY_CITES = "The refusal at `boot/start.py:40-42` is where those rows end up."


def _credits(tmp_path: Path, claude: str, sentence: str) -> list[list[str]]:
    out = consolidate_reviews(
        tmp_path, {"claude": claude, "codex": PASSING.format(sentence=sentence)}, "json"
    )
    return [f["reviewers"] for f in json.loads(out)["findings"]]


def test_a_sentence_saying_the_gaps_lines_have_no_test_credits_its_reviewer(
    tmp_path: Path,
) -> None:
    gap, own = _credits(tmp_path, GAP, SAYS_UNTESTED)
    assert (gap, own) == (["Claude", "Codex"], ["Codex"])


def test_a_sentence_only_citing_those_lines_credits_nobody(tmp_path: Path) -> None:
    assert _credits(tmp_path, GAP, ONLY_CITES) == [["Claude"], ["Codex"]]


def test_a_defect_at_those_lines_is_not_the_gap_the_sentence_sees(tmp_path: Path) -> None:
    assert _credits(tmp_path, DEFECT, SAYS_UNTESTED) == [["Claude"], ["Codex"]]
