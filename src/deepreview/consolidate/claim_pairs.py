"""What two findings' claims (`claims.claims_in`) say of each other: the same failure, its
two sides, or two different failures (`score.evidence` reads them)."""

from __future__ import annotations

from deepreview.consolidate.claims import SELF_NAMED, sides_of_one
from deepreview.consolidate.features import Features, finding_words


def shared_claims(x: Features, y: Features) -> frozenset[str]:
    """The failures (`claims.claims_in`) one finding's title names and the other's text names
    too: "SQL injection in `get_user`" and "SQL built by string formatting" ("user input
    reaches the query unescaped") say the same thing in other words."""
    return (x.claims & y.text_claims) | (y.claims & x.text_claims)


def same_claim(x: Features, y: Features) -> bool:
    return bool(shared_claims(x, y))


def claims_differ(x: Features, y: Features) -> bool:
    """The titles name different failures and neither text names the other's: "`Clear` leaves
    a nil map" / "`Set` races with `Clear`", "`total` divides by zero for an empty list" /
    "`total()` now returns the average, not the total". Two claims, whatever place and names
    they share. A title that names no failure of the list contradicts nothing ("Nothing
    removes the managed block" is the same issue as "PATH modifications leak"), whatever its
    text mentions on the way (benchmarks/README.md, "Claims")."""
    return (
        bool(x.claims and y.claims)
        # "Permanent failures become `None`" / "the `except` branch hides the exception": the
        # swallowed error and the `None` it becomes (`claims.sides_of_one`)
        and not claims_meet(x, y)
    )


def claims_meet(x: Features, y: Features) -> bool:
    """One finding's title names a failure the other names too, or its other side
    (`claims.sides_of_one`: the swallowed error and the `None` it becomes)."""
    return (
        same_claim(x, y)
        or sides_of_one(x.claims, y.text_claims)
        or sides_of_one(y.claims, x.text_claims)
    )


def unnamed_by_the_other(x: Features, y: Features) -> bool:
    """One title names a failure reviewers always name (`claims.SELF_NAMED`: a typo) and the
    other finding's text never does: "Typo in the `ValueError` message" / "`check` raises
    `ValueError` for valid counts" share the line and the name, not the problem. Unless their
    titles share a word outside code: "The message says 'positve'" is that typo."""
    one_sided = (x.claims - y.text_claims) | (y.claims - x.text_claims)
    return bool(one_sided & SELF_NAMED) and not x.title_prose_words & y.title_prose_words


# Words of explanation (`Features.prose_words`, distinct) from which a finding is explained at
# length: a sentence or two of its own. A one-line bullet has too few words for "worded apart"
# to mean anything ("`restore` ignores `psql`'s exit status" / "`restore` reports success when
# `psql` fails" are one problem in two terse wordings).
EXPLAINED_WORDS = 12


def explained_apart(x: Features, y: Features, *, prose: float, prose_alike: float) -> bool:
    """Both reviewers explain at length, yet their titles share no word beyond the code names
    both give, name no failure in common, their explanations are worded apart (`prose` below
    `prose_alike`) and they cite no line in common: what they found differs, however much code
    they quote or name in common ("`RD_API_URL` is honoured in production builds" / "no URL
    normalization for the alternate endpoint", both at the line that reads it)."""
    names = {w for i in x.identifiers & y.identifiers for w in finding_words(i)}
    return (
        min(len(x.prose_words), len(y.prose_words)) >= EXPLAINED_WORDS
        and not (x.title_words & y.title_words) - names
        and not same_claim(x, y)
        and prose < prose_alike
        and not x.cited & y.cited
    )
