"""More review shapes real agents write (line ranges in words, folded `<details>` findings, …),
one fixture each in our own words, checked finding by finding."""

from __future__ import annotations

from deepreview.model import Severity
from findings.test_review_fixtures import parse


def summary(name: str) -> list[tuple[str, Severity, str, tuple[str, ...]]]:
    return [
        (f.id, f.severity, f.title, tuple(str(loc) for loc in f.locations))
        for f in parse(name).findings
    ]


def test_line_ranges_in_words_keep_the_whole_range() -> None:
    """`lines 30 to 41`, `L12–L19`, `L8-20`, `line 14 and 27`, a pasted blob URL `#L5-L9`."""
    assert summary("line-range-words") == [
        ("I1", Severity.IMPORTANT, "Resume offset counted twice", ("exporter/stream.py:30-41",)),
        ("I2", Severity.IMPORTANT, "Row buffer never flushed", ("exporter/stream.py:55-60",)),
        ("I3", Severity.IMPORTANT, "Header written per page", ("exporter/csv_out.py:12-19",)),
        ("I4", Severity.IMPORTANT, "Retry sleeps on the event loop", ("exporter/retry.py:8-20",)),
        (
            "I5",
            Severity.IMPORTANT,
            "Two unchecked casts",
            ("exporter/types.py:14", "exporter/types.py:27"),
        ),
        ("I6", Severity.IMPORTANT, "Cursor reused across tenants", ("exporter/cursor.py:5-9",)),
        ("S1", Severity.SUGGESTION, "Name the page size", ("exporter/stream.py:3-4",)),
        ("S2", Severity.SUGGESTION, "Comment the resume rule", ("exporter/stream.py:30-41",)),
    ]
