"""A file's lines named in words are read alike wherever a finding names them: `line 14`,
`lines 14-16`, `lines 14 to 16`, `L14`, `L14-L16`. Before, three rules disagreed: an aside in
parentheses (`(`a.py:10`, used at L14)`) knew only `line 14` with a dash range, a place in a
sentence (`the check on lines 14 to 16 of a.py`) only a dash range too, and lines in
parentheses after a file (`a.py` (lines 14-16)) had a third spelling (`locations.LINES` is now
the one definition). (`a.go:12, lines 40-45`, the line word as a token of its own after the place,
is still not read as that file's lines.)"""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review

_OUR = "## Findings\n\n### Important Issues\n\n"


def _places(item: str) -> list[str]:
    r = parse_review(_OUR + item + "\n", seat="s")
    assert len(r.findings) == 1, r
    return [str(loc) for loc in r.findings[0].locations]


@pytest.mark.parametrize("lines", ["line 14", "lines 14-16", "lines 14 to 16", "L14", "L14-L16"])
def test_an_aside_after_a_place(lines: str) -> None:
    end = "" if lines in ("line 14", "L14") else "-16"
    assert _places(f"I1. **Retry never stops** (`net/retry.py:10`, again at {lines})") == [
        "net/retry.py:10",
        f"net/retry.py:14{end}",
    ]


@pytest.mark.parametrize("lines", ["line 14", "lines 14-16", "lines 14 to 16", "L14", "L14-L16"])
def test_lines_of_a_file_in_a_sentence(lines: str) -> None:
    end = "" if lines in ("line 14", "L14") else "-16"
    text = f"- critical: the check on {lines} of net/retry.py never gives up, so a dead host hangs."
    assert _places(text) == [f"net/retry.py:14{end}"]


@pytest.mark.parametrize("lines", ["lines 14-16", "lines 14 to 16", "L14-L16"])
def test_lines_in_parentheses_after_a_file(lines: str) -> None:
    assert _places(f"I1. **Retry never stops** — `net/retry.py` ({lines})") == [
        "net/retry.py:14-16"
    ]


@pytest.mark.parametrize("more", ["40-45", "L40-L45"])
def test_more_lines_after_a_place_of_the_file(more: str) -> None:
    assert _places(f"I1. **Retry never stops** — `net/retry.py:12`, {more}") == [
        "net/retry.py:12",
        "net/retry.py:40-45",
    ]
