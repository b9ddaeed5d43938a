"""Topic subsections under a findings heading that each say all is well.

`### Security` / "No security concerns: inputs are validated by the schema.", `### Correctness`
/ "Correctness looks good.", `**Performance**` / "No performance issues.": a review that walks
its topics and finds nothing in any has said it found nothing. Read as findings text, it would
be text we could not read (the verdict Unverified). A subsection counts only when its text
opens by saying none or that the topic is fine, and names no problem (one its sentence does
not deny) and no place with a line; any other text (before the first topic, or in one) keeps
the whole as findings text.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.atx import atx_heading
from deepreview.findings.head import locations_in
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.none_statements import TAKES_BACK, says_none
from deepreview.findings.problem_words import names_a_problem

# `**Correctness**`, `__Tests:__` alone on its line (an ATX heading is `atx_heading`'s).
_BOLD_TOPIC: Final = re.compile(r" {0,3}(?:\*\*|__)(?P<bold>[^*_\n]{1,60}?):?(?:\*\*|__):?[ \t]*$")
# "Correctness looks good", "The parsing is sound", "Looks fine", "All good", "LGTM".
ALL_WELL: Final = re.compile(
    r"^(?:(?:[\w`'’/-]+[ \t]+){0,5}(?:looks?|seems?|appears?|is|are|reads?|was|were)[ \t]+"
    r"(?:(?:all|very|quite|mostly|generally|overall)[ \t]+)?"
    r"(?:good|fine|correct|solid|sound|safe|ok(?:ay)?|clean|right|reasonable|"
    r"well[\s-](?:handled|tested|covered|structured))\b"
    r"|(?:all|everything)[ \t]+(?:good|fine|clear)\b|lgtm\b|no[ \t]+concerns?\b)",
    re.IGNORECASE,
)
_MARKUP: Final = re.compile(rf"^{LIST_MARKER}[ \t]+|[*_]")


def clean_topics(text: str, *, heads_findings: bool = False) -> bool:
    """`text` is only topic subsections, each saying all is well; `heads_findings`: findings
    follow the text, so its last topic may be a bare heading (the one they stand under)."""
    topics: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        title = _topic(line)
        if title is not None:
            topics.append((title, []))
        elif topics:
            topics[-1][1].append(line)
        elif line.strip():
            return False  # prose before the first topic is findings text
    if heads_findings and topics and not "".join(topics[-1][1]).strip():
        topics.pop()
    return bool(topics) and all(_all_well(title, lines) for title, lines in topics)


def _topic(line: str) -> str | None:
    """The title of a topic heading line (`### Security`, `**Tests:**`), or None."""
    atx = atx_heading(line, titled=True)
    if atx is not None:
        return atx[1]
    bold = _BOLD_TOPIC.match(line)
    return bold.group("bold") if bold is not None else None


def _all_well(title: str, lines: list[str]) -> bool:
    said = " ".join(" ".join(lines).split())
    if not said or any(loc.start for loc in locations_in(f"{title} {said}")):
        return False
    text = _MARKUP.sub("", said)
    first = re.split(r"(?<=[.!?:;])\s+", text, maxsplit=1)[0]
    opens_well = says_none(text) or ALL_WELL.match(text) is not None
    return opens_well and TAKES_BACK.search(first) is None and not names_a_problem(text)
