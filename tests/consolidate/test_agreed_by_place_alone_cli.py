"""Through the real `deep-review consolidate`: three seats agree that an archive's member names
can climb out of the folder it is unpacked into; a fourth seat's terse remark over the same block
says the unpacking prints no progress, graded lower. Each of its pairs with the three scores a
little, on the block alone (and one common word): resembling every member of an issue three
reviewers agree on must rest, once at least, on more than where (`partition.AGREED_BY`,
`pair_grounds`). The same terse remark telling the traversal in its own words still joins them.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.consolidating import consolidate_reviews

_IMPORTANT = "## Findings\n\n### Important Issues\n\n{}\n"

CLAUDE = _IMPORTANT.format(
    "I1. **Archive members can be written outside the target folder** —"
    " `tools/unpack.py:14-16` (important, regression)\n\n"
    "```python\ndest = os.path.join(target, member.name)\n```\n\n"
    "A member named `../../home/user/.bashrc` is joined onto the target as-is and written"
    " wherever it points. Resolve the path and refuse members that leave `target`."
)
CODEX = _IMPORTANT.format(
    "I1. **Zip-slip in `extract_all`** — `tools/unpack.py:15` (important, regression)\n\n"
    "`os.path.join(target, member.name)` trusts the member's name; a crafted archive"
    " overwrites files anywhere the process can write."
)
GEMINI = _IMPORTANT.format(
    "I1. **Path traversal through member names** — `tools/unpack.py:15-16` (important,"
    " regression)\n\n`member.name` may contain `..` segments, so `dest` escapes the target"
    " directory. Check `os.path.realpath(dest)` against the target."
)
NO_PROGRESS = (
    "- minor: tools/unpack.py:13-18 archive members extracted without any progress output\n"
)
SAME_TRAVERSAL = (
    "- minor: tools/unpack.py:13-18 archive members named with ../ are extracted outside the"
    " destination\n"
)


def _credits(tmp_path: Path, fourth: str) -> list[list[str]]:
    reviews = {"claude": CLAUDE, "codex": CODEX, "gemini": GEMINI, "opencode": fourth}
    found = json.loads(consolidate_reviews(tmp_path, reviews))["findings"]
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_remark_sharing_only_the_block_stays_out_of_three_seats_issue(tmp_path: Path) -> None:
    assert _credits(tmp_path, NO_PROGRESS) == [["Claude", "Codex", "Gemini"], ["opencode"]]


def test_the_same_issue_told_tersely_over_the_block_joins_it(tmp_path: Path) -> None:
    assert _credits(tmp_path, SAME_TRAVERSAL) == [["Claude", "Codex", "Gemini", "opencode"]]
