"""What two findings' claims (`claims.claims_in`) say of each other: the same failure, its
two sides, or two different failures (`score.evidence` reads them)."""

from __future__ import annotations

from deepreview.consolidate.claims import SELF_NAMED, SYMPTOMS, sides_of_one
from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.spans import few_lines_apart, places


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
        # a crash is how many failures end (`claims.SYMPTOMS`): "Handshake probes can panic by
        # sending to a closed channel" is the goroutine "leak" another seat names
        bool(x.claims - SYMPTOMS and y.claims - SYMPTOMS)
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


def _shared_names(x: Features, y: Features) -> set[str]:
    """The words of the code names both give: where both looked, nothing said ("`div`
    returns a float" / "A zero divisor crashes `div`")."""
    return {w for i in x.identifiers & y.identifiers for w in finding_words(i)}


def title_words_in_common(x: Features, y: Features) -> frozenset[str]:
    """The words both titles hold beyond those of the code names both give."""
    return (x.title_words & y.title_words) - _shared_names(x, y)


def title_words_said_across(x: Features, y: Features) -> frozenset[str]:
    """The words of one title the other finding says too, in its title or its explanation,
    beyond the code names both give: "Both readers get their bounds wrong" ("the first skips a
    row") says what "`first_rows` skips the first row" says."""
    said = (x.title_words & (y.title_words | y.prose_words)) | (
        y.title_words & (x.title_words | x.prose_words)
    )
    return said - _shared_names(x, y)


def one_sided_failure(x: Features, y: Features) -> bool:
    """One title names a failure (`claims.claims_in`) that the other finding, title and text,
    never names, nor its other side (`claims_meet`): "Division by zero is not handled" and
    "`div` returns a float for integer operands". A title naming no failure whose text tells
    the same one ("`div` does not check `b`": "with `b` equal to 0 it raises
    ZeroDivisionError") meets it. Across rounds this alone tells a new problem from a prior
    finding raised again (the seat had the prior finding before it); within one round
    `failure_told_by_one` asks more, the claim vocabulary being small."""
    one_sided = (x.claims - _told(y)) | (y.claims - _told(x))
    return bool(one_sided) and not claims_meet(x, y)


# Words (as `finding_words` stems them) in which a finding tells a crash without calling it one:
# "`shout` fails on `None`" ("`s.upper()` raises AttributeError") is the crash another seat's
# title names. "`parse_port(\"0\")` is accepted" says none of them.
CRASH_TOLD = frozenset({"rais", "throw", "thrown", "fail", "die", "died", "exception"})


def _told(f: Features) -> frozenset[str]:
    """The failures `f`'s text names (`text_claims`), a crash also in `CRASH_TOLD`'s words."""
    if (f.title_words | f.prose_words) & CRASH_TOLD:
        return f.text_claims | {"crash"}
    return f.text_claims


def failure_told_by_one(x: Features, y: Features) -> bool:
    """At the same line(s) (`spans.places`) or a few lines apart, a failure one title names and
    the other finding never mentions (`one_sided_failure`), and neither title says a word the
    other finding says beyond the code both name (`title_words_said_across`): "Division by zero
    is not handled" / "`div` returns a float for integer operands" at one line, a sentence
    each, are two problems there, though the line and the name score a link. The claim
    vocabulary is small: a title sharing words with the other finding ("Ranges exclude their
    last page" / "An inclusive range like 3-7 will not contain page 7") may tell that failure
    in words it does not hold.
    A few lines apart (`spans.few_lines_apart`) too: quoting the same division does not make
    "Division by zero is not handled" at it and "`div` returns a float" at the `return` two
    lines on one problem (tm66)."""
    at_one_spot = places(x, y)[0] or few_lines_apart(x, y)
    return at_one_spot and one_sided_failure(x, y) and not _said_across(x, y)


def failure_told_by_one_elsewhere(x: Features, y: Features) -> bool:
    """In files apart, tied by the code names both give, a failure one title names that the
    other never mentions, and no title word said across (`failure_told_by_one`'s test without
    its place): "Retry loop without any delay" in a helper and "`subscribe()` runs on every
    mount and nothing closes the stream" at the page that calls it both name `subscribe`; one
    says the retries hammer the server, the other that streams pile up: two problems, though
    the function's definition and its call are one place for a problem both tell."""
    in_one_file = any(a.path == b.path for a in x.locations for b in y.locations)
    return (
        bool(x.locations and y.locations)
        and not in_one_file
        and one_sided_failure(x, y)
        and not _said_across(x, y)
    )


def _said_across(x: Features, y: Features) -> bool:
    # a two-letter word is the subject's abbreviation (PR, DB, UI), not the failure in other
    # words: "PR title used in a shell command" beside "`git push --tags` pushes every tag the
    # PR brought along"
    return any(len(w) > SUBJECT_ABBREVIATION for w in title_words_said_across(x, y))


SUBJECT_ABBREVIATION = 2  # letters of a word too short to tell a failure (`failure_told_by_one`)


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
    return (
        min(len(x.prose_words), len(y.prose_words)) >= EXPLAINED_WORDS
        and not title_words_in_common(x, y)
        and not same_claim(x, y)
        and prose < prose_alike
        and not x.cited & y.cited
    )
