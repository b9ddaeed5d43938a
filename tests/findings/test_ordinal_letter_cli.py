"""A review written as a letter, its findings paragraphs the reviewer counts (`First, …`,
`Second, …`, `Third — …`), each naming a place in the code and asking for a change, its level
only in what to do ("has to be fixed before this ships", "worth fixing in this PR", "this is a
small one", "when you next touch it"). Before, the letter read as clean: none of its paragraphs
names a fault word. Each counted paragraph that names a place and asks for a change is a
finding at the level its words give, else important and listed as unrated. A letter of thanks
whose counted paragraphs praise places stays clean.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import parsed_by_cli

_LETTER = """Hello Sam,

Nice work on the new upload path; I read all of it and there are a few things I want to raise.

First, and above all, the handler in `media/upload.py` (around line 31) keeps every chunk in a
module-level dict keyed by file name. Two users uploading `avatar.png` at once get each other's
bytes. That has to be fixed before this ships; key it by the upload id.

Second, `media/thumbs.py` line 58 resizes with the original's mode, so a palette image comes out
black. I think that's worth fixing in this PR as well.

Third — this is a small one — the comment above `MAX_PARTS` in `media/limits.py` (line 9) gives
the old limit.

Fourth, `media/upload.py` line 120 could log the upload id when it gives up; could you add it?

Thanks again, this is close.

Ana
"""


def test_counted_paragraphs_of_a_letter_are_findings(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _LETTER)
    findings = parsed["findings"]
    assert isinstance(findings, list)
    found = [
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"]) for f in findings
    ]
    assert sorted(found) == [
        ("critical", "media/upload.py", 31),
        ("important", "media/thumbs.py", 58),
        ("important", "media/upload.py", 120),
        ("suggestion", "media/limits.py", 9),
    ]
    titles = {f["locations"][0]["start"]: str(f["title"]) for f in findings}
    assert titles[31].startswith("The handler in")
    assert not titles[9].lower().startswith(("third", "this is a small one"))
    # the fourth asks with no level: important, and the report says the level was guessed
    by_line = {f["locations"][0]["start"]: f["id"] for f in findings}
    assert parsed["unrated"] == [by_line[120]]
    assert any("no severity given" in w for w in parsed["warnings"])


_THANKS = """Hi Jo,

Thanks for the cleanup, it reads much better now.

First, the new `RetryPolicy` in `net/retry.py` (line 12) is exactly the shape I hoped for.

Second, `net/client.py` line 40 now closes the session on every path, which is a relief.

Third — and best of all — the tests in `tests/test_retry.py` (line 5) cover every branch.

Ship it!
"""


def test_a_letter_of_thanks_with_counted_places_stays_clean(tmp_path: Path) -> None:
    parsed = parsed_by_cli(tmp_path, _THANKS)
    assert parsed["findings"] == []
