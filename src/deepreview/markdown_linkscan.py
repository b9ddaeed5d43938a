"""markdown-it's link scans with a shortcut where their answer is known at a glance.

A hostile seat text makes markdown-it rescan: at each `[` it looks for the label's `]`, running
every inline rule at each character on the way, nested up to its nesting limit (a 100 KB run of
`[` with no `]` after it: about twenty rule runs a character), and at each `(` after a label it
reads a destination until its parentheses nest 33 deep (`[a](` repeated: some 130 characters
read one at a time for each `[`). Both scans are bounded, so the time grows linearly, but in
pure Python at a few microseconds a character: seconds a parse at 100 KB, and a report parses a
seat's text about ten times. `fast_links` gives a parser helpers that return the same answer
without the scan in those two cases, and call markdown-it's own helpers in every other:

- a label starting at a `[` with no `]` anywhere after it has no end (-1);
- a destination whose first 33 `(` come before any blank, control character or `)` (a
  backslash and the character after it skipped, as markdown-it skips them) nests too deep: not
  a destination.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.helpers.parse_link_destination import _Result
    from markdown_it.rules_inline import StateInline

# markdown-it gives up on a destination when its `(` nest deeper than this.
_MAX_PARENS: Final = 32
# From a destination's start: `_MAX_PARENS + 1` `(`, with only characters between them that
# markdown-it's loop passes without a decision (not a blank, control character, DEL, `(`, `)`
# or `\`) or a backslash and the character after it (not a space). Disjoint alternatives and
# a class without `(`: one way to match, read once. A destination opening with `<` is read
# another way (up to its `>`).
_TOO_DEEP: Final = re.compile(
    r"(?!<)(?:(?:[^\x00-\x20\x7f\\()]|\\[^ ])*\(){%d}" % (_MAX_PARENS + 1)  # noqa: UP031
)


@lru_cache(maxsize=16)
def _last_close(src: str) -> int:
    return src.rfind("]")


def fast_links(md: MarkdownIt) -> MarkdownIt:
    """`md` with link helpers that skip the two hopeless scans above; same tokens."""
    from markdown_it import helpers

    def parse_link_label(state: StateInline, start: int, disable_nested: bool = False) -> int:
        if _last_close(state.src) <= start:
            return -1
        return helpers.parseLinkLabel(state, start, disable_nested)

    def parse_link_destination(string: str, pos: int, maximum: int) -> _Result:
        if _TOO_DEEP.match(string, pos, maximum):
            from markdown_it.helpers.parse_link_destination import _Result

            return _Result()
        return helpers.parseLinkDestination(string, pos, maximum)

    md.helpers = SimpleNamespace(  # type: ignore[assignment]
        parseLinkLabel=parse_link_label,
        parseLinkDestination=parse_link_destination,
        parseLinkTitle=helpers.parseLinkTitle,
    )
    return md


__all__ = ["fast_links"]
