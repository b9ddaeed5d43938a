"""The shape of one part of the failure vocabulary (`claims`): every `failure_*` module, and
`security_failures`, exports one `PhraseTable` as `TABLE`, and `failure_tables.TABLES` lists
them, so that a new reading of failures is one module and one line there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PhraseTable:
    """Kinds of failure and the words that name them.

    `phrases`: kind -> case-insensitive regex alternatives, read outside code by
    `claims.claims_in`; a kind several tables name has all their phrases. `said`: how the merge
    reasons name a kind ("both name a race"). `sides`: pairs of kinds that tell one problem from
    its two sides, so neither contradicts the other (`claims.sides_of_one`). `across`: kinds two
    pieces of code in two files make together (`across_files.ACROSS_FILES`)."""

    phrases: Mapping[str, tuple[str, ...]]
    said: Mapping[str, str]
    sides: tuple[frozenset[str], ...] = ()
    across: frozenset[str] = frozenset()
