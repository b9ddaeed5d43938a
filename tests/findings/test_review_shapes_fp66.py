"""Places and findings a reviewer wrote that the parser lost (fp66), each a fixture of
`tests/fixtures/reviews/` in our own words with its golden (`test_review_fixtures.py`):

- a level-led item whose only place is in closing parentheses with more words beside it
  (`- **Important** — retries never back off (line 14 of net/retry.py, the loop sleeps 0)`):
  the parenthesis stayed in the title, or its other words were dropped;
- a prose paragraph led by `Second,` / `Also,` / `Finally,` after a first prose finding, its
  place in a later sentence: it was read as the text of the finding before it;
- a bare place with a short name (`srv.go:12`) in a level-led item's sentence, and a file's
  lines told in words beside it (`in srv/log.go … lines 40–45`, `lines 40 to 45`).

Each has its near misses: a parenthesis with no place, a paragraph that explains the finding
before it, a folder, a URL's port, a version number."""

from __future__ import annotations

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.read_findings import level_title_places, read_fixture

C, IMP, S = Severity.CRITICAL, Severity.IMPORTANT, Severity.SUGGESTION


def test_a_closing_parenthesis_with_the_place_and_more_words() -> None:
    r = read_fixture("paren-place-level-items")
    assert level_title_places(r) == [
        (IMP, "retries never back off", ("net/retry.py:14",)),
        (C, "the auth header follows redirects to other hosts", ("net/redirect.py:30",)),
        (S, "the default timeout is a bare number", ("net/client.py:22",)),
        # a parenthesis that names no place stays a part of the title
        (S, "the retry log line is noisy (it prints the whole request each time)", ()),
    ]
    assert "the loop sleeps 0" in r.findings[0].body
    assert "any host then gets the token" in r.findings[1].body


def test_the_same_in_a_numbered_list() -> None:
    r = read_fixture("paren-place-numbered-items")
    assert level_title_places(r) == [
        (IMP, "the pool never closes idle sockets", ("net/pool.py:51",)),
        (IMP, "a cancelled request keeps its slot", ("net/pool.py:77",)),
        (S, "the pool size is read twice (see the constructor)", ()),
    ]
    assert "so file handles run out" in r.findings[0].body
    assert "the slot is freed only on success" in r.findings[1].body


def test_ordinal_paragraphs_after_a_prose_finding_are_findings_of_their_own() -> None:
    r = read_fixture("prose-ordinal-paragraphs-placed-later")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("thumbs/resize.py:18",),
        ("thumbs/encode.py:44",),
        ("thumbs/pool.py:9",),
        ("thumbs/encode.py:61",),
    ]
    second = r.findings[1]
    assert second.title.startswith("The scratch file is never deleted")
    assert "Second," not in second.title
    # (the whole paragraph, as every place-led item's line: its later sentence kept)
    assert "returns before the cleanup" in f"{second.title}\n{second.body}"
    assert "scratch file" not in r.findings[0].body


def test_a_paragraph_that_explains_the_finding_before_it_stays_its_text() -> None:
    r = read_fixture("prose-paragraph-explained-one-finding")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [("thumbs/resize.py:18",)]
    assert "upload preview calls" in r.findings[0].body


def test_bare_places_and_line_ranges_in_the_text() -> None:
    r = read_fixture("places-bare-and-line-ranges")
    assert [(f.title, tuple(map(str, f.locations))) for f in r.findings] == [
        ("Handler ignores the deadline", ("srv.go:12",)),
        ("Buffer copied twice", ("srv/buf.go:40-45",)),
        ("Level check inverted", ("srv/log.go:40-45",)),
        ("Default repeated", ("srv/conf.go:40-45",)),
        # a folder, a URL's port and a version number are no places
        ("Folder named, no file", ()),
        ("Docs link", ()),
        ("Pinned version", ()),
    ]


def test_a_bare_place_inside_a_level_led_sentence() -> None:
    text = (
        "## Findings\n\n"
        "- **Important** — the handler ignores the context deadline at a.go:12, so a slow "
        "client holds a worker.\n"
        "- **Minor** — srv/conf.go repeats the default in lines 40 to 45.\n"
        "- **Minor** — the changelog for v1.2:3 is missing.\n"
    )
    r = parse_review(text, seat="s")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [
        ("a.go:12",),
        ("srv/conf.go:40-45",),
        (),
    ]


def test_line_ranges_with_two_files_or_two_ranges_are_no_place() -> None:
    """Which file, or which range, is the finding's own is the reader's call: none is taken."""
    text = (
        "## Findings\n\n"
        "- **Minor** — srv/conf.go and srv/env.go disagree on the default in lines 40-45.\n"
        "- **Minor** — srv/conf.go repeats the default in lines 40-45 and again in lines 90-95.\n"
    )
    r = parse_review(text, seat="s")
    assert [f.locations for f in r.findings] == [(), ()]


def test_a_lone_see_beside_the_place_is_no_text() -> None:
    text = "## Findings\n\n- **Important** — retries never back off (see line 14 of net/retry.py)\n"
    [f] = parse_review(text, seat="s").findings
    assert (f.title, tuple(map(str, f.locations)), f.body) == (
        "retries never back off",
        ("net/retry.py:14",),
        "",
    )
