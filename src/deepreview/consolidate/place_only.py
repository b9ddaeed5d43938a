"""Two findings at one block that share the place and nothing else (`score.evidence` caps them).

A reviewer's place is where it looked; several reviewers look at the same branch, function or
block and see different things there. A careful lead keeps two findings at one block apart
when nothing but the place is shared: no code name both give, no line both quote or cite, no
failure both name, titles worded apart and explanations too, each explained at length ("Unknown
architectures silently get the amd64 answer file" and "Provision scripts and mounts are
dropped without a word", both over the same seven-line branch).
"""

from __future__ import annotations

from deepreview.consolidate.apart import APART_PROSE
from deepreview.consolidate.claim_pairs import EXPLAINED_WORDS, same_claim
from deepreview.consolidate.evidence import SAID_TITLE
from deepreview.consolidate.features import Features
from deepreview.consolidate.prose_names import named_across


def place_only(x: Features, y: Features, *, title: float, prose: float) -> bool:
    """Nothing shared but the place: no code name, quoted line, cited line or failure in common,
    titles and explanations worded apart (rarity-weighted `title` below `SAID_TITLE`, `prose`
    below `APART_PROSE`), both explained at length (`EXPLAINED_WORDS`: terse bullets say too
    little for "worded apart" to mean anything). Findings about tests are left alone: two
    reviewers name the test to add each its own way."""
    return (
        min(len(x.prose_words), len(y.prose_words)) >= EXPLAINED_WORDS
        and not x.identifiers & y.identifiers
        # a name one backticks and the other writes bare is shared too (`prose_names`)
        and not named_across(x.identifiers, dict(x.spellings), y.prose_names)
        and not named_across(y.identifiers, dict(y.spellings), x.prose_names)
        and not x.excerpt & y.excerpt
        and not x.cited & y.cited
        and not same_claim(x, y)
        and title < SAID_TITLE
        and prose < APART_PROSE
        and not x.kind == y.kind == "tests"
    )
