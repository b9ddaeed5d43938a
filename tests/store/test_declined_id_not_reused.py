"""A review ID a recorded decline names is not handed out again after that review is deleted.

Declines outlive the review they were recorded on (they are the series' decisions). A new review
made in the same second under the same name took the deleted review's ID, and with it the
decline as its own: `declined_before` leaves a review's own declines out (a relead keeps its
finding), so round 2 redone reported the declined finding open again — about every other run
of tests/rounds/test_decline_of_deleted_round_cli.py, whose steps take under a second.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from deepreview.store.declines import Decline, add_decline
from deepreview.store.store import Store

RID = "20261205-101500-feature"


def _decline(review_id: str) -> Decline:
    return Decline(
        series="branch:feature",
        fingerprint="f" * 16,
        review_id=review_id,
        finding_id="I1",
        title="Division by zero is not handled",
        path="calc.py",
        start_line=3,
        end_line=None,
        reviewed_sha="b" * 40,
        round=2,
        reason="by design",
        created_at="2026-12-05T10:15:00+00:00",
    )


def test_the_id_of_a_deleted_review_with_a_decline_is_not_reused(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    rid, folder = store.create_review_dir(RID)
    assert rid == RID
    add_decline(store, _decline(rid))
    shutil.rmtree(folder)  # `delete` removes the folder; the decline stays
    again, _ = store.create_review_dir(RID)
    assert again == f"{RID}-2"


def test_an_id_no_decline_names_is_free_again(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    _rid, folder = store.create_review_dir(RID)
    add_decline(store, _decline("20261205-090000-feature"))
    shutil.rmtree(folder)
    assert store.create_review_dir(RID)[0] == RID
