"""Why two findings look alike (`score.evidence`), and the reasons text a merge shows for it."""

from __future__ import annotations

from dataclasses import dataclass

from deepreview.consolidate.claims import SAID

# Without any of this textual evidence a pair stays below the link threshold (cluster.py, 0.3),
# however close its lines. Measured on the dev corpus: attribution unchanged (210/290).
SAID_TITLE = 0.25
SAID_PROSE = 0.15
# ... or in title and prose together: one reviewer's title word is in the other's explanation
# ("hardcoded API key" / "`API_KEY = ...` puts a credential in source control").
SAID_TEXT = 0.15


@dataclass(frozen=True)
class Evidence:
    """Why two findings look alike: the pair score and its parts, for the reasons text."""

    score: float
    where: float
    where_text: str
    identifiers: tuple[str, ...]  # as written by the first finding's reviewer
    title: float
    prose: float
    cited: tuple[str, ...]
    classification: str | None  # the shared classification, when they agree
    claims: tuple[str, ...] = ()  # the failures both name (`claims.claims_in`)
    untested: tuple[str, ...] = ()  # the code both titles say has no test (`gaps.untested_names`)
    named: tuple[str, ...] = ()  # the construct both name a line or two apart (`_quote_beside`)
    traced: tuple[str, ...] = ()  # other files both cite at the same lines (`traced.traced_alike`)
    values: tuple[str, ...] = ()  # values of the code both name (`named_values.same_values`)


def describe(ev: Evidence) -> str:
    """`same file `a.go`, lines 446-469 overlap 443-468; shared identifiers `x`, `y`; ...`."""
    parts: list[str] = []
    if ev.where_text:
        parts.append(ev.where_text)
    if ev.identifiers:
        shown = ", ".join(f"`{i}`" for i in ev.identifiers[:4])
        more = f" and {len(ev.identifiers) - 4} more" if len(ev.identifiers) > 4 else ""
        plural = "s" if len(ev.identifiers) > 1 else ""
        parts.append(f"shared identifier{plural} {shown}{more}")
    if ev.cited:
        parts.append("both cite lines " + ", ".join(ev.cited[:4]))
    if ev.title >= 0.3:
        parts.append(f"similar titles ({ev.title:.2f})")
    if ev.prose >= 0.3:
        parts.append(f"similar explanations ({ev.prose:.2f})")
    if ev.claims:
        parts.append("both name " + " and ".join(SAID[c] for c in ev.claims))
    if ev.named:
        parts.append("both name " + ", ".join(f"`{n}`" for n in ev.named[:2]))
    if ev.traced:
        shown = ", ".join(f"`{p.rsplit('/', 1)[-1]}`" for p in ev.traced[:3])
        parts.append(f"both trace it to the same lines of {shown}")
    if ev.values:
        parts.append(
            "both name the value" + ("s " if len(ev.values) > 1 else " ") + ", ".join(ev.values[:3])
        )
    if ev.untested:
        parts.append("both say " + " and ".join(f"`{i}`" for i in ev.untested) + " has no test")
    if ev.classification:
        parts.append(f"both classify it {ev.classification}")
    return "; ".join(parts) + f" (score {ev.score:.2f})"
