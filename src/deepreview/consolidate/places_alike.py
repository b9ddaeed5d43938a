"""How near two findings' places are: the `where` term of `deepreview.consolidate.score`."""

from __future__ import annotations

from deepreview.consolidate.cross_cited import cite_each_other, lines_cited_each_way
from deepreview.consolidate.features import COMMIT_MESSAGE, Features, Span
from deepreview.consolidate.word_weights import dice

NEAR_LINES = 15  # locations this many lines apart in one file still count as nearby
EPS = 1e-9


def span_text(s: Span, *, bare: bool = False) -> str:
    if s.start is None:
        return "the whole file"
    if s.end == s.start:
        return str(s.start) if bare else f"line {s.start}"
    return f"{s.start}-{s.end}" if bare else f"lines {s.start}-{s.end}"


def span_similarity(a: Span, b: Span) -> tuple[float, str]:
    if a.path != b.path:
        return 0.0, ""
    if a.path == COMMIT_MESSAGE:
        return 0.3, "both about the commit message"
    name = f"`{a.path.rsplit('/', 1)[-1]}`"
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return 0.3, f"same file {name}"
    overlap = min(a.end, b.end) - max(a.start, b.start) + 1
    heading = a.start == b.start and min(a.end, b.end) == a.start
    if heading and max(a.end, b.end) - a.start + 1 > NEAR_LINES:
        # one line that starts the other's section-wide range (`_a_section_wide`): its heading,
        # which stands for the section ("Requirements sit on the wrong page" at a page's
        # heading, "make the section easier to find" over all of it). Only the same place: the
        # caps on findings that say nothing alike still apply (a typo in the heading stays
        # apart). A short block keeps its overlap score: a function's first line takes many
        # remarks of its own
        return 1.0, f"same file {name}, {span_text(a)} heads {span_text(b, bare=True)}"
    if overlap > 0:
        union = max(a.end, b.end) - min(a.start, b.start) + 1
        text = f"same file {name}, {span_text(a)} overlap {span_text(b, bare=True)}"
        return 0.6 + 0.4 * overlap / union, text
    gap = 1 - overlap
    if gap <= NEAR_LINES:
        text = f"same file {name}, {span_text(a)} within {gap} lines of {span_text(b, bare=True)}"
        return 0.6 * (1 - gap / (NEAR_LINES + 1)), text
    return 0.15, f"same file {name}"


def place_score(x: Features, y: Features) -> tuple[float, str]:
    best, text = 0.0, ""
    pairs = [(a, b, 1.0, "") for a in x.locations for b in y.locations]
    # a place one explanation cites counts half; cited each way, as the place (`cross_cited`)
    cited, note = (0.5, " (cited in the text)")
    if cite_each_other(x, y):
        cited, note = (1.0, " (each cites the other's place)")
    pairs += [(a, b, cited, note) for a in x.mentions for b in y.locations]
    pairs += [(a, b, cited, note) for a in x.locations for b in y.mentions]
    for a, b, factor, said in pairs:
        sim, why = span_similarity(a, b)
        if sim * factor > best + EPS:
            best, text = sim * factor, why + said
    each_way = lines_cited_each_way(x, y)
    if each_way is not None:
        sim, why = span_similarity(*each_way)
        if sim > best + EPS:
            best, text = sim, why + " (each cites the other's lines)"
    shared = len(x.excerpt & y.excerpt)
    if shared:
        sim = 0.3 + 0.7 * dice(x.excerpt, y.excerpt)
        if sim > best + EPS:
            plural = "s" if shared > 1 else ""
            best, text = sim, f"quote the same code ({shared} identical line{plural})"
    return best, text
