"""Through the real `deep-review review --lead none`: two findings on one documentation page,
worded apart and placed at different sentences, that both follow the problem to the same lines
of the same two code files are one problem (`traced.traced_alike`): the page promises what the
code does not do, and each reviewer shows where. The near-misses stay two: two remarks on the
sentence that cite only one shared code place, or the same two files at other lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from consolidate_helpers import finding, groups, seat
from test_section_wide_cli import PAGE, review_text

from deepreview.consolidate import cluster_findings
from deepreview.consolidate.features import extract
from deepreview.consolidate.paths import PathResolver
from deepreview.consolidate.traced import traced_alike
from support.printing_seats import findings_of_change

# the page's conflict promise (7-8) against the code: both cite merge.go:40 and store.go:12


ALPHA_CONFLICT = review_text(
    "I1",
    "The conflict copy the page describes is never made",
    "docs/sync.md:7-8",
    "`src/merge.go:40` overwrites the older body in place and `src/store.go:12` has no way to "
    "save a second file under a new name: readers will trust a copy that never appears.",
)
BRAVO_CONFLICT = review_text(
    "I1",
    "Documented behaviour has no implementation",
    "docs/sync.md:8",
    "Nothing produces `note (conflict).md`: the resolver (`src/merge.go:38-44`) picks a winner "
    "and discards the loser, and the writer at `src/store.go:10-14` only ever updates the "
    "existing path. Document the real behaviour or implement it.",
)


def _found(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"docs/sync.md": PAGE}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_one_promise_traced_to_the_same_code_by_two_reviewers_is_one(tmp_path: Path) -> None:
    got = _found(tmp_path, alpha=ALPHA_CONFLICT, bravo=BRAVO_CONFLICT)
    assert got == [["Alpha", "Bravo"]], got


def test_one_shared_code_place_is_not_a_trail(tmp_path: Path) -> None:
    # which edit wins and whether a copy is kept: both cite the resolver near line 40, a
    # central function many remarks reach for, and nothing else in common
    got = _found(
        tmp_path,
        alpha=ALPHA_CONFLICT,
        bravo=review_text(
            "I1",
            '"The newer edit wins" is really the later arrival',
            "docs/sync.md:8",
            "`src/merge.go:41` keeps whichever edit reached the server last, in the order "
            "`src/queue.go:3` uploads them: an old offline edit beats a newer online one.",
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_same_files_at_other_lines_stay_two(tmp_path: Path) -> None:
    got = _found(
        tmp_path,
        alpha=ALPHA_CONFLICT,
        bravo=review_text(
            "I1",
            "Conflicts are resolved by the device clock",
            "docs/sync.md:8",
            '"The newer edit wins" compares device clocks (`src/merge.go:90`), stored at '
            "`src/store.go:75`: a device with a wrong clock wins every conflict.",
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def _features(key: str, place: str, body: str):  # type: ignore[no-untyped-def]
    seat_name, fid = key.split(":")
    f = finding(fid, "a title", place, body=body)
    resolver = PathResolver({"docs/sync.md", "src/merge.go", "src/store.go", "src/queue.go"})
    return extract(seat_name, f, resolver)


def test_traced_alike_needs_two_other_files_at_meeting_lines() -> None:
    x = _features("a:I1", "docs/sync.md:7", "see `src/merge.go:40` and `src/store.go:12`")
    y = _features("b:I1", "docs/sync.md:8", "see `src/merge.go:38-44` and `src/store.go:10-14`")
    assert traced_alike(x, y) == {"src/merge.go", "src/store.go"}
    far = _features("b:I2", "docs/sync.md:8", "see `src/merge.go:90` and `src/store.go:75`")
    assert traced_alike(x, far) == frozenset()
    one = _features("b:I3", "docs/sync.md:8", "see `src/merge.go:41` and `src/queue.go:3`")
    assert traced_alike(x, one) == frozenset()
    # placed in another file: the cited code is no trail between them
    elsewhere = _features("b:I4", "README.md:2", "see `src/merge.go:40` and `src/store.go:12`")
    assert traced_alike(x, elsewhere) == frozenset()
    # a file a finding is placed in is its `where`, not elsewhere
    own = _features("b:I5", "src/merge.go:40", "see docs/sync.md:7 and `src/store.go:12`")
    assert traced_alike(x, own) == frozenset()


def test_without_the_trail_the_two_wordings_stay_apart() -> None:
    reviews = [
        seat(
            "alpha",
            finding(
                "I1",
                "Conflict copy is promised",
                "docs/sync.md:7",
                body="`src/merge.go:40` and `src/store.go:12` keep one file",
            ),
        ),
        seat(
            "bravo",
            finding(
                "I1",
                "Nothing produces the documented file",
                "docs/sync.md:8",
                body="`src/merge.go:38-44` then `src/store.go:10-14`",
            ),
        ),
    ]
    assert groups(cluster_findings(reviews)) == {frozenset({"alpha:I1", "bravo:I1"})}
    plain = [
        seat(
            "alpha",
            finding(
                "I1",
                "Conflict copy is promised",
                "docs/sync.md:7",
                body="the resolver keeps one file",
            ),
        ),
        seat(
            "bravo",
            finding(
                "I1",
                "Nothing produces the documented file",
                "docs/sync.md:8",
                body="the writer only updates in place",
            ),
        ),
    ]
    assert groups(cluster_findings(plain)) == {frozenset({"alpha:I1"}), frozenset({"bravo:I1"})}
