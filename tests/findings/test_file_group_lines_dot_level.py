"""Under a file's heading, an item led by its lines and level in one bold label, the level set
off by a middle dot: `- **L57–L63 · high** — the export is marked done before the flush.`

`**L42 (High):**` was read; with a middle dot (and a dash before the text) the label was no
lines-and-level lead, so the items were prose and the review had no findings. A bold lines
label with a word that is no level (`**L12 · note**`) gives no level.
"""

from __future__ import annotations

from deepreview.findings import parse_review

_HEAD = "## Review\n\nComments per file.\n\n### `svc/export.go`\n\n"


def test_lines_dot_level_items_are_findings() -> None:
    text = _HEAD + (
        "- **L57–L63 · high** — the export is marked done before the flush returns.\n"
        "- **L88 · medium** — the request context is cancelled when the handler returns.\n\n"
        "### `svc/csv.go`\n\n"
        "- **L14 · low** — the header row is built with `Sprintf` in a loop.\n"
    )
    got = [
        (f.severity.letter, str(f.locations[0]), f.title)
        for f in parse_review(text, seat="alpha").findings
    ]
    assert got == [
        ("C", "svc/export.go:57-63", "the export is marked done before the flush returns"),
        ("I", "svc/export.go:88", "the request context is cancelled when the handler returns"),
        ("S", "svc/csv.go:14", "the header row is built with `Sprintf` in a loop"),
    ]


def test_a_dot_and_no_level_word_gives_no_level() -> None:
    text = _HEAD + "- **L12 · note** — the export is marked done before the flush returns.\n"
    review = parse_review(text, seat="alpha")
    assert all(not f.title.startswith("svc") for f in review.findings)
    assert [f.severity.letter for f in review.findings] in ([], ["I"])
