"""How a report's finding is matched to one of ours (`_attribution.py`): reviewer names onto the
appendix's reviewers, the nearest place in the same file, the commit message as a place."""

from __future__ import annotations

import re
import typing

from deepreview.consolidate.features import PathResolver, about_the_commit_message, words
from deepreview.model import Finding

NEAR = 20  # a report finding matches one of ours in the same file within this many lines


class Names:
    """Maps a credit (`Codex GPT 5.4`, `codex`) onto one appendix reviewer name."""

    def __init__(self, appendix_names: typing.Iterable[str]) -> None:
        self.names = list(dict.fromkeys(appendix_names))
        self._family: dict[str, list[str]] = {}
        for n in self.names:
            self._family.setdefault(_family(n), []).append(n)

    def __call__(self, credit: str) -> str | None:
        c = " ".join(credit.replace("*", "").split())
        for n in self.names:
            if n.lower() == c.lower():
                return n
        fam = self._family.get(_family(c), [])
        if len(fam) == 1:
            return fam[0]
        # two of one family (`Gemini 3.1 Pro`, `Gemini 3.5 Flash`): the one whose words it has
        fits = [n for n in fam if set(_tokens(c)) <= set(_tokens(n))]
        return fits[0] if len(fits) == 1 else None


def _tokens(name: str) -> list[str]:
    return re.findall(r"[a-z0-9.]+", name.lower())


def _family(name: str) -> str:
    """`Gemma4 31B` -> `gemma`: the version is sometimes glued to the family name."""
    t = _tokens(name)
    return t[0].rstrip("0123456789.") or t[0] if t else ""


def _distance(
    resolver: PathResolver, theirs: Finding, ours: Finding
) -> tuple[float, float, float, float] | None:
    """(distance to our nearest line, -title similarity, -text similarity, distance between
    first lines) of the closest pair of locations; None when no line of ours is within `NEAR`.

    Among findings of ours equally near (their lines overlap the report's: both at distance 0)
    the one whose title is the report's is the report's finding, whichever starts nearer: a
    neighbour that starts on the report's first line is another reviewer's other issue there.
    The title is compared with every member's own title (the lead may have kept another
    reviewer's title than we did); titles equally alike, the text (`_text_similarity`)."""
    best: tuple[float, float] | None = None
    for loc in theirs.locations:
        path = resolver.resolve(loc.path)
        for o in ours.locations:
            if not _same_file(path, resolver.resolve(o.path)):
                continue
            if loc.start is None or o.start is None:
                d = (float(NEAR), float(NEAR))  # whole file: matches, but any line is nearer
            else:
                # the nearest lines of the two ranges: 0 when they overlap
                end, their_end = o.end or o.start, loc.end or loc.start
                near = max(0, o.start - their_end, loc.start - end)
                d = (float(near), float(abs(loc.start - o.start)))
            if d[0] <= NEAR and (best is None or d < best):
                best = d
    if best is None and _on_the_commit_message(theirs) and _on_the_commit_message(ours):
        best = (0.0, 0.0)  # the place both give: the commit message (`features.COMMIT_MESSAGE`)
    if best is None:
        return None
    a = set(words(theirs.title))
    titles = [ours.title, *(s.title for s in ours.sources)]
    sim = max(len(a & set(words(t))) / max(1, len(a | set(words(t)))) for t in titles)
    return best[0], -sim, -_text_similarity(theirs, ours), best[1]


Scored = tuple[tuple[float, float, float, float], int, Finding]


def choose(scored: list[Scored]) -> Scored:
    """The finding of ours that is the report's: the nearest (`_distance`), unless another
    within `NEAR` reads more like the report's finding in its title AND in its text. A line or
    two decides nearness only as well as the lead re-cited the lines: the lead puts a retitled
    finding a line past its seat's, inside a wide neighbour about something else. A title alone
    does not outweigh nearness: "files created for shells" shares words with a finding seven
    lines on about what one such file does to tcsh, while the report retells the one at its line.
    """
    nearest = min(scored, key=lambda t: (t[0], t[1]))
    title, text = nearest[0][1], nearest[0][2]
    alike = [t for t in scored if t[0][1] < title and t[0][2] < text]
    return min(alike, key=lambda t: (t[0][1], t[0][2], t[0], t[1])) if alike else nearest


def _text_similarity(theirs: Finding, ours: Finding) -> float:
    """How alike the report's finding and ours read, title and explanation together: among
    findings of ours equally near and with titles equally like the report's (often none of
    its words, the lead having retitled it), the one the report's explanation retells."""
    a = set(words(f"{theirs.title}\n{theirs.body}"))
    b = set(words("\n".join([ours.title, ours.body, *(s.title for s in ours.sources)])))
    return len(a & b) / max(1, len(a | b))


def _on_the_commit_message(f: Finding) -> bool:
    """No file, and a title about the commit message: placed at the commit message, as
    consolidation places it (a report's "— commit 531ebaab6", a seat's "— Commit message")."""
    return not f.locations and about_the_commit_message(f.title)


def _same_file(a: str, b: str) -> bool:
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def _credits(f: Finding, names: Names) -> tuple[frozenset[str], list[str]]:
    out: set[str] = set()
    unknown: list[str] = []
    for r in f.reviewers:
        n = names(r)
        if n is None:
            unknown.append(r)
        else:
            out.add(n)
    return frozenset(out), unknown
