"""A seat's big noisy output is read once per line, not once per pass (pf67).

A seat that prints a megabyte of log lines (the most the runner keeps) took ~20 s to parse: each
pass over the review asked again of every line whether it opens a finding, and the paragraph's
first "sentence" (the whole megabyte, with no full stop in it) was read word by word for a place
with a line even when it had no digit. The counts below are of work, never of time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from deepreview.findings import prose_places, quoted_text
from deepreview.findings.file_names import known_files
from deepreview.findings.parse import parse_review
from deepreview.findings.prose_places import one_place
from deepreview.findings.quoted_text import held_lines

REVIEW = """## Findings

### Important

- **I1** Retry loop never gives up — `src/worker.py:40`
  The loop retries forever when the queue is down, so the worker hangs.

## Output of the test run

"""


@pytest.fixture
def fresh_memory() -> Iterator[None]:
    quoted_text._remembered_opening.cache_clear()
    yield
    quoted_text._remembered_opening.cache_clear()


def _log(i: int) -> str:
    return f"12:{i % 60:02d}:07 INFO src/app/pool_{i}.py:{i + 1} worker={i % 4} state=idle"


def test_each_line_is_asked_once_whether_it_opens_a_finding(
    monkeypatch: pytest.MonkeyPatch, fresh_memory: None
) -> None:
    asked: Counter[str] = Counter()
    reads = quoted_text._reads_as_opening

    def counted(line: str) -> bool:
        asked[line] += 1
        return reads(line)

    monkeypatch.setattr(quoted_text, "_reads_as_opening", counted)
    noise = [_log(i) for i in range(300)]
    parsed = parse_review(REVIEW + "\n".join(noise) + "\n", seat="noisy")
    assert [f.id for f in parsed.findings] == ["I1"]
    assert all(asked[line] == 1 for line in noise), asked.most_common(3)


def test_whether_a_line_opens_a_finding_follows_the_change_files(fresh_memory: None) -> None:
    # `Procfile:3` is a place only when the change has a `Procfile`: the remembered answer
    # for one set of files is never given for another
    lines = ["- **Worker started twice** — Procfile:3", "  the second start fails"]
    fenced = [False, False]
    for _ in range(2):
        assert held_lines(lines, fenced) == [False, False]
        with known_files(["Procfile"]):
            assert held_lines(lines, fenced) == [False, True]


def test_a_lead_sentence_without_a_digit_is_not_read_for_places(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    locate = prose_places.locations_in

    def counted(text: str, prefixes: tuple[str, ...] = ()) -> list[object]:
        read.append(text)
        return list(locate(text, prefixes))

    monkeypatch.setattr(prose_places, "locations_in", counted)
    polling = "debug: polling the worker queue, nothing new " * 2000
    assert one_place(polling, ()) is None
    assert read == []
    assert one_place("The loop at `src/worker.py:40` never gives up", ()) == "src/worker.py:40"
    assert one_place("In `src/worker.py` the loop on line 40 spins", ()) == "src/worker.py:40"
    assert len(read) == 2
