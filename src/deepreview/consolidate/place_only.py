"""Two findings at one block that share the place and nothing else (`score.evidence` caps them).

A reviewer's place is where it looked; several reviewers look at the same branch, function or
block and see different things there. A careful lead keeps two findings at one block apart
when nothing but the place is shared: no code name both give, no line both quote or cite, no
failure both name, titles worded apart and explanations too, each explained at length ("Unknown
architectures silently get the amd64 answer file" and "Provision scripts and mounts are
dropped without a word", both over the same seven-line branch). A one-line bullet says all it
says in its title: a long one ("the gateway request has no timeout, so a hung provider ties up
a worker thread while the queue behind it stalls") is explained at length too, and beside
"Refunds larger than the original charge are accepted" over the same block it is another
problem there (merge cases 76-80, trial mg75b).
"""

from __future__ import annotations

from collections.abc import Mapping

from deepreview.consolidate.apart import APART_PROSE
from deepreview.consolidate.claim_pairs import EXPLAINED_WORDS, same_claim
from deepreview.consolidate.evidence import SAID_TEXT, SAID_TITLE
from deepreview.consolidate.features import Features
from deepreview.consolidate.prose_names import named_across
from deepreview.consolidate.word_weights import wdice


def place_only(
    x: Features,
    y: Features,
    *,
    title: float,
    prose: float,
    idf: Mapping[str, float] | None = None,
) -> bool:
    """Nothing shared but the place: no code name, quoted line, cited line or failure in common,
    titles and explanations worded apart (rarity-weighted `title` below `SAID_TITLE`, `prose`
    below `APART_PROSE`), both explained at length (`_explained_apart_at_length`,
    `EXPLAINED_WORDS`: terse bullets say too little for "worded apart" to mean anything).
    Findings about tests are left alone: two reviewers name the test to add each its own way."""
    return (
        _explained_apart_at_length(x, y, idf or {})
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


def _explained_apart_at_length(x: Features, y: Features, idf: Mapping[str, float]) -> bool:
    """Both explain at length: in their explanations, or (a bullet's words being all in its
    title) in title and explanation together, whole texts worded apart (`SAID_TEXT`)."""
    if min(len(x.prose_words), len(y.prose_words)) >= EXPLAINED_WORDS:
        return True
    return (
        min(len(_told(x)), len(_told(y))) >= EXPLAINED_WORDS
        and wdice(_told(x), _told(y), idf) < SAID_TEXT
    )


def _told(f: Features) -> frozenset[str]:
    return f.title_words | f.prose_words
