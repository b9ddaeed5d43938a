"""A finding that tells its place relative to another (`line 12 of the same file`, `Same file,
line 14`, `lines 5-6 of the controller`) is placed where a careful reader places it, and only
where its words leave no doubt (`findings/relative_places.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Location
from support.printing_seats import findings_of_change

CHANGE = (
    "billing/ledger_store.ts",
    "billing/RefundController.ts",
    "tests/ledger.test.ts",
)

TERSE = (
    "Went over the ledger change.\n\n"
    "1. (major) Rounding, billing/ledger_store.ts lines 3-9: totals are summed as floats, so "
    "the cents drift. Use integer cents.\n"
    "2. (minor) line 12 of the same file: the discount is taken after tax, which overcharges.\n"
    "3. (major) Same file, line 14: the retry count is never reset between ledgers.\n"
    "4. (critical) The refund action never checks who owns the ledger (lines 5-6 of the "
    "controller), so anyone can refund anyone's payment.\n"
)


def test_relative_places_in_the_report(tmp_path: Path) -> None:
    text = "".join(f"// line {n}\n" for n in range(1, 31))
    found = findings_of_change(tmp_path, dict.fromkeys(CHANGE, text), {"s": TERSE})
    placed = {
        f["title"].split(":")[0][:24]: [
            (p["path"], p["start"], p.get("end")) for p in f["locations"]
        ]
        for f in found
    }
    assert placed == {
        "Rounding, billing/ledger": [("billing/ledger_store.ts", 3, 9)],
        "line 12 of the same file": [("billing/ledger_store.ts", 12, None)],
        "Same file, line 14": [("billing/ledger_store.ts", 14, None)],
        "The refund action never ": [("billing/RefundController.ts", 5, 6)],
    }


def _places(text: str, known: tuple[str, ...] = CHANGE) -> list[tuple[Location, ...]]:
    review = parse_review(text, seat="s", known_files=known)
    return [f.locations for f in review.findings]


FIRST = "1. (major) Overflow, billing/ledger_store.ts line 4: the sum wraps.\n"


@pytest.mark.parametrize(
    ("second", "place"),
    [
        ("2. (minor) lines 20-22 in that file: the log leaks the card number.\n", (20, 22)),
        ("2. (minor) In the same file at line 7 the rate is hard-coded.\n", (7, None)),
        ("2. (minor) Same file (line 7): the rate is hard-coded.\n", (7, None)),
    ],
)
def test_the_same_file_is_the_file_before(second: str, place: tuple[int, int | None]) -> None:
    assert _places(FIRST + second) == [
        (Location("billing/ledger_store.ts", 4),),
        (Location("billing/ledger_store.ts", *place),),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no finding before it: which file is "the same" is nobody's to say
        "1. (minor) line 12 of the same file: the discount is taken after tax.\n",
        # the finding before is in two files
        "1. (major) billing/ledger_store.ts:4 and tests/ledger.test.ts:9 disagree on cents.\n"
        "2. (minor) line 12 of the same file: the discount is taken after tax.\n",
        # two places told relative to others: which one is the finding's is the reader's call
        FIRST + "2. (minor) line 12 of the same file repeats lines 5-6 of the controller.\n",
    ],
)
def test_no_doubtful_same_file_place(text: str) -> None:
    assert _places(text)[-1] == ()


@pytest.mark.parametrize(
    ("text", "known", "place"),
    [
        # a folder's name when no file's name holds the word
        (
            "- The deploy job runs on forks (line 9 of the workflow). Priority: high.\n",
            (".github/workflows/deploy.yml", "src/app.py"),
            (Location(".github/workflows/deploy.yml", 9),),
        ),
        # a plural, and the word "file" after it
        (
            "- lines 3-4 of the controllers file skip the owner check. Priority: high.\n",
            CHANGE,
            (Location("billing/RefundController.ts", 3, 4),),
        ),
        # two files hold the word: none is taken
        (
            "- The owner is never checked (lines 5-6 of the controller). Priority: high.\n",
            ("a/RefundController.ts", "a/ChargeController.ts"),
            (),
        ),
        # no file holds it
        (
            "- The owner is never checked (lines 5-6 of the handler). Priority: high.\n",
            CHANGE,
            (),
        ),
        # the word goes on to name something else: a function, not the file `refund…`
        (
            "- lines 5-6 of the refund function never check the owner. Priority: high.\n",
            ("billing/refund.ts", "billing/charge.ts"),
            (),
        ),
        # a part of the code or of the review is no file's role, whatever files are named
        (
            "- The owner is never checked (lines 5-6 of the diff). Priority: high.\n",
            ("tools/diff.ts", "billing/charge.ts"),
            (),
        ),
        # the change's files not known: no role can be read
        (
            "- The owner is never checked (lines 5-6 of the controller). Priority: high.\n",
            (),
            (),
        ),
    ],
)
def test_a_file_named_by_its_role(
    text: str, known: tuple[str, ...], place: tuple[Location, ...]
) -> None:
    assert _places(text, known) == [place]


def test_a_finding_with_its_own_place_keeps_it() -> None:
    text = FIRST + "2. (minor) tests/ledger.test.ts:3 has no case for the same file at line 7.\n"
    assert _places(text)[-1] == (Location("tests/ledger.test.ts", 3),)
