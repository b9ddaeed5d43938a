"""A free-form review that tells each problem in a paragraph of its own, its place in the
sentence (`The `load()` helper in store/io.py line 12 crashes …`), after an intro (`I read the
change.`) and before a closing word. Before, the paragraphs were findings text that could not be
read (Unverified) although each names one problem at one place: now each is a finding there
(with no level of its own: important, and listed as unrated). A paragraph whose problem comes
only after other sentences (`I went through it. The worst problem is …`) is still unread text:
which of its sentences is the finding is the reader's call."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.readable import unparseable_reason
from support.printing_seats import review_printed

INTRO = "## Review\nI read the change and ran the tests.\n\n"
LOAD = (
    "The `load()` helper in store/io.py line 12 crashes on an empty file because it hands the "
    "empty string to `json.loads`.\nReturn an empty dict instead.\n"
)
SAVE = (
    "\nIn `store/io.py:30` the temp file is never removed when the rename fails, so the folder "
    "silently fills up with `.tmp` files.\n"
)
CLOSING = "\nEverything else reads well.\n"


def _rows(text: str) -> list[tuple[str, tuple[str, ...]]]:
    r = parse_review(text, seat="s")
    assert r.unread_findings == (), r.unread_findings
    return [(f.title, tuple(map(str, f.locations))) for f in r.findings]


def test_a_problem_paragraph_after_an_intro_is_a_finding_at_its_place() -> None:
    r = parse_review(INTRO + LOAD, seat="s")
    assert [tuple(map(str, f.locations)) for f in r.findings] == [("store/io.py:12",)]
    f = r.findings[0]
    assert "crashes on an empty file" in f.title
    assert "Return an empty dict instead." in f"{f.body}\n{f.fix}"
    assert r.unread_findings == ()
    assert r.unrated == (f.id,)  # no level of its own: important, and the retro says so
    assert unparseable_reason(r) is None


def test_two_problem_paragraphs_and_a_closing_word() -> None:
    rows = _rows(INTRO + LOAD + SAVE + CLOSING)
    assert [places for _t, places in rows] == [("store/io.py:12",), ("store/io.py:30",)]
    assert "never removed" in rows[1][0]


def test_without_a_heading_too() -> None:
    rows = _rows("I read the change.\n\n" + LOAD)
    assert [places for _t, places in rows] == [("store/io.py:12",)]


@pytest.mark.parametrize(
    "text",
    [
        # the problem only in a later sentence of one paragraph: which is the finding is unclear
        "I went through the change. The worst problem is in sub in calc.py: on line 6 the "
        "operands are swapped, a real bug. The rest looks fine.",
        INTRO + "The change adds `load()` in store/io.py line 12, which reads the file once.\n",
    ],
)
def test_no_finding_invented(text: str) -> None:
    assert parse_review(text, seat="s").findings == ()


def test_the_report_has_the_finding_not_an_unverified_seat(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": INTRO + LOAD + SAVE})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert sorted(
        (loc["path"], loc["start"]) for f in report["findings"] for loc in f["locations"]
    ) == [("store/io.py", 12), ("store/io.py", 30)]
    assert "could not be read" not in Path(out["paths"]["md"]).read_text(encoding="utf-8")


# A review that is only its verdict: it asks for changes and names none. Before, the seat
# failed as an unparseable review; it is a review whose findings could not be read (never a
# clean approval, never a failed seat).
@pytest.mark.parametrize("verdict", ["Needs work.", "**Request changes**", "Do not merge."])
def test_a_lone_verdict_asking_for_changes_is_unread_findings(verdict: str) -> None:
    r = parse_review(f"{verdict}\n", seat="s")
    assert r.findings == ()
    assert r.unread_findings == (verdict.strip("*"),) or r.unread_findings == (verdict,)
    assert unparseable_reason(r) is None


def test_a_lone_verdict_in_the_report(tmp_path: Path) -> None:
    _res, out, report = review_printed(tmp_path, {"alpha": "Needs work.\n"})
    assert [s["status"] for s in out["seats"]] == ["ok"], out["seats"]
    assert report["findings"] == []
    assert report["header"]["verdict"]["label"] != "Merge as-is", report["header"]["verdict"]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "findings could not be read" in md.split("## Appendix")[0]


@pytest.mark.parametrize("text", ["Needs work on my side before I can say more.", "Looks good."])
def test_other_lone_lines_are_not_that(text: str) -> None:
    assert parse_review(f"{text}\n", seat="s").unread_findings == ()
