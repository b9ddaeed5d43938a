"""Severity given as a number on a scale (`**[5/5]**`, `(4/5)`, `severity 3 of 5`) beside each
item's place is a level mark: 5 and 4 of five are critical, 3 and 2 important, 1 a suggestion.
Unread, such a review left no findings and no unread text, and its closing "Everything else
looks fine" made it a clean review. That closing says the *other* code is fine: it is no clean
statement about the items before it, and never takes back a finding we read. A review that
says only "LGTM, everything looks fine" stays clean.
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import one_seat_verdict, review_printed

OUT_OF_FIVE = """# Code review: calculator

I rate each problem's severity from 1 (cosmetic) to 5 (must fix before merge).

- **[5/5]** `calc.py:2`: `add()` returns `a * b`, so a caller summing a cart pays the product.
- **[2/5]** `calc.py:1`: the name `f` says nothing about what the function does.
- **[1/5]** `calc.py:3`: the docstring still says "subtract".

Everything else looks fine.
"""

# the same scale said other ways: a bare fraction, a `severity N of M` lead
OTHER_WAYS = """## Review

- (4/5) `calc.py:2`: `add()` multiplies instead of adding.
- Severity 1 of 5 — `calc.py:1`: rename `f` to something that says what it does.
"""

ONLY_LGTM = "LGTM, everything looks fine.\n"

READ_FINDING = """## Review

- **[Critical]** `calc.py:2`: `add()` multiplies instead of adding, so totals are wrong.
"""


def _severities(tmp: Path, text: str) -> list[str]:
    _, out, report = review_printed(tmp, {"chat": text})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    return sorted(f["severity"] for f in report["findings"])


def test_numeric_severity_out_of_five_is_read(tmp_path: Path) -> None:
    assert _severities(tmp_path, OUT_OF_FIVE) == ["critical", "important", "suggestion"]


def test_numeric_severity_never_reads_as_clean(tmp_path: Path) -> None:
    status, label, reason = one_seat_verdict(tmp_path, OUT_OF_FIVE)
    assert status == "ok" and label != "Merge as-is", reason


def test_a_bare_fraction_and_severity_n_of_m_are_levels(tmp_path: Path) -> None:
    assert _severities(tmp_path, OTHER_WAYS) == ["critical", "suggestion"]


def test_a_review_that_only_says_lgtm_stays_clean(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, ONLY_LGTM) == ("ok", "Merge as-is", "no issues found")


def test_everything_else_looks_fine_leaves_a_read_finding_its_verdict(tmp_path: Path) -> None:
    closed = READ_FINDING + "\nEverything else looks fine.\n"
    alone = one_seat_verdict(tmp_path / "a", READ_FINDING)
    assert alone[1] != "Merge as-is"
    assert one_seat_verdict(tmp_path / "b", closed) == alone


# items at places we do not read as findings, then a closing on the *other* code
PLACED_ITEMS = """# Code review

- `calc.py:2`: `add()` returns `a * b`, so a caller summing a cart pays the product.
- `calc.py:1`: the name `f` says nothing about what the function does.

"""


def test_everything_else_looks_fine_after_placed_items_is_no_clean_review(tmp_path: Path) -> None:
    for i, closing in enumerate(
        ("Everything else looks fine.", "Otherwise LGTM.", "The rest looks good.")
    ):
        status, label, reason = one_seat_verdict(tmp_path / str(i), PLACED_ITEMS + closing + "\n")
        assert status == "ok" and label != "Merge as-is", (closing, reason)
        assert "findings could not be read" in reason, (closing, reason)


def test_everything_looks_fine_after_a_summary_without_places_stays_clean(tmp_path: Path) -> None:
    text = "# Code review\n\n- Renames a helper.\n- Adds a docstring.\n\nThe rest looks good.\n"
    assert one_seat_verdict(tmp_path, text) == ("ok", "Merge as-is", "no issues found")


# `[1/3]` … `[3/3]` count the items under their section; read as levels they ranked the list by
# its order (suggestion, important, critical) against the section's own level
COUNTED = """## Important

- **[1/3]** `calc.py:2`: `add()` returns `a * b`, so a caller summing a cart pays the product.
- **[2/3]** `calc.py:1`: the name `f` hides what the function does and callers misuse it.
- **[3/3]** `calc.py:3`: the docstring still says "subtract", misleading every caller.
"""


def test_an_item_counter_is_no_level(tmp_path: Path) -> None:
    assert _severities(tmp_path, COUNTED) == ["important", "important", "important"]


def test_a_labelled_scale_of_three_is_a_level(tmp_path: Path) -> None:
    labelled = (
        "## Review\n\n- **Severity 3/3:** `calc.py:2`: `add()` multiplies, so totals are wrong.\n"
    )
    assert _severities(tmp_path, labelled) == ["critical"]
