"""Items that a "not a finding" rule drops, but that go on to tell a problem (hunt fp58):

- a checked spot that needs no change only "otherwise" (`… the bare except also catches
  KeyboardInterrupt, so Ctrl-C is lost; no change needed otherwise.`) is a finding
  (`no_action`);
- an earlier round's item marked resolved whose next sentence tells a fault at another place
  (`✅ I1 (`a.py:22`): resolved. The new check at `a.py:40` is wrong …`) is a finding
  (`closed_items`);
- a finding withdrawn by its ID whose next sentence, opening with `But`, tells a problem at a
  place (`… withdrawn. But `cache.py:8` also never expires entries …`) is not withdrawn
  (`withdrawn`).
The same rules still drop what only says it is fine, closed or withdrawn."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review

_HEAD = "## Executive Summary\n\nSecond look.\n\n## Critical Issues\n\nNone.\n\n"


def test_no_change_needed_otherwise_is_a_finding() -> None:
    text = _HEAD + (
        "## Suggestions\n\n- `calc.py:9` — the bare `except` is intentional here, and it also "
        "catches `KeyboardInterrupt`, so Ctrl-C during a retry is ignored; no change needed "
        "otherwise.\n"
    )
    r = parse_review(text, seat="s")
    assert len(r.findings) + len(r.unread_findings) == 1, r.warnings


def test_no_change_needed_alone_stays_a_checked_spot() -> None:
    text = _HEAD + (
        "## Suggestions\n\n- `calc.py:9` — the bare `except` is intentional here; no change "
        "needed.\n"
    )
    r = parse_review(text, seat="s")
    assert not r.findings and not r.unread_findings


@pytest.mark.parametrize(
    "item",
    [
        "- ✅ I1 (`calc.py:2`): resolved. The new check at `calc.py:9` compares the expiry in "
        "local time, which is wrong across a DST change.\n",
        "### I1 — Expiry ignored — ✅ Fixed. `calc.py:9` now leaks the token into the log.\n",
    ],
)
def test_a_closed_item_that_goes_on_to_a_new_fault_is_a_finding(item: str) -> None:
    r = parse_review(_HEAD + "## Important Issues\n\n" + item, seat="s")
    told = [
        f
        for f in r.findings
        if "calc.py:9" in f"{f.title}\n{f.body}" or any(loc.start == 9 for loc in f.locations)
    ]
    assert told or r.unread_findings, (r.findings, r.warnings)


@pytest.mark.parametrize(
    "item",
    [
        "- ✅ I1 (`calc.py:2`): resolved. The null check at `calc.py:9` now guards the call.\n",
        "- ✅ I1 (`calc.py:2`): resolved in `calc.py:9`.\n",
    ],
)
def test_a_closed_item_that_tells_the_fix_stays_closed(item: str) -> None:
    r = parse_review(_HEAD + "## Important Issues\n\n" + item, seat="s")
    assert not r.findings and not r.unread_findings


_TWO = (
    "## Findings\n\n### Important Issues\n\n"
    "I1. **Token expiry ignored** — `calc.py:2`\n\nThe check never reads `exp`.\n\n"
    "I2. **Cache key collision** — `calc.py:8`\n\nKeys built from the name collide.\n\n"
)


def test_a_withdrawal_followed_by_but_and_a_problem_keeps_the_finding() -> None:
    text = _TWO + (
        "On a second look I2 is not a problem for this PR; withdrawn. But `calc.py:8` also "
        "never expires entries, so memory grows without bound.\n"
    )
    r = parse_review(text, seat="s")
    assert [f.id for f in r.findings] == ["I1", "I2"], r.warnings


def test_a_plain_withdrawal_still_withdraws() -> None:
    text = _TWO + (
        "On a second look I2 is not a problem: names are unique per tenant; withdrawn. "
        "But I1 stands.\n"
    )
    r = parse_review(text, seat="s")
    assert [f.id for f in r.findings] == ["I1"], r.warnings


def test_a_withdrawal_followed_by_but_and_a_fine_place_still_withdraws() -> None:
    text = _TWO + (
        "On a second look I2 is not a problem: names are unique per tenant; withdrawn. "
        "However, `calc.py:8` is fine as it is.\n"
    )
    r = parse_review(text, seat="s")
    assert [f.id for f in r.findings] == ["I1"], r.warnings


def test_a_claim_of_the_description_the_seat_refutes_with_a_problem_is_no_clean_review() -> None:
    text = (
        "The PR description says `calc.py:9` is thread-safe, but it is not: there is a race "
        "condition on `count` between two workers.\n\nOtherwise LGTM.\n"
    )
    r = parse_review(text, seat="s")
    assert r.findings or r.unread_findings, r.warnings


def test_a_claim_of_the_description_the_seat_only_rejects_stays_clean() -> None:
    text = (
        "The PR description claims `calc.py:9` fixes a critical bug, but the diff only "
        "renames a helper.\n\nLGTM.\n"
    )
    r = parse_review(text, seat="s")
    assert not r.findings and not r.unread_findings


def test_none_about_one_part_then_a_placed_problem_is_no_none() -> None:
    text = _HEAD + (
        "## Important Issues\n\nNone found in the export path. In `calc.py:9` the parser skips "
        "the first data row whenever the file starts with a BOM.\n\n## Suggestions\n\nNone.\n"
    )
    r = parse_review(text, seat="s")
    assert r.findings or r.unread_findings, r.warnings


def test_none_then_a_placed_remark_stays_none() -> None:
    text = _HEAD + (
        "## Important Issues\n\nNone. `calc.py:9` was already fixed in the earlier round.\n\n"
        "## Suggestions\n\nNone.\n"
    )
    r = parse_review(text, seat="s")
    assert not r.findings and not r.unread_findings


def test_praise_that_tells_a_fault_is_a_concern() -> None:
    text = (
        "## Findings\n\nNone.\n\n## Design Observations\n\n- Good separation of the options; "
        "`calc.py:9` mutates the shared default dict, so state leaks between calls.\n"
        "- Good separation of the options object.\n"
    )
    r = parse_review(text, seat="s")
    assert [o.kind for o in r.design_observations] == ["concern", "strength"]


def test_a_recap_problem_left_for_a_follow_up_is_a_suggestion() -> None:
    text = _TWO + (
        "## Next steps\n\n1. Read `exp` (I1).\n2. `calc.py:30` leaks the file handle on "
        "error — fine as a follow-up PR.\n"
    )
    r = parse_review(text, seat="s")
    assert [(f.severity.value, f.locations[0].start) for f in r.findings][-1] == (
        "suggestion",
        30,
    ), r.warnings


def test_a_recap_problem_already_fixed_stays_the_recap() -> None:
    text = _TWO + "## Next steps\n\n1. `calc.py:30` leaked the handle; now fixed.\n"
    r = parse_review(text, seat="s")
    assert [f.id for f in r.findings] == ["I1", "I2"]


def test_a_finding_withdrawn_for_one_path_that_still_fails_on_another_stands() -> None:
    text = _TWO + (
        "I2 is a false positive for the happy path, since the names are unique there; the "
        "import path still crashes on a duplicate.\n"
    )
    r = parse_review(text, seat="s")
    assert [f.id for f in r.findings] == ["I1", "I2"], r.warnings


@pytest.mark.parametrize(
    "text",
    [
        "I did not find any discrete, actionable bugs in this change. One thing worth a look: "
        "`calc.py:9` compares the digest with `==`, which leaks timing information.\n",
        "## Findings\n\nNo issues found. (Minor: `calc.py:9` compares the digest with `==`, a "
        "timing side channel.)\n",
    ],
)
def test_nothing_found_then_a_placed_problem_is_no_clean_review(text: str) -> None:
    r = parse_review(text, seat="s")
    assert r.findings or r.unread_findings, r.warnings


@pytest.mark.parametrize(
    "text",
    [
        "I did not find any discrete, actionable bugs in this change. `calc.py:9` now uses "
        "`compare_digest`, which is good.\n",
        "## Findings\n\nNo issues found. (I read `calc.py` and `util/strings.py`.)\n",
    ],
)
def test_nothing_found_then_a_harmless_remark_stays_clean(text: str) -> None:
    r = parse_review(text, seat="s")
    assert not r.findings and not r.unread_findings, r.warnings
