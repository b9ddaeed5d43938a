"""`fingerprint.location_title` reads a title in linear time with the former regex's results.

A seat's finding title reaches it (SARIF's fingerprints, inline comments, declines, round
matching): as a regex, a title of one long word like `a-a-a…` took 28 s at 40 KB. No timed
assertion (a regression shows as a hung test)."""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace

from deepreview.consolidate.fingerprint import _strip_locations, fingerprint, location_title
from deepreview.findings import parse_review

_OLD = re.compile(
    r"[\w./\\-]+\.\w+(?::\d+(?:[-–]\d+)?)?|\b(?:lines?|l)\s*\d+(?:\s*[-–]\s*\d+)?|\b(?:in|at|of)\b"
)


def test_locations_are_stripped_as_the_former_regex_stripped_them() -> None:
    for n in range(1, 6):
        for chars in itertools.product("a.-/ 1:l–", repeat=n):
            text = "".join(chars)
            assert _strip_locations(text) == _OLD.sub(" ", text), repr(text)
    words = ["in", "at", "of", "line", "lines 3", "l", "l12", "a.py", "src/a.py:3-9", "x", "é.ß"]
    words += ["calc.py:2", "\\", " ", "  ", ".", "-", "a.b.c", ":4", "of.", "l 4 - 5", "ab_c.d"]
    rnd = random.Random(0)
    for _ in range(5000):
        text = "".join(rnd.choice(words) for _ in range(rnd.randint(1, 10)))
        assert _strip_locations(text) == _OLD.sub(" ", text), repr(text)


def test_a_title_of_one_long_word_is_read() -> None:
    word = "a-" * 50_000
    assert not location_title(word)
    assert location_title(("a-" * 50_000) + "a.py:3")
    review = f"## Findings\n\n### Critical Issues\n\n- **C1** {word} — `calc.py:1`\n  Text.\n"
    (finding,) = parse_review(review, seat="claude").findings
    assert word in finding.title  # a line this long is no finding line: all of it is the title
    assert fingerprint(finding) != fingerprint(replace(finding, title="other"))
