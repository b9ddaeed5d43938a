"""A file of the change whose name holds a blank, written without backticks.

`docs/My Notes.md:3` after a finding's title reads, word by word, as a folder `docs/My` and a
file `Notes.md:3`: two places, neither in the change ("file not found at review SHA"). When the
change holds a file of that name (`parse_review(known_files=…)`), its unquoted mentions are
quoted before the review is read, so every reader sees one code span, as a seat that backticks it
writes it (`` `docs/My Notes.md`:3 `` is a place with its line). Text in code spans and fenced
blocks is left as written.
"""

from __future__ import annotations

import re

from deepreview.findings.file_names import known_names

_SPAN = re.compile(r"(`+)(?:(?!\1).)*?\1")


def quote_spaced_files(lines: list[str], fenced: list[bool]) -> list[str]:
    """`lines` with each unquoted mention of a change's file whose name holds a blank put in a
    code span; lines in fenced blocks (`fenced`) and code spans unchanged."""
    names = sorted((n for n in known_names() if re.search(r"\s", n)), key=len, reverse=True)
    if not names:
        return lines
    name = re.compile("|".join(rf"(?<![\w/.-]){re.escape(n)}(?![\w/-])" for n in names))
    return [
        line if in_fence or not name.search(line) else _quoted(line, name)
        for line, in_fence in zip(lines, fenced, strict=True)
    ]


def _quoted(line: str, name: re.Pattern[str]) -> str:
    out: list[str] = []
    at = 0
    for span in _SPAN.finditer(line):
        out.append(name.sub(lambda m: f"`{m.group(0)}`", line[at : span.start()]))
        out.append(span.group(0))
        at = span.end()
    out.append(name.sub(lambda m: f"`{m.group(0)}`", line[at:]))
    return "".join(out)
