"""Every table of the failure vocabulary, in the order `claims` folds them: the kinds first, then
the readings that add kinds and words to them. A new table is one module exporting a
`phrase_table.PhraseTable` as `TABLE`, and one line here."""

from __future__ import annotations

from deepreview.consolidate import (
    failure_access,
    failure_async,
    failure_effects,
    failure_kinds,
    failure_lifetimes,
    failure_outcomes,
    failure_phrases,
    failure_steps,
    failure_tellings,
    failure_terms,
    failure_words,
    security_failures,
)
from deepreview.consolidate.phrase_table import PhraseTable

TABLES: tuple[PhraseTable, ...] = (
    failure_kinds.TABLE,
    security_failures.TABLE,
    failure_phrases.TABLE,
    failure_words.TABLE,
    failure_terms.TABLE,
    failure_steps.TABLE,
    failure_outcomes.TABLE,
    failure_effects.TABLE,
    failure_tellings.TABLE,
    failure_lifetimes.TABLE,
    failure_access.TABLE,
    failure_async.TABLE,
)
