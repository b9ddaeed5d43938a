"""Places given as a bare permalink (`https://github.com/o/r/blob/SHA/a.py#L70-L74`) or as a
file and a name in it (`a.py::send_chunk`, `tests/test_a.py::test_retry`).

Each finding had no place at all. A permalink gives the file and its lines, `file::name` the
file. A web page that is no file's lines, or a `ns::name` with no file, is still no place.
"""

from __future__ import annotations

from deepreview.findings import parse_review


def _places(text: str) -> list[list[tuple[str, int | None, int | None]]]:
    review = parse_review(text, seat="alpha")
    return [[(loc.path, loc.start, loc.end) for loc in f.locations] for f in review.findings]


def test_a_bare_permalink_in_the_text_is_the_place() -> None:
    text = (
        "## Important Issues\n\n**I1. Upload has no timeout**\n\n"
        "A stalled peer hangs the worker: "
        "https://github.com/acme/up/blob/0a1b2c3/net/upload.py#L70-L74\n"
    )
    assert _places(text) == [[("net/upload.py", 70, 74)]]


def test_file_and_name_give_the_file() -> None:
    text = (
        "## Important Issues\n\n**I1. Status never checked**\n\n"
        "`net/upload.py::send_chunk` treats a 500 as success.\n\n"
        "## Suggestions\n\n**S1. Test name is misleading**\n\n"
        "`tests/test_upload.py::test_retry` never retries.\n"
    )
    assert _places(text) == [
        [("net/upload.py", None, None)],
        [("tests/test_upload.py", None, None)],
    ]


def test_other_urls_and_namespaces_are_no_places() -> None:
    text = (
        "## Important Issues\n\n**I1. Upload has no timeout**\n\n"
        "See https://docs.python.org/3/library/socket.html#timeouts and `std::chrono`.\n"
    )
    assert _places(text) == [[]]
