"""One problem traced to the same code elsewhere: what a careful lead reads in both explanations.

A finding about a documentation page, a config file or a caller often says where the trouble
really comes from: "the page promises a toolchain match, but `copytool.go:127` still converts
the path globally and `mount.go:58` never picks a server". A second reviewer of the same page
words the promise otherwise and quotes a different sentence of it, yet cites the same two
places of the code (`copytool.go:124-128`, `mount.go:55-77`). The lead joins them on that:
both followed the problem to the same lines of the same other files. One such place is weak (a
central function is cited by many findings for many reasons); two different files cited at the
same lines by both, with the findings in one file, are the same trail.
"""

from __future__ import annotations

from deepreview.consolidate.features import Features, Span

# Cited lines this close still name one statement or block: a reviewer cites the line of a call,
# the other the lines around it (`mount.go:58` and `mount.go:55-77` meet; so do 56 and 58).
TRACE_SLACK = 3
# Distinct other files both explanations cite at the same lines before it counts: one is a name
# both reach for, two are a trail (see the module docstring).
TRACED_FILES = 2
# What the shared trail adds: with findings in one file that already score `where` for it, the
# trail is the "what" their wording did not show.
TRACED_BONUS = 0.1


def _meet(a: Span, b: Span) -> bool:
    if a.path != b.path or None in (a.start, a.end, b.start, b.end):
        return False
    assert a.start is not None and a.end is not None
    assert b.start is not None and b.end is not None
    return max(a.start, b.start) - min(a.end, b.end) <= TRACE_SLACK


def traced_alike(x: Features, y: Features) -> frozenset[str]:
    """The other files both explanations cite at the same lines (`TRACE_SLACK`), when the two
    findings are placed in one file and there are at least `TRACED_FILES` of them; else
    nothing. A file either finding is placed in is not "elsewhere": its lines are `where`."""
    if not x.files & y.files:
        return frozenset()
    own = x.files | y.files
    shared = frozenset(
        a.path for a in x.mentions if a.path not in own and any(_meet(a, b) for b in y.mentions)
    )
    return shared if len(shared) >= TRACED_FILES else frozenset()
