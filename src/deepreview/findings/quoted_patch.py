"""A mailing-list reply to a patch: the patch quoted in `> ` lines (`> +++ b/net/dial.c`,
`> @@ -120,7 +120,12 @@`, `> +	code`), the reviewer's comments written between the quoted
parts, no headings or labels. Each comment's first paragraph is a finding about the quoted lines
right above it, and is read as a list item led by their place (`- `net/dial.c:120-121` — …`);
as any placed item, it is a finding when it names a fault or rates itself (`Nit:`), so thanks
and questions stay prose.

The quoted lines are counted from the hunk header only up to the first comment: a reviewer
trims the patch between comments, so below one the quoted lines' numbers are not known and the
place is the file alone. A comment naming a line of its own (`net/dial.c:125`) is led by that
place. Read only in a reply: a diff's file and hunk headers quoted, no Markdown heading; a
review with headings that quotes a hunk in a finding keeps the explanation under it as it is.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import locations_in

_QUOTED: Final = re.compile(r"^>[ \t]?(?P<t>.*)$")
_NEW_FILE: Final = re.compile(r"^\+\+\+[ \t]+(?:b/)?(?P<p>[^\s]+)")
_HEADING: Final = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S")
_HUNK: Final = re.compile(r"^@@[ \t]+-\d+(?:,\d+)?[ \t]+\+(?P<c>\d+)(?:,\d+)?[ \t]+@@")


class _Hunk:
    """Where the quoted patch is: its file, the next quoted line's number (None once trimmed),
    the lines quoted since the last comment."""

    def __init__(self) -> None:
        self.path: str | None = None
        self.line: int | None = None
        self.first: int | None = None
        self.last: int | None = None
        self.quoted = False

    def read(self, text: str) -> None:
        if (f := _NEW_FILE.match(text)) is not None:
            self.path, self.line, self.quoted = f["p"], None, False
        elif (h := _HUNK.match(text)) is not None:
            self.line, self.first, self.last, self.quoted = int(h["c"]), None, None, False
        elif self.path is not None and not text.startswith(("---", "diff ", "index ")):
            self.quoted = True
            if self.line is not None and not text.startswith("-"):
                self.first = self.line if self.first is None else self.first
                self.last = self.line
                self.line += 1

    def place(self, comment: str) -> str:
        """The lead of a comment on the lines quoted above it; the count stops there."""
        first, last, self.line, self.first, self.last = self.first, self.last, None, None, None
        self.quoted = False
        own = [loc for loc in locations_in(comment) if loc.start is not None]
        if own:
            where = f"`{own[0]}` — "
        elif first is not None and last is not None:
            where = (
                f"`{self.path}:{first}-{last}` — " if last > first else f"`{self.path}:{first}` — "
            )
        else:
            where = f"`{self.path}` — "
        return f"- {where}"


def _paragraph(lines: list[str], start: int) -> str:
    """The comment's paragraph from line `start`: up to a blank or a quoted line."""
    end = start
    while end < len(lines) and lines[end].strip() and not _QUOTED.match(lines[end]):
        end += 1
    return "\n".join(lines[start:end])


def _is_reply(lines: list[str]) -> bool:
    said = [m["t"] for x in lines if (m := _QUOTED.match(x)) is not None]
    return (
        any(_NEW_FILE.match(t) for t in said)
        and any(_HUNK.match(t) for t in said)
        and not any(_HEADING.match(x) for x in lines)
    )


def quoted_patch_comments(lines: list[str]) -> list[str]:
    """The review's lines with each comment on a quoted patch as a list item; `lines` itself
    when the review is no such reply."""
    if not _is_reply(lines):
        return lines
    out = list(lines)
    hunk = _Hunk()
    opened = False  # inside a comment's first paragraph
    for i, line in enumerate(lines):
        m = _QUOTED.match(line)
        if m is not None:
            hunk.read(m["t"])
            opened = False
        elif not line.strip():
            opened = False
        elif hunk.quoted and not opened:
            out[i] = hunk.place(_paragraph(lines, i)) + line.lstrip()
            opened = True
    return out if out != lines else lines
