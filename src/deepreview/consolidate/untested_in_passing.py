"""A finding's sentence saying that code in another file has no test: its reviewer seeing the
test gap another seat raised there.

"Pin the remaining configuration-versus-startup cases" at one driver's test, whose explanation
adds "the other driver's refusal at `krunkit_driver.go:190-193` has no corresponding test":
a careful lead credits that reviewer on the other seat's "Missing test for the krunkit
refusal" at those lines, as it does a Testing Assessment note there (`notes.credit_notes`).
Only a test gap on those lines (or within `CITE_SLACK` of them): a sentence citing them for
its reasoning, or one meeting a defect there, is no sighting of it. Measured on the dev corpus
(benchmarks/README.md, at74): eight such sentences, one at a test gap of another seat, which
the lead credited.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deepreview.consolidate.cross_cited import CITE_SLACK
from deepreview.consolidate.kinds import says_untested, tells_untested
from deepreview.model import Finding

# a sentence ends at `.`, `!` or `?` before the next one's capital or code span
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*])")


def untested_sentences(units: Iterator[str]) -> Iterator[str]:
    """The sentences of a finding's paragraphs (code blocks taken out) saying code has no test."""
    for unit in units:
        for sentence in _SENTENCE_END.split(" ".join(unit.split())):
            if tells_untested(sentence):
                yield sentence


def sees_the_gap(finding: Finding, distance: int) -> bool:
    """The sentence's lines, `distance` from `finding`'s place, are that test gap's."""
    return distance <= CITE_SLACK and says_untested(finding)
