"""A level given as an image named for it, as Gemini Code Assist opens each comment:

    ![medium](https://www.gstatic.com/codereviewagent/medium-priority.svg)

    Line 97: a failed chunk is retried in a tight loop; add a backoff.

The image's alt text is a level word and its file is named for the same level (`medium.svg`,
`high-priority.png`): it is that level's tag, `[medium]`. On a line of its own the tag opens
the text below it (the next line with words, over blank lines), where a leading level tag is
read, and the image's line is left blank; inside a line the tag stands where the image was. An
image whose alt text is a level but whose file says anything else (`![high](chart.png)`, a
screenshot described as "high") is left as it is, and so is a shields.io badge
(`badge_levels`). Lines stay in place, one for one.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from deepreview.findings.levels import tag_level

_IMAGE: Final = re.compile(r"!\[(?P<alt>[^\]\n]{1,30})\]\(\s*(?P<url>[^)\s]{1,300})\s*\)")
# (matched on the line without its indent: one run of blanks to cross, never two)
_ALONE: Final = re.compile(r"^(?:<p>[ \t]*)?(?P<img>!\[[^\]\n]*\]\([^)\n]*\))[ \t]*(?:</p>)?$")
# a line the tag cannot open: code, a heading, a table
_NO_TEXT: Final = re.compile(r"^[ \t]*(?:```|~~~|#|\|)")
_REACH: Final = 3  # lines below a lone image its text may start (a blank line or two between)


def _level_word(m: re.Match[str]) -> str | None:
    alt = m["alt"].strip().strip("*_").lower()
    if tag_level(alt) is None:
        return None
    name = urlsplit(m["url"]).path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    return m["alt"].strip() if alt in re.split(r"[^a-z0-9]+", name) else None


def image_levels(lines: list[str], mask: list[bool]) -> list[str]:
    """`lines` with each level image as its level's tag; `lines` itself when there is none."""
    out = list(lines)
    for i, line in enumerate(lines):
        if mask[i] or "![" not in line:
            continue
        alone = _ALONE.match(line.lstrip())
        if alone is not None:
            m = _IMAGE.fullmatch(alone["img"])
            word = _level_word(m) if m is not None else None
            k = _text_below(out, mask, i) if word is not None else None
            if k is not None:
                ind = len(out[k]) - len(out[k].lstrip())
                out[k] = f"{out[k][:ind]}[{word}] {out[k][ind:]}"
                out[i] = ""
            continue
        out[i] = _IMAGE.sub(lambda m: f"[{w}]" if (w := _level_word(m)) else m[0], line)
    return out if out != lines else lines


def _text_below(lines: list[str], mask: list[bool], i: int) -> int | None:
    for k in range(i + 1, min(len(lines), i + 1 + _REACH)):
        if mask[k]:
            return None
        if lines[k].strip():
            return None if _NO_TEXT.match(lines[k]) or _ALONE.match(lines[k].lstrip()) else k
    return None
