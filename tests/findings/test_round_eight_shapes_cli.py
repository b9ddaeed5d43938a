"""Review shapes read wrongly before round eight of the parse cases, tried through the command.

- paragraphs led by a bold bare place (`**a.py:12** — text`) under `### 🔴 Critical` /
  `### 🟡 Should fix` / `### 🟢 Nice to have` tiers: not read at all;
- bare MoSCoW tiers on bold lines of their own (`**Must**`, `**Should**`, `**Could**`): no
  level read, the `**Could**` items not at all;
- review comments repeated as a bold file name, a ```diff hunk and the comment under it, in a
  review with no heading: nothing read;
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import read_by_cli
from support.repos import cli_env, run_cli


def _parse(tmp_path: Path, text: str) -> dict:
    review = tmp_path / "review.md"
    review.write_text(text, encoding="utf-8")
    out: dict = run_cli(["parse", str(review)], cwd=tmp_path, env=cli_env(tmp_path)).json()
    return out


def _read(tmp_path: Path, text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(level, place) per finding, the unread text (`read_by_cli`)."""
    found, unread = read_by_cli(tmp_path, text)
    return [(level, place) for level, place, _title in found], unread


_BOLD_PLACES = (
    "## Code Review\n\n"
    "The cache layer reads well; one real problem.\n\n"
    "### 🔴 Critical\n\n"
    "**cache/store.py:51** — entries are keyed by the user's name, not the id, so two users\n"
    "with the same name see each other's carts.\n\n"
    "### 🟡 Should fix\n\n"
    "**cache/store.py:90** — `ttl=0` is taken as no expiry at all.\n\n"
    "### 🟢 Nice to have\n\n"
    "**`cache/keys.py:7`** — `PREFIX` could be a module constant in upper case.\n"
)


def test_bold_place_paragraphs_under_pictograph_tiers(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _BOLD_PLACES)
    assert found == [
        ("critical", "cache/store.py:51"),
        ("important", "cache/store.py:90"),
        ("suggestion", "cache/keys.py:7"),
    ]
    assert unread == []


def test_a_bold_place_paragraph_in_a_summary_is_no_finding(tmp_path: Path) -> None:
    # outside a findings section a bold place leading prose is the summary's own text
    text = (
        "## Summary\n\n"
        "**cache/store.py:51** — the new entry point, keyed by user id as before.\n\n"
        "Looks good to me.\n"
    )
    found, _ = _read(tmp_path, text)
    assert found == []


_MOSCOW = (
    "Thanks, the parser change is small. My notes by weight:\n\n"
    "**Must**\n"
    "- `lex/scan.py:14`: an empty input raises `IndexError` instead of returning no tokens.\n\n"
    "**Should**\n"
    "- `lex/scan.py:60`: the new escape table is not covered by a test.\n\n"
    "**Could**\n"
    "- `lex/tokens.py:3`: `KINDS` could be an enum.\n\n"
    "That's all.\n"
)


def test_bare_must_should_could_bold_lines_are_tiers(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _MOSCOW)
    assert found == [
        ("critical", "lex/scan.py:14"),
        ("important", "lex/scan.py:60"),
        ("suggestion", "lex/tokens.py:3"),
    ]
    assert unread == []


def test_a_bold_must_inside_a_sentence_is_no_tier(tmp_path: Path) -> None:
    # only a line that is the word alone is a tier: `**must**` stressed in prose sets no level
    text = (
        "## Findings\n\n"
        "- `lex/scan.py:14`: an empty input **must** return no tokens; it raises instead.\n"
    )
    found, _ = _read(tmp_path, text)
    assert found == [("important", "lex/scan.py:14")]


