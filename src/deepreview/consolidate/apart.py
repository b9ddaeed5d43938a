"""Two findings near each other: when they say different things (`claims_apart`), and when,
a line or two apart, they are one problem told from two anchors (`beside`); see `score.evidence`."""

from __future__ import annotations

from deepreview.consolidate.claim_pairs import claims_meet, same_claim
from deepreview.consolidate.evidence import SAID_PROSE
from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.spans import lines_beside, meet_on_a_line, same_lines

# Explanations sharing less than this (rarity-weighted words) say different things.
APART_PROSE = 0.2


def claims_apart(x: Features, y: Features, prose: float) -> bool:
    """Two findings near each other that state different claims: their titles share no word
    (at lines that do not meet, none but the code names both give: the function both are in,
    "`last_rows(p, 0)` returns the whole file" / "`last_rows` opens the file without an
    encoding" two lines apart) and their explanations little (`prose`: when nothing but the
    place and the names ties them, beyond the words of the names both give, which count once,
    as names: `score._told_beyond_names`), and they are not at the same lines (`same_lines`).
    Findings about tests are exempt: they name the test to add, each its own way (see
    `SAME_TEST_BONUS`)."""
    shared = title_words_beyond_names(x, y) if not meet_on_a_line(x, y) else None
    return (
        not (x.title_words & y.title_words if shared is None else shared)
        and not same_claim(x, y)
        and prose < APART_PROSE
        and not (x.kind == y.kind == "tests")
        and not same_lines(x, y)
        and not quote_beside(x, y)
    )


def quote_beside(x: Features, y: Features) -> bool:
    """A line or two apart and both quoting the same line of code: one line, each reviewer
    counting from its own anchor ("Permanent failures become `None`" at a `return None`, "the
    `except` branch hides the exception" at its `except`, both quoting the `return None`). Or
    both naming the same construct there (`except Exception`) and the same failure, or its two
    sides (`claims_meet`): the block named is where both look, the failure what they say."""
    return (bool(x.excerpt & y.excerpt) or bool(named_beside(x, y))) and lines_beside(x, y)


def named_beside(x: Features, y: Features) -> frozenset[str]:
    """The constructs of several words both name (`except Exception`) when their claims meet
    and their lines are a line or two apart, else nothing."""
    shared = x.code_spans & y.code_spans
    return shared if shared and claims_meet(x, y) and lines_beside(x, y) else frozenset()


def title_words_beyond_names(x: Features, y: Features) -> frozenset[str]:
    """The title words both findings share, other than the words of the code names both give."""
    names = {w for i in x.identifiers & y.identifiers for w in finding_words(i)}
    return (x.title_words & y.title_words) - names


def beside(x: Features, y: Features, prose: float) -> bool:
    """Graded and classified alike, at short line ranges a line or two apart (not overlapping),
    and saying the same in words, not names alone: one reviewer cites the line that fails, the
    other the line that should guard it ("`tail(p, 0)` returns the whole file" at 16, "A zero
    count is not handled" at 13-14, both explaining that asking for no lines returns them all);
    or quoting the same line of code (`quote_beside`)."""
    if x.severity is None or x.severity != y.severity or not x.nature or x.nature != y.nature:
        return False
    if quote_beside(x, y):
        return True
    if not (prose >= SAID_PROSE or title_words_beyond_names(x, y) or same_claim(x, y)):
        return False
    return lines_beside(x, y)
