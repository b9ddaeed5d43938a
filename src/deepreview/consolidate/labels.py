"""How findings are named in the report's prose: a seat's own finding as `Gemini C3` (never a
bare C3, which reads as the report's C3), and a finding's short title for lists and table cells
(`I1 (handleRestartNeeded)`), unique across the findings listed together.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from deepreview.consolidate.cluster import Member
from deepreview.consolidate.features import parse_file_ref
from deepreview.consolidate.inputs import display_name


def seat_labels(seats: Iterable[str], names: Mapping[str, str]) -> dict[str, str]:
    """seat -> how the report's notes name it: as its reviewer headings do (`Claude`), with the
    seat's ID beside the name where two seats share it (`Claude (claude-2)`): a note must say
    which of them failed."""
    shown = {seat: names.get(seat) or display_name(seat) for seat in seats}
    count = Counter(shown.values())
    return {seat: name if count[name] == 1 else f"{name} ({seat})" for seat, name in shown.items()}


def member_label(m: Member, names: dict[str, str]) -> str:
    """`Gemini C3`."""
    return f"{names.get(m.seat, display_name(m.seat))} {m.finding.id}"


# Marks an identifier that names one thing: CamelCase / camelCase, snake_case, a dotted path,
# a call.
_SPECIFIC = re.compile(r"[A-Z_.(:/]")
# Bare module names say which library, not what is wrong: "I1 (subprocess)" tells a reader
# nothing. Python's standard modules plus the common Go / Node ones.
_MODULES = frozenset(sys.stdlib_module_names) | {
    "bytes", "context", "crypto", "errors", "fmt", "fs", "http", "net", "path", "strings",
    "sync", "url", "util",
}  # fmt: skip


def _names_the_finding(ident: str) -> bool:
    # a file (`app.py`, `calc.go:12`) says where, not what: "S2 (app.py)" beside "I1 (API key
    # hard-coded…)" names no finding
    if parse_file_ref(ident) is not None:
        return False
    return bool(_SPECIFIC.search(ident)) or ident not in _MODULES


def short_title(title: str, *, words: int = 3) -> str:
    """The first specific backticked identifier of a title, else its first few words.

    `handleRestartNeeded`, `add` or `os.environ` names the finding; a bare module name
    (`subprocess`, `os`) or a file (`app.py`) does not, so the title's first words are used
    instead.
    """
    for ident in re.findall(r"`([^`\n]+)`", title):
        if _names_the_finding(ident):
            return ident
    return _first_words(title, words)


def _first_words(title: str, words: int) -> str:
    plain = title.replace("*", "").replace("`", "").split()
    return " ".join(plain[:words]) + ("…" if len(plain) > words else "")


def short_titles(titles: Sequence[str]) -> tuple[str, ...]:
    """`short_title` of each title, except that different titles never shorten alike: two
    findings about `div` are "Missing zero-divisor handling…" and "div lacks a…", not "div"
    twice. Those that would clash take the title's first words, more of them until they differ
    (identical titles stay identical)."""
    longest = max((len(t.split()) for t in titles), default=0)
    return _apart(titles, [short_title(t) for t in titles], _first_words, 3, 1, longest)


def _apart(
    titles: Sequence[str],
    out: list[str],
    relabel: Callable[[str, int], str],
    size: int,
    step: int,
    most: int,
) -> tuple[str, ...]:
    """`out` (a label of each title) with the labels two different titles share made again by
    `relabel(title, size)`, `size` growing by `step`, until none is shared or `size` passes
    `most` (identical titles stay identical)."""
    while True:
        clashing = [
            i
            for i, label in enumerate(out)
            if any(out[j] == label and titles[j] != titles[i] for j in range(len(out)))
        ]
        if not clashing or size > most:
            return tuple(out)
        for i in clashing:
            out[i] = relabel(titles[i], size)
        size += step


# A title's units: a code span with what is glued to it (`` `add`, ``), or a word. A label cut
# inside a code span would leave a stray backtick that swallows the rest of a table cell.
_UNIT = re.compile(r"(?:[^\s`]*`[^`\n]*`)+[^\s`]*|[^\s`]+|`")
LABEL_CHARS = 40  # a retro label's length before it is cut (8 of them share one cell)


def title_label(title: str, *, chars: int = LABEL_CHARS) -> str:
    """The title as the retro names its finding: its words with their code spans (`` `add` now
    subtracts when b is negative``), cut at a word boundary with an ellipsis past `chars`
    characters. `short_title`'s first identifier alone (`add`) said which function, not what
    is wrong with it (ux74)."""
    units = _UNIT.findall(title.replace("*", ""))
    kept: list[str] = []
    for unit in units:
        if kept and len(" ".join([*kept, unit])) > chars:
            break
        kept.append(unit)
    if len(kept) == len(units):
        return " ".join(kept)
    return " ".join(kept).rstrip(",;:—-– ") + "…"


def title_labels(titles: Sequence[str]) -> tuple[str, ...]:
    """`title_label` of each title, longer where two different titles would be cut alike, until
    they differ (identical titles stay identical)."""
    longest = max((len(t) for t in titles), default=0)
    # ten characters more each time, the last try the first past the longest title
    return _apart(
        titles,
        [title_label(t) for t in titles],
        lambda t, n: title_label(t, chars=n),
        LABEL_CHARS + 10,
        10,
        longest + 10,
    )
