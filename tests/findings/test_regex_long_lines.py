"""Long lines a seat writes in its verdicts sections are read in linear time: the regex audit's
third pass (benchmarks/README.md).

No timed assertion: each input is one the replaced code took minutes on (a clause boundary
searched from the line's last boundary for each item after it: 100 s on a 200 KB line of
` x T2`), so a regression shows as a hung suite. Each rewrite is also checked against the
search it replaces on every short text of its alphabet, where that one is quick."""

from __future__ import annotations

import itertools

from deepreview.findings.thread_verdicts import parse_thread_verdicts
from deepreview.findings.verdict_phrases import _CLAUSE_END, clause_end
from deepreview.rounds.verdicts import parse_fix_verdicts

RUN = 200_000


def _texts(alphabet: list[str], longest: int) -> list[str]:
    """Every text of up to `longest` pieces of `alphabet`."""
    return ["".join(p) for n in range(longest + 1) for p in itertools.product(alphabet, repeat=n)]


def test_a_thread_verdict_line_naming_many_threads_without_a_boundary_is_read() -> None:
    tail = " x T2" * (RUN // 5)
    verdicts = parse_thread_verdicts(f"## Threads\n\n- T1: addressed{tail}\n")
    assert verdicts == {"T1": ("addressed", tail.strip())}


def test_a_fix_verdict_line_naming_many_findings_without_a_boundary_is_read() -> None:
    tail = " x I2" * (RUN // 5)
    verdicts = parse_fix_verdicts(f"## Round 2 Fix Verdicts\n\n- I1: fixed{tail}\n")
    assert verdicts == {"I1": ("fixed", tail.strip())}


def test_a_clause_boundary_is_the_one_the_search_from_the_last_boundary_finds() -> None:
    alphabet = [" ", "\u00a0", "\x1c", ",", "—", "-", "and", "although", "x"]
    for text in _texts(alphabet, 4):
        for after in range(len(text) + 1):
            for end in range(after, len(text) + 1):
                old = _CLAUSE_END.search(text, after, end)
                new = clause_end(text, after, end)
                assert (new and new.span()) == (old and old.span()), (text, after, end)
