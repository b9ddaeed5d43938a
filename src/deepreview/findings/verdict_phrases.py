"""Read a verdict phrase the way a person would: with its negation, its synonyms, and not
from inside the finding's title. Shared by the round fix verdicts (`rounds/verdicts.py`) and
the PR thread verdicts (`findings/thread_verdicts.py`). Pure text functions.

A verdict line names an ID, sometimes repeats the title, then gives the verdict:
`- I1: not yet fixed — calc.py:6 still ...`, `| I1 | Fixed-size buffer | not fixed | ... |`.
The earliest phrase after the ID (and outside the title) wins; at the same place the longest
one, so `not fixed` beats the `fixed` inside it and `Fixed? No.` beats `Fixed`.

A word that would close the item (`fixed`, `addressed`) is then weighed against the rest of the
line (`weigh`): a hedge (`seems fixed`, `fixed?`), a contrary word after it (`fixed, then
regressed`, `fixed ❌`, `(no)`) or a restriction (`fixed in code but not in docs`) keeps the
item open. Struck-out text (`~~fixed~~`) is not read at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# "not", "isn't", "has not been", "was never" ... before the verdict's past participle.
NEG = (
    r"(?:not|never|isn['’]?t|is\s+not|wasn['’]?t|was\s+not|aren['’]?t|are\s+not|"
    r"hasn['’]?t(?:\s+been)?|has\s+not(?:\s+been)?|haven['’]?t(?:\s+been)?|have\s+not(?:\s+been)?)"
)
# Adverbs that leave a negation whole ("not yet fixed", "not properly fixed").
ADV = r"(?:yet|really|actually|properly|correctly|quite|truly|effectively|been|even|at\s+all)"
# Adverbs that make a negation partial ("not fully fixed": part of it is).
FULLY = r"(?:fully|completely|entirely|totally|wholly)"
# A word ends where a letter, digit or a hyphenated word does not follow: "Fixed-size" is not
# "fixed".
END = r"(?![\w])(?!-\w)"


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern[str]
    word: str


def phrases(*pairs: tuple[str, str]) -> tuple[Phrase, ...]:
    return tuple(Phrase(re.compile(p, re.IGNORECASE), w) for p, w in pairs)


@dataclass(frozen=True)
class Hit:
    word: str
    start: int
    end: int


def first_hit(text: str, table: Sequence[Phrase], start: int = 0) -> Hit | None:
    """The earliest phrase of `table` in `text[start:]` (the longest one at that place)."""
    best: Hit | None = None
    for ph in table:
        m = ph.pattern.search(text, start)
        if m is None:
            continue
        if best is None or (m.start(), -m.end()) < (best.start, -best.end):
            best = Hit(ph.word, m.start(), m.end())
    return best


def blank(text: str, start: int, end: int) -> str:
    """`text` with `[start, end)` replaced by spaces (positions unchanged)."""
    return text[:start] + " " * (end - start) + text[end:]


def without_title(text: str, title: str, start: int = 0) -> str:
    """`text` with the finding's title (as the seat repeated it: any markup, any spacing)
    blanked out, so a title that starts with "Fixed" is not read as the verdict."""
    words = re.findall(r"\w+", title)
    if not words:
        return text
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    m = pattern.search(text, start)
    return blank(text, m.start(), m.end()) if m else text


_STRUCK = re.compile(r"~~.*?~~|<(del|s|strike)>.*?</\1>", re.IGNORECASE)


def markup_free(line: str) -> str:
    """`line` with emphasis markers blanked (positions unchanged): `**not** fixed` reads.
    Struck-out text is blanked whole: `~~fixed~~` is a word the seat took back."""
    line = _STRUCK.sub(lambda m: " " * len(m.group(0)), line)
    return re.sub(r"[*_~]", " ", line)


# A verdict column is named for the verdict or asks the question: `Status`, `Fixed?`,
# `Addressed in this PR?`, `Is it fixed?`.
_VERDICT_HEADER = re.compile(
    r"^\W*(?:verdict|status|state|result|outcome|resolution|assessment|conclusion|concluded|"
    r"(?:(?:is|was)\s+it\s+)?(?:fixed|addressed|resolved|handled|done)\b[^|]*)\W*$",
    re.IGNORECASE,
)


def verdict_column(header_cells: Sequence[str]) -> int | None:
    """The index of a table header's verdict column (`Verdict`, `Status`, ...), if any."""
    for i, cell in enumerate(header_cells):
        if _VERDICT_HEADER.match(cell.strip()):
            return i
    return None


