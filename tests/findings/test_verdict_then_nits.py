"""A verdict that names its findings' level (`Verdict: approve with nits`) and the list right
below it: that list is those findings, at that level.

Such a review has no section heading at all (praise, the verdict, a numbered list), so the list
was prose: its items were read as nothing, or one of them as an important finding. A list after
a plain approval (`Verdict: approve`) names no level and is left as it was; a verdict naming
nits with no list after it has no findings to give.
"""

from __future__ import annotations

from deepreview.findings import parse_review

_PRAISE = "Ran the tests locally; the new parser handles every case in the issue.\n\n"
_LIST = (
    "1. `web/slug.ts:12` — the pattern is rebuilt on every call; hoist it.\n"
    "2. `web/slug.ts:30` — `toLowerCase()` could take a locale.\n"
    "3. `web/posts.ts:77` — the `// TODO remove` comment can go now.\n"
)


def _read(text: str) -> list[tuple[str, str]]:
    return [
        (f.severity.letter, str(f.locations[0])) for f in parse_review(text, seat="alpha").findings
    ]


def test_the_list_after_approve_with_nits_is_nits() -> None:
    review = parse_review(_PRAISE + "Verdict: approve with nits\n\n" + _LIST, seat="alpha")
    assert [(f.severity.letter, str(f.locations[0])) for f in review.findings] == [
        ("S", "web/slug.ts:12"),
        ("S", "web/slug.ts:30"),
        ("S", "web/posts.ts:77"),
    ]
    assert review.verdict_line is not None and "approve with nits" in review.verdict_line


def test_bold_verdict_with_minor_suggestions() -> None:
    text = _PRAISE + "**Verdict:** LGTM with a few minor suggestions:\n\n" + _LIST
    assert [level for level, _ in _read(text)] == ["S", "S", "S"]


def test_a_plain_approval_gives_the_list_no_level() -> None:
    text = _PRAISE + "Verdict: approve\n\n" + _LIST
    assert all(level != "S" for level, _ in _read(text)), _read(text)


def test_nits_named_and_none_listed() -> None:
    assert _read(_PRAISE + "Verdict: approve with nits\n") == []
