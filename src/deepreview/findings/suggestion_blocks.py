"""Review comments that each offer a GitHub suggestion: a paragraph led by its place and, right
after it, a ```suggestion fence holding the change to commit from the pull request's page.

    **`auth/session.py` line 42** — the cookie is also sent over plain HTTP. This one has to
    be fixed before release.

    ```suggestion
        resp.set_cookie("sid", token, secure=True)
    ```

A suggestion fence is the reviewer's change to the code at that place, so the paragraph above it
is a finding whatever words it uses (a change offered is a problem named), the fence its fix.
Its level is said in words, if at all (`prose_levels`: "has to be fixed before release", "purely
for readability"); with none it is unrated, as any finding with no level. A fence of code in
another language (```python) offers no change: the paragraph is read as the review's prose is.
"""

from __future__ import annotations

from typing import Final

from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.finding_line import bullet_head
from deepreview.findings.sentences import lead_sentence
from deepreview.markdown_fence import closes, opening

_INFO: Final = "suggestion"


def suggestion_drafts(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], set[int]]:
    """The findings that suggestion comments tell in `lines` (see the module doc), and the
    indexes of the lines they take (each comment's paragraph and its fences)."""
    drafts: list[Draft] = []
    taken: set[int] = set()
    for start, end in _suggestions(lines, fenced):
        above = start - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        if above < 0 or above in taken:
            if drafts and above in taken:
                # a second suggestion under the same comment: more of its fix
                drafts[-1].fix += "\n" + "\n".join(lines[start:end])
                taken.update(range(above + 1, end))
            continue
        if fenced[above]:
            continue
        first = above
        while first > 0 and lines[first - 1].strip() and not fenced[first - 1]:
            first -= 1
        text = " ".join(line.strip() for line in lines[first : above + 1])
        head = bullet_head(text, prefixes, plain=True)
        if head is None or not any(loc.start is not None for loc in head.locations):
            continue
        # (the first sentence is the title, the words after it the text)
        words = head.title
        head.title = lead_sentence(words).rstrip(" .")
        body = words[len(lead_sentence(words)) :].strip()
        fix = "\n".join(lines[start:end])
        drafts.append(make_draft(head, None, body=body, fix=fix, prefixes=prefixes))
        taken.update(range(first, end))
    return drafts, taken


def _suggestions(lines: list[str], fenced: list[bool]) -> list[tuple[int, int]]:
    """(first, end) of each ```suggestion fence, its fence lines included."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        fence = opening(lines[i]) if fenced[i] and (not i or not fenced[i - 1]) else None
        if fence is None or fence.info.split()[:1] != [_INFO]:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not closes(lines[end], fence):
            end += 1
        out.append((i, min(end + 1, len(lines))))
        i = end + 1
    return out