def table_cells(raw: str) -> list[str] | None:
    """The cells of a Markdown table row (None when `raw` is not one)."""
    s = raw.strip()
    if not s.startswith("|"):
        return None
    return [c for c in s.strip("|").split("|")]


def cell_span(raw: str, index: int) -> tuple[int, int] | None:
    """Where cell `index` of the table row `raw` lies in `raw`."""
    pos = raw.index("|") + 1
    for i, cell in enumerate(raw.strip().strip("|").split("|")):
        if i == index:
            return pos, pos + len(cell)
        pos += len(cell) + 1
    return None


def is_separator(raw: str) -> bool:
    return bool(raw.strip()) and set(raw.strip()) <= set("-|: ")


def verdict_lines(
    text: str, ident: re.Pattern[str]
) -> Iterator[tuple[str, str, re.Match[str], int | None]]:
    """Each line of a verdicts section that names an item (`ident`): (the line as written, its
    text without markup, the item's match, the Verdict column of the table it is a row of).
    A table row naming no item is a header row: it says which column holds the verdict."""
    column: int | None = None
    for raw in _items(text, ident):
        if not raw.strip() or is_separator(raw):
            continue
        cells = table_cells(raw)
        line = markup_free(raw)
        found = ident.search(line)
        if found is None:
            if cells is not None:
                column = verdict_column(cells)
            continue
        yield raw, line, found, column


def _items(text: str, ident: re.Pattern[str]) -> Iterator[str]:
    """The section's lines, each list item or paragraph joined with the indented lines that
    continue it (`- I1: fixed.` then `  Actually it regressed.`): the verdict is read whole."""
    current: str | None = None
    for raw in text.splitlines():
        continues = (
            current is not None
            and raw[:1].isspace()
            and raw.strip()
            and table_cells(current) is None
            and table_cells(raw) is None
            and ident.search(markup_free(raw)) is None
        )
        if continues and current is not None:
            current = f"{current} {raw.strip()}"
        elif raw.strip():
            if current is not None:
                yield current
            current = raw
    if current is not None:
        yield current


_LIST_SEP = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)?\s*")


def listed(text: str, first: re.Match[str], ident: re.Pattern[str]) -> list[re.Match[str]]:
    """The items listed together from `first` on (`I1, I3 and C2`, `T1, T2`)."""
    found = [first]
    while (sep := _LIST_SEP.match(text, found[-1].end())) and (m := ident.match(text, sep.end())):
        found.append(m)
    return found


# Where a line's next verdict starts: an item after a clause boundary (`- I1: not fixed; I2:
# fixed`, `I1: fixed, but S1 is not fixed`).
_CLAUSE_END = re.compile(
    r"(?:[;,.—–]|\s-)\s*(?:(?:but|and|while|whereas|though|although)\s+)?$", re.IGNORECASE
)
_LONGEST_JOIN = len("although")


def clause_end(line: str, after: int, end: int) -> re.Match[str] | None:
    """`_CLAUSE_END.search(line, after, end)`, searched only from where a match ending at `end`
    can start: its blanks, a joining word and the blanks and mark before it. Searched from
    `after`, each item of a long line without a boundary rescanned the line before it
    (quadratic: 100 s on a 200 KB line of ` x T2`)."""
    start = end
    while start > after and line[start - 1].isspace():
        start -= 1
    start -= _LONGEST_JOIN
    while start > after and line[start - 1].isspace():
        start -= 1
    return _CLAUSE_END.search(line, max(after, start - 2), end)


def clauses(
    raw: str, line: str, ident: re.Pattern[str]
) -> Iterator[tuple[str, str, re.Match[str], bool]]:
    """A verdict line cut into one clause per verdict: (the clause as written, without markup,
    its item's match, whether it is the line's first clause). A table row is one clause; so
    is a list of items sharing a verdict (`I1, I3: not fixed`)."""
    first = ident.search(line)
    if first is None:
        return
    cuts = [0]
    if table_cells(raw) is None:
        after = listed(line, first, ident)[-1].end()
        for m in ident.finditer(line, after):
            boundary = clause_end(line, after, m.start()) if m.start() >= after else None
            if boundary is not None:
                cuts.append(boundary.start())
                after = listed(line, m, ident)[-1].end()
    for i, start in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(line)
        part_raw, part = raw[start:end], line[start:end]
        found = ident.search(part)
        if found is not None:
            yield part_raw, part, found, i == 0


def evidence_after(raw: str, end: int) -> str:
    """What a verdict line says after its verdict word: the seat's evidence."""
    return raw[end:].lstrip(" |:;—–-*.?!,").rstrip(" |*").strip()
