"""Where a finding's fix goes, when its explanation places that code in another file.

A seat places a finding where the problem shows ("`Validate` accepts Windows", at
`validate.go:52`) and explains that the code to change is elsewhere ("In `Prepare`, any other OS
falls into the default branch at `start.go:59-60`"), then fixes it there ("add a Windows case in
`Prepare`"). The fix's place is a place of the finding as much as the symptom's: a lead reading
the fix puts the finding there too. One reviewer's citation alone is its reasoning (the code it
calls, the test it read: `merge.corroborated`), so a cited place counts only when a sentence of
the explanation ties it to a code name that the fix itself names or the fix's diff changes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence

from deepreview.consolidate.cluster import Member
from deepreview.consolidate.features import file_refs_in, identifiers_in, strip_fences
from deepreview.consolidate.places import union_locations
from deepreview.markdown_fence import code_blocks
from deepreview.model import Location

# a sentence ends at `.`/`!`/`?` before a space (`start.go:59` and `a.b` stay whole) or at a
# blank line
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
# the lines a diff removes (not its `---` file header): the code it changes, where the lines it
# adds may name anything (a JSDoc that mentions `reject()`)
_REMOVED = re.compile(r"^-(?!--)(.*)$", re.MULTILINE)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def fix_places(members: Sequence[Member], own: Collection[str]) -> tuple[Location, ...]:
    """The places, in files outside `own`, where a member's explanation puts the code its fix
    changes (`Member.cited` spellings: repo paths)."""
    return union_locations([loc for m in members for loc in _of(m, own)])


def _of(member: Member, own: Collection[str]) -> Iterator[Location]:
    # the name a title gives is the finding's subject, named wherever it is used (the test
    # that calls `reset()` is not where a fix of `reset()`'s JSDoc goes)
    fixed = _fix_names(member.finding.fix) - set(identifiers_in(member.finding.title).values())
    if not fixed:
        return
    for sentence in _SENTENCE_END.split(strip_fences(member.finding.body)):
        refs = [r for r in file_refs_in(sentence) if r.start is not None]
        if not refs or not set(identifiers_in(sentence).values()) & fixed:
            continue
        for ref in refs:
            for c in member.cited:
                if c.path not in own and c.start == ref.start and _same_file(c.path, ref.path):
                    yield c


def _fix_names(fix: str) -> set[str]:
    """The code names a fix names in its words, and those on the lines its diffs remove."""
    names = set(identifiers_in(strip_fences(fix)).values())
    for block in code_blocks(fix):
        for line in _REMOVED.findall(block.body):
            names.update(n for n in _NAME.findall(line) if len(n) >= 3)
    return names


def _same_file(repo_path: str, written: str) -> bool:
    return repo_path == written or repo_path.endswith("/" + written.lstrip("./"))
