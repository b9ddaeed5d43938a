"""A definition and its call read off the findings' own quotes, when the code is not at hand.

`code_sites` reads the changed files' text to tell that one finding is in a function and
another at a line calling it (`nearby.definition_and_call`). Without that text (`deep-review
consolidate` on reviews alone, a report's appendix) a careful lead still reads it off the
quotes: one reviewer quotes the head of `func splitByMarkers(lines []string, ...)` and says a
CRLF line never matches its marker; another quotes `before, ... := splitByMarkers(strings.Split(
current, "\\n"), ...)` thirty lines below in the same file and says the block is appended twice.
One function, told where it is made and where it is used, with one consequence.

A quote is a weaker reading than the code: the function it calls may be another of the same
name elsewhere. So the two must be in one file, and must share more than the function's own
name: another code name both give, or the same failure (`nearby`'s tests); graded at most one
level apart and not classified as different natures, as for the code's own reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from deepreview.consolidate.claim_pairs import claims_differ
from deepreview.consolidate.code_sites import called_at, defined_at
from deepreview.consolidate.features import Features
from deepreview.consolidate.nearby import _same_failure_at_both, graded_and_classified_alike
from deepreview.consolidate.spans import meet_on_a_line


@lru_cache(maxsize=4096)
def _sites(excerpt: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    return quoted_sites(excerpt)


def quoted_sites(excerpt: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(the functions the quoted lines define, the functions they call), lower-cased, as
    `code_sites` names them. Each line is read on its own (a finding's quoted lines are a set):
    a line that is a function's head defines it; a call to any function the quote does not
    define is a call."""
    defined: set[str] = set()
    calls: set[str] = set()
    for line in excerpt:
        defined |= defined_at([line], 1, 1)
        calls |= called_at([line], 1, 1)
    return frozenset(defined), frozenset(calls - defined)


def quoted_definition_and_call(x: Features, y: Features) -> frozenset[str]:
    """The functions one finding's quote defines and the other's calls, when neither was read
    from the code (`defined_in` empty), both are about code in one file at places that do not
    meet, graded and classified alike, no title names a failure the other does not, and they
    share a code name beyond those functions or the same failure. Else nothing."""
    if x.defined_in or y.defined_in or not (x.kind == y.kind == "code"):
        return frozenset()
    if not {s.path for s in x.locations} & {s.path for s in y.locations}:
        return frozenset()
    x_defined, x_calls = _sites(x.excerpt)
    y_defined, y_calls = _sites(y.excerpt)
    sites = ((x_defined & y_calls) | (y_defined & x_calls)) - (x_defined & y_defined)
    if not sites or claims_differ(x, y) or meet_on_a_line(x, y):
        return frozenset()
    if not graded_and_classified_alike(x, y):
        return frozenset()
    # `slices.Index` is the call `index`: a name both give is no more than the site itself
    beyond = {i for i in x.identifiers & y.identifiers if i.rsplit(".", 1)[-1] not in sites}
    return sites if beyond or _same_failure_at_both(x, y) else frozenset()
