"""Through the real `deep-review consolidate`: two seats over the same block of a function, one
explaining at length under a heading, the other in one long bullet whose words are all in its
title. Sharing the block and nothing else they say, they are two problems there
(`place_only`, its bullet read whole); the same block told alike in a long bullet stays one.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import ONE, TWO, heading_finding, reviewer_sets

PLACE = "app/billing.py:20-26"

CLAUDE = heading_finding(
    "Refunds larger than the original charge are accepted",
    "The refund path checks only that the amount is positive, never that it stays below what"
    " the customer paid, so an operator's typo sends back ten times the order value. Compare"
    " with the captured total before calling the gateway.",
    PLACE,
)

OTHER_PROBLEM = (
    "## Findings\n\n### Important Issues\n\n"
    f"- [P2] {PLACE} — the gateway request has no timeout, so a hung payment provider ties up a"
    " worker thread for as long as its socket stays open and the queue behind it stalls.\n"
)

SAME_PROBLEM = (
    "## Findings\n\n### Important Issues\n\n"
    f"- [P2] {PLACE} — nothing caps a refund at the captured charge: refunding more than the"
    " customer paid goes through to the gateway unchecked.\n"
)


def test_a_long_bullet_sharing_only_the_block_stays_apart(tmp_path: Path) -> None:
    assert reviewer_sets(tmp_path, {"claude": CLAUDE, "codex": OTHER_PROBLEM}) == TWO


def test_a_long_bullet_telling_the_same_problem_there_is_merged(tmp_path: Path) -> None:
    assert reviewer_sets(tmp_path, {"claude": CLAUDE, "codex": SAME_PROBLEM}) == ONE
