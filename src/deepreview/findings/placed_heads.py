"""A finding's head whose item opens with its place (`- `a.py:3` — Title.`,
`1. `a.py:42` **(high)** — text`), and the level a title's closing label sentence gives
(`… Severity: important.`): what `finding_line.parse_head` asks of numbered and bulleted items.
"""

from __future__ import annotations

import re

from deepreview.findings.closing_level import closing_level
from deepreview.findings.head import FindingHead, parse_tail
from deepreview.findings.levels import (
    TAG_PATTERN,
    label_level,
    severity_phrase,
    tag_level,
    without_phrase,
)
from deepreview.findings.locations import join_line_words
from deepreview.findings.place_led import SPLIT as _SPLIT
from deepreview.findings.place_led import all_locations, named_title
from deepreview.findings.severity_head import LEADING_SPAN, PLACE_WITH_LINE
from deepreview.findings.title_tail import TRAILING_TAG, fill_head

# (a compiler-style line puts a colon after the place: `src/a.rs:12: [minor] text`)
_PLACE_TAG = re.compile(
    rf"^(?P<place>`?[^\s`]+:\d[^\s`]*?`?):?[ \t]+\[(?P<w>{TAG_PATTERN})\][ \t]*[:—–-]?[ \t]*"
    r"(?P<title>\S.*)$",
    re.IGNORECASE,
)


_PLACE_BOLD = re.compile(
    r"^(?P<place>`[^`\n]+`|[^\s`*]+)[ \t]+(?:[—–:-][ \t]+)?\*\*(?P<title>[^*\n]+)\*\*"
    r"(?P<after>(?:[ \t]*[—–:(\[].*)?)$"
)
_PLACE_BOLD_TAG = re.compile(
    rf"^(?P<place>`[^`\n]+`|[^\s`*]+)[ \t]+(?:\*\*|__)[(\[](?P<w>{TAG_PATTERN})[)\]](?:\*\*|__)"
    r"[ \t]*(?P<after>\S.*)$",
    re.IGNORECASE,
)
_OPENING_TAG = re.compile(rf"^[ \t]*\[(?P<w>{TAG_PATTERN})\][ \t]*", re.IGNORECASE)


def place_first(
    head: FindingHead, rest: str, prefixes: tuple[str, ...], *, led: bool = False
) -> bool:
    """`- `a.py:3` — Title.` / `- `a.py:3` Title`: the item opens with its place. True when it
    did (head filled); a lower-case sentence after the place (`- `a.py:3` prepends …`) is a
    point of a body, not a title — unless a level word `led` the item (`- Blocking: `a.py:3`
    closes …`): that makes it a finding, and the place leaves its title."""
    rest = join_line_words(rest)  # `- `a.py` L80–L95 duplicates …`: the lines are the place's
    stressed = _PLACE_BOLD_TAG.match(rest)
    if stressed is not None:
        # `1. `a.py:42` **(high)** — text`: the bold tag is the level, no title
        rest = f"{stressed['place']} [{stressed['w']}] {stressed['after']}"
    bold = _PLACE_BOLD.match(rest)
    if bold and all_locations(bold.group("place").strip("`"), prefixes):
        # `- `a.py:2` **[P1] Title** — text`: the bold span is the title, as it is when the
        # place follows it; a `[P1]` opening the bold span is its tag
        tag = _OPENING_TAG.match(bold.group("title"))
        title = bold.group("title")[tag.end() :] if tag else bold.group("title")
        opening = f"**{title.strip()}**" + (f" [{tag.group('w')}]" if tag else "")
        where = bold.group("place").strip("`")
        fill_head(head, f"{opening} (`{where}`){bold.group('after')}", prefixes)
        take_closing_level(head)
        return bool(head.title)
    tagged = _PLACE_TAG.match(rest)
    if tagged and all_locations(tagged.group("place").strip("`"), prefixes):
        # `- src/a.py:42 [P1] The loop returns None …`: place, tag, then the finding's sentence
        parse_tail(head, tagged.group("place"), prefixes)
        if head.severity is None:
            head.severity, head.level_word = tag_level(tagged.group("w")), tagged.group("w").lower()
        head.title = tagged.group("title").strip().rstrip(".").rstrip()
        return True
    bold = _BOLD_PLACE.match(rest)
    place = bold.group("place").strip("`") if bold else ""
    if bold and place and all_locations(place, prefixes):
        rest = f"`{place}`{bold.group('after')}"  # `- **a.py:3**: Title`, `- **`a.py:3`** — …`
    if rest.startswith("**"):
        return False
    parts = _SPLIT.split(rest, maxsplit=1)
    lead = LEADING_SPAN.match(rest)
    if (
        (len(parts) < 2 or not all_locations(parts[0], prefixes))
        and lead
        and (led or lead.group("title")[0].isupper() or TRAILING_TAG.search(lead.group("title")))
        and (lead.group("span").startswith("`") or PLACE_WITH_LINE.fullmatch(lead.group("span")))
    ):
        # `- `a.py:3` Title`, `- a.py:3 Title [severity: high]`: the place, a blank, the title
        # (a colon later in the title, `[severity: high]`, is no separator after the place)
        parts = [lead.group("span"), lead.group("title")]
    if len(parts) != 2 or not all_locations(parts[0], prefixes):
        return False
    parse_tail(head, parts[0], prefixes)
    title = parts[1].strip().rstrip(".").rstrip()
    tag = TRAILING_TAG.search(title)
    if tag and head.severity is None:
        # `- `a.py:3`: race on fill (**high**)`, `- `a.py:3` — race on fill — **high**`
        word = tag.group("w") or tag.group("w2")
        head.severity, head.level_word = tag_level(word), word.lower()
        title = title[: tag.start()].rstrip()
    phrase = severity_phrase(title) if head.severity is None else None
    if phrase is not None:
        # `1. `a.py:33-35`: the refund can exceed the charge — high severity.`
        word, start, end = phrase
        head.severity, head.level_word = label_level(word), word.lower()
        title = without_phrase(title, start, end).strip().rstrip(".—–-").rstrip()
    if not named_title(head, title):  # (`Crash on lists: …`: the name is the title)
        head.title = title
    take_closing_level(head)
    return True


def take_closing_level(head: FindingHead) -> None:
    """`… This should be an error. Severity: important.`: the level from the title's closing
    label sentence, unless a tag or a lead gave one already; the label leaves the title."""
    closing = closing_level(head.title)
    if closing is None:
        return
    word, head.title = closing
    if head.severity is None:
        head.severity, head.level_word = label_level(word), word.lower()


_BOLD_PLACE = re.compile(r"^\*\*(?P<place>`?[^*`\s][^*`\n]*`?)\*\*(?P<after>.*)$")
