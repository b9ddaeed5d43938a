"""Review comments repeated from the pull request's page: a ```diff hunk quoting the changed
lines, the comment on them right under it, the file named above (a bold or code-span file name
alone on its line) or in the hunk's own `+++ b/path` header.

    **scripts/deploy.sh**

    ```diff
    @@ -40,0 +41,1 @@ deploy() {
    +  curl -s "$HEALTH_URL" || true
    ```

    The health check can never fail the deploy because of `|| true`. Should be fixed.

The hunk says where the comment is: its file, and the first line of its new side (`+41`). The
comment is a finding when it names a problem or rates itself (a leading `Minor:`, a closing
`**Critical.**`, "should be fixed": `prose_levels`); praise of the quoted lines is none.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.closing_level import text_closing_level
from deepreview.findings.file_groups import file_heading
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead
from deepreview.findings.levels import level_lead, tag_level
from deepreview.findings.problem_words import names_a_problem
from deepreview.findings.prose_levels import said_level
from deepreview.findings.sentences import lead_sentence
from deepreview.markdown_fence import closes, opening
from deepreview.model import Location

_INFOS: Final = frozenset({"diff", "patch"})
_HUNK: Final = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,\d+)? @@")
_NEW_FILE: Final = re.compile(r"^\+\+\+ (?:b/)?(?P<path>\S+)")


def diff_comment_drafts(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], set[int]]:
    """The findings that comments under diff hunks tell in `lines` (see the module doc), and
    the indexes of the lines they take (file name, hunk, comment)."""
    drafts: list[Draft] = []
    taken: set[int] = set()
    hunks = _hunks(lines, fenced)
    for n, (start, end, path, line) in enumerate(hunks):
        first = start
        if path is None:
            above = start - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            named = None if above < 0 or fenced[above] else file_heading(lines[above], prefixes)
            if named is None:
                continue
            path, first = named[0], above
        stop = hunks[n + 1][0] if n + 1 < len(hunks) else len(lines)
        comment = _comment(lines, fenced, end, stop, prefixes)
        if not comment:
            continue
        text = " ".join(lines[k].strip() for k in comment)
        found = _head(text, path, line)
        if found is None:
            continue
        head, rest = found
        body = rest[len(lead_sentence(rest)) :].strip()
        drafts.append(make_draft(head, None, body=body, prefixes=prefixes))
        taken.update(range(first, comment[-1] + 1))
    return drafts, taken


def _hunks(lines: list[str], fenced: list[bool]) -> list[tuple[int, int, str | None, int]]:
    """(first, end, the file its header names, the new side's first line) of each ```diff
    fence whose hunk header says where it is, its fence lines included."""
    out: list[tuple[int, int, str | None, int]] = []
    i = 0
    while i < len(lines):
        fence = opening(lines[i]) if fenced[i] and (not i or not fenced[i - 1]) else None
        if fence is None or fence.info.split()[:1] not in ([w] for w in _INFOS):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not closes(lines[end], fence):
            end += 1
        path: str | None = None
        start: int | None = None
        for k in range(i + 1, min(end, len(lines))):
            if start is None and (m := _NEW_FILE.match(lines[k])):
                path = m["path"]
            elif (h := _HUNK.match(lines[k])) is not None:
                start = int(h["start"])
                break
        if start is not None:
            out.append((i, min(end + 1, len(lines)), path, start))
        i = end + 1
    return out


def _comment(
    lines: list[str], fenced: list[bool], end: int, stop: int, prefixes: tuple[str, ...]
) -> list[int]:
    """The lines of the one paragraph right under a hunk (before `stop`), else none."""
    k = end
    while k < stop and not lines[k].strip() and not fenced[k]:
        k += 1
    out: list[int] = []
    while k < stop and lines[k].strip() and not fenced[k]:
        if file_heading(lines[k], prefixes) is not None or lines[k].lstrip().startswith("#"):
            break
        out.append(k)
        k += 1
    return out


def _head(text: str, path: str, line: int) -> tuple[FindingHead, str] | None:
    """The comment as a finding at the hunk's place, when it names a problem or its level,
    and its words without the level."""
    word, rest = level_lead(text)
    closing = text_closing_level(rest) if word is None else None
    if closing is not None:
        word, rest = closing
    word = word or said_level(rest)
    if word is None and not names_a_problem(rest):
        return None
    head = FindingHead(id=None, title=lead_sentence(rest).rstrip(" ."), style="placed")
    head.locations = [Location(path, line)]
    if word is not None and (level := tag_level(word)) is not None:
        head.severity, head.level_word = level, word.lower()
    return head, rest