_HUNKS = (
    "Repeating my inline comments here.\n\n"
    "**build/pack.sh**\n\n"
    "```diff\n"
    "@@ -10,1 +10,1 @@ pack() {\n"
    "-  tar -czf out.tgz dist/\n"
    "+  tar -czf out.tgz dist\n"
    "```\n\n"
    "Without `-C` the archive now holds absolute paths, so unpacking it on the server writes\n"
    "over `/dist`. **Critical.**\n\n"
    "**build/pack.sh**\n\n"
    "```diff\n"
    "@@ -30,0 +31,2 @@ pack() {\n"
    '+  rm -rf "$TMP"\n'
    '+  mkdir "$TMP"\n'
    "```\n\n"
    "`$TMP` is never checked for being empty, so an unset variable deletes the working\n"
    "directory. Should be fixed.\n\n"
    "**build/Makefile**\n\n"
    "```diff\n"
    "@@ -5,1 +5,1 @@\n"
    "-CC ?= gcc-12\n"
    "+CC ?= gcc\n"
    "```\n\n"
    "Minor: the compiler version was pinned so builds stay reproducible; `gcc` drifts.\n"
)


def test_comments_under_diff_hunks_are_findings_at_the_hunk(tmp_path: Path) -> None:
    found, unread = _read(tmp_path, _HUNKS)
    assert found == [
        ("critical", "build/pack.sh:10"),
        ("important", "build/pack.sh:31"),
        ("suggestion", "build/Makefile:5"),
    ]
    assert unread == []


def test_praise_under_a_diff_hunk_is_no_finding(tmp_path: Path) -> None:
    text = (
        "Repeating my inline comments here.\n\n"
        "**build/pack.sh**\n\n"
        "```diff\n"
        "@@ -10,1 +10,1 @@ pack() {\n"
        "-  tar -czf out.tgz dist/\n"
        "+  tar -czf out.tgz -C dist .\n"
        "```\n\n"
        "Nice, this is exactly what the archive layout wants.\n"
    )
    found, unread = _read(tmp_path, text)
    assert found == []
    assert unread == []


def _titles(tmp_path: Path, text: str) -> list[str]:
    return [f["title"] for f in _parse(tmp_path, text)["findings"]]


_DECORATED = (
    "I went through the new upload handler. Three things.\n\n"
    "The first problem is in `up/handler.py:30`. This is a P1: when the client disconnects, the\n"
    "temporary file is never removed, so the disk fills up over a week.\n\n"
    "Next, `up/handler.py:58` reads the whole body into memory. I'd call it\n"
    "a P2 — a 2 GB upload takes the worker down.\n\n"
    "Finally a P3 nit: `up/names.py:4` calls the limit `n`; `max_bytes` would say more.\n"
)


def test_titles_leave_out_pointing_and_rating_words(tmp_path: Path) -> None:
    assert _titles(tmp_path, _DECORATED) == [
        "when the client disconnects, the temporary file is never removed, so the disk fills up"
        " over a week",
        "`up/handler.py:58` reads the whole body into memory",
        "`up/names.py:4` calls the limit `n`; `max_bytes` would say more",
    ]


def test_a_leading_warning_sign_leaves_the_title(tmp_path: Path) -> None:
    text = (
        "## Findings\n\n"
        "- ⚠️ **Upload never cleaned up** (`up/handler.py:30`) — the temporary file stays.\n"
    )
    assert _titles(tmp_path, text) == ["Upload never cleaned up"]


def test_a_title_of_words_stays_as_written(tmp_path: Path) -> None:
    # a dash inside a plain title, and a title that is one sentence, are no decoration
    text = (
        "## Findings\n\n"
        "### Important\n\n"
        "1. **Upload cleanup — missing on disconnect** (`up/handler.py:30`)\n"
        "   the temporary file stays on disk.\n"
        "2. **This is the first upload path without a size limit** (`up/handler.py:58`)\n"
    )
    assert _titles(tmp_path, text) == [
        "Upload cleanup — missing on disconnect",
        "This is the first upload path without a size limit",
    ]


def test_a_title_the_seat_gave_its_own_id_is_kept_whole(tmp_path: Path) -> None:
    """`I1. **Another issue**`: a seat that numbers its finding and bolds its title has named
    it, however few its words; the title is not swapped for the text's first sentence (our own
    report read back must give its findings back as written)."""
    text = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **Another issue** — `up/handler.py:30` (important, gap)\n\n"
        "The temporary file stays on disk (e.g. after a disconnect) for good.\n"
    )
    assert _titles(tmp_path, text) == ["Another issue"]
