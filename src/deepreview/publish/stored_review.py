"""Which stored review a publication posts: the PR review `review_id` as the store holds it (its
run state, its report cleaned of bidi controls, its PR), the previous round's report and the
fingerprints of every round along the carry chain, by which earlier inline comments are found
(`lineage`). Reads only; refuses a review that is not of a PR or has no report yet.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from deepreview.errors import StoreError, UsageError
from deepreview.formats import renderer
from deepreview.model import Report
from deepreview.pipeline.runstate import RunState, load_state
from deepreview.publish.lineage import Fingerprints, lineage
from deepreview.serialize import report_from_data
from deepreview.store.report_files import checked_report_path
from deepreview.store.store import Store
from deepreview.untrusted_text import clean_strings


@dataclass(frozen=True)
class StoredReview:
    """A PR review as the store holds it, with what its publication reads of earlier rounds."""

    review_id: str
    state: RunState
    report: Report
    repo: str
    number: int
    previous: Report | None  # a later round's previous round, read from the store
    # By finding ID, the fingerprints of this round's findings and of the previous round's
    # along their carry chains (`lineage`): their inline comments may carry any of them.
    fingerprints: Fingerprints = dataclasses.field(default_factory=dict)
    previous_fingerprints: Fingerprints = dataclasses.field(default_factory=dict)
    # (round, finding ID) -> its fingerprints, for every round read: a declined finding's
    # inline comment is found by them (`declined`).
    by_round: Mapping[tuple[int, str], frozenset[str]] = dataclasses.field(default_factory=dict)


def load_stored_review(store: Store, review_id: str) -> StoredReview:
    """Stored review `review_id` of a PR, with its report and earlier rounds' fingerprints;
    a usage error when it is no PR review or has no report to publish."""
    state = load_state(store.review_dir(review_id))
    pr = state.target.pr
    if pr is None:
        raise UsageError(
            f"publish needs a PR review, and {review_id} reviewed "
            f"{state.target.kind} {state.target.branch or state.target.spec or ''}".rstrip()
            + "; run `deep-review review 123` (the PR's number) to review the pull request"
        )
    repo = pr.repo or (state.target.repo_name if "/" in state.target.repo_name else None)
    if repo is None:
        raise UsageError(
            f"review {review_id} does not know the PR's repository; set GH_REPO=owner/name "
            "(or host/owner/name) "
            "and review the PR again"
        )
    path = checked_report_path(store.root, review_id, state.status)
    try:
        report = _stored_report(path)
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc
    rounds = _rounds(store, report)
    chain = [*lineage(rounds), {}, {}]
    previous = rounds[1] if len(rounds) > 1 else None
    by_round = {
        (r.round_info.number if r.round_info is not None else 1, fid): fps
        for r, fps_by_id in zip(rounds, chain, strict=False)
        for fid, fps in fps_by_id.items()
    }
    return StoredReview(
        review_id, state, report, repo, pr.number, previous, chain[0], chain[1], by_round
    )


_ROUNDS_READ = 200  # a bound on the carry chain followed back, against a looping store


def _rounds(store: Store, report: Report) -> list[Report]:
    """`report`, then the round it compared with, and so on back to the first round: round
    N-1's report is the one whose findings the replies name, all of them the carry chain of
    fingerprints (`lineage`). It stops at a round gone from the store (none before it: then,
    without round N-1, no reply is sent)."""
    rounds = [report]
    seen: set[str] = set()
    while len(rounds) < _ROUNDS_READ:
        info = rounds[-1].round_info
        if info is None or not info.previous_review_id or info.previous_review_id in seen:
            break
        seen.add(info.previous_review_id)
        path = store.root / renderer("json").file_name(info.previous_review_id)
        try:
            rounds.append(_stored_report(path))
        except (OSError, ValueError, StoreError):
            break
    return rounds


def _stored_report(path: Path) -> Report:
    """A stored report, cleaned as seat text is when it enters the model: one stored before
    bidi controls were shown still shows them on GitHub (`untrusted_text`)."""
    return clean_strings(report_from_data(json.loads(path.read_text(encoding="utf-8")), str(path)))
