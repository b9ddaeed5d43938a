"""Findings written inside blockquotes: GitHub alerts and quoted finding lines.

    > [!CAUTION]
    > **Retry never stops** — `retry/do.go:25`
    > The loop ignores context cancellation.

    > **Warning** — `app/config.ts:12`: the default timeout is 0.

The parser reads findings from lines at the margin, so a quoted finding was unread text. A
quote is opened (its `>` markers taken off) only when it is a GitHub alert or its first line
opens a finding with a level; a quote of the code or of the PR description stays a quote. An
alert's kind gives the level its finding lacks (`[!CAUTION]` critical, `[!WARNING]` and
`[!IMPORTANT]` important, `[!NOTE]` and `[!TIP]` a suggestion). A `[!NOTE]` or `[!TIP]` is a
finding only when it asks for a change or names a problem (`> **Name the budget** — `a.go:3``):
one of praise (`> [!NOTE]` / `> The new dataclass is a nice cleanup.`) stays a quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from deepreview.findings.levels import level_lead
from deepreview.findings.problem_words import names_a_problem

_QUOTE: Final = re.compile(r"^ {0,3}>[ \t]?(?P<text>.*)$")
_ALERT: Final = re.compile(r"^\[!(?P<kind>caution|warning|important|note|tip)\][ \t]*$", re.I)
_ALERT_LEVEL: Final = {
    "caution": "Critical",
    "warning": "Important",
    "important": "Important",
    "note": "Suggestion",
    "tip": "Suggestion",
}
# NOTE and TIP inform by default; only one that asks for something is a finding
_INFORMING: Final = frozenset({"note", "tip"})
# a request: a modal or an imperative opening a sentence (or the bold title) of the alert
_ASKS: Final = re.compile(
    r"\b(?:should|could|consider|instead|prefer|rather\s+than|please|needs?\s+to|must|"
    r"would\s+(?:be|read)\s+(?:better|clearer|simpler|safer))\b|"
    r"(?:^|[.!;]\s+|\*\*|__)(?:add|avoid|cap|check|drop|extract|guard|handle|inline|move|name|"
    r"pass|remove|rename|replace|split|use|validate|wrap)\b",
    re.IGNORECASE,
)
_TAG: Final = re.compile(r"^(?:\*\*|__)?\[[A-Za-z0-9 -]{1,20}\]")  # `[High]`, `**[P1]`
_LEADING_BOLD: Final = re.compile(r"^(?P<marks>\*\*|__)(?P<rest>.+)$")


def unquote_findings(
    lines: list[str], mask: list[bool], starts_finding: Callable[[str], bool]
) -> list[str] | None:
    """The lines with every finding quote opened, or None when there is none."""
    out = list(lines)
    found = False
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and not mask[end] and _QUOTE.match(lines[end]):
            end += 1
        if end > i and _open(out, i, end, starts_finding):
            found = True
        i = max(end, i + 1)
    return out if found else None


def _open(out: list[str], start: int, end: int, starts_finding: Callable[[str], bool]) -> bool:
    inner = [_unquoted(out[k]) for k in range(start, end)]
    alert = _ALERT.match(inner[0].strip())
    if alert is not None:
        first = next((k for k in range(1, len(inner)) if inner[k].strip()), None)
        if first is None:
            return False
        kind = alert.group("kind").lower()
        said = " ".join(inner[first:]).strip()
        if kind in _INFORMING and not (_ASKS.search(said) or names_a_problem(said)):
            return False
        inner[0] = ""
        inner[first] = _with_level(inner[first], _ALERT_LEVEL[kind])
    elif not (starts_finding(inner[0]) or level_lead(inner[0].strip())[0] is not None):
        return False
    out[start:end] = inner
    return True


def _with_level(line: str, level: str) -> str:
    """`**Retry never stops** — `a.go:25`` under a `[!CAUTION]` -> `**[Critical] Retry never
    stops** — …`; a line that names its own level keeps it."""
    text = line.strip()
    if level_lead(text)[0] is not None or _TAG.match(text):
        return text
    bold = _LEADING_BOLD.match(text)
    if bold is not None:
        return f"{bold.group('marks')}[{level}] {bold.group('rest')}"
    return f"[{level}] {text}"


def _unquoted(line: str) -> str:
    m = _QUOTE.match(line)
    return m.group("text") if m else line
