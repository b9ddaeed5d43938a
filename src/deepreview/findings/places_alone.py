"""A seat's whole answer a list of places, with no heading and no word around it.

    - `app/cache.py:40` — the TTL is read once at import, so changing it needs a restart.
    - `app/cache.py:72` — keys include the user id twice.

With no fault word in it, no level and no findings heading, the text was the review's preamble
and the seat failed as an unparseable review. A careful reader takes a review that says nothing
but where it looked and what it saw there for its findings: read as under a findings heading
(`placed_lists`: unrated, important, a praised spot set aside). A word before or after the list
(`Looks good:`, `Otherwise fine.`) makes it notes beside a verdict, read as before.
"""

from __future__ import annotations

from deepreview.findings.finding_draft import Draft
from deepreview.findings.findings import FindingsResult, parse_findings_block


def places_alone(
    title: str, lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], FindingsResult] | None:
    """The list's findings and the read that found them; None unless the text (the preamble
    of a review with no heading) is nothing but a list of places."""
    if title:
        return None
    res = parse_findings_block(lines, fenced, None, prefixes, placed_headings=True)
    if (
        not res.drafts
        or res.unread
        or any(ln.strip() for ln in lines[: res.first])
        or any(ln.strip() for ln in lines[res.closing :])
        or not all(d.head.style == "placed" and d.head.unrated for d in res.drafts)
    ):
        return None
    return res.drafts, res
