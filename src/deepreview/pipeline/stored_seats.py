"""The seats' side of a report, read back from the review folder: each seat's review (parsed,
or a structured seat's findings), the reviewer line it is credited as, what it printed when it
failed, and the notes its run leaves under the report's header.

`finish` builds the report from these, and so do `resume` and `relead` through it; a
`--seat-only` run reads its one seat's review here to mask what it flagged as a secret.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from deepreview.agents.model_names import pretty_model
from deepreview.agents.registry import takes_effort
from deepreview.consolidate import SeatReview
from deepreview.consolidate.inputs import is_model_backed
from deepreview.errors import StoreError
from deepreview.findings.finding_draft import one_line
from deepreview.findings.parse import parse_review
from deepreview.findings.readable import UNFINISHED, UNPARSEABLE
from deepreview.model import AgentReview, Reviewer
from deepreview.pipeline import passes_step, secret_sweep
from deepreview.pipeline.context import Prepared
from deepreview.pipeline.passes_step import checkout_prefixes
from deepreview.pipeline.runstate import RunState, SeatEntry
from deepreview.runfiles import read_stored_text, seat_files, stderr_pointer
from deepreview.runmodel import SeatRun, format_bytes, format_duration
from deepreview.serialize import review_from_data
from deepreview.store.redact import Redactor
from deepreview.targets.target import Target
from deepreview.targets.tree import paths_at
from deepreview.untrusted_text import clean_text


def reviewer_for(entry: SeatEntry, run: SeatRun, p: Prepared, shared: bool = False) -> Reviewer:
    """`shared`: another seat of the review has the same name; this one is then named with its
    seat ID beside it (`Reviewer (lint-1)`), as the notes name it (`seat_labels`): a report
    whose reviewers cannot be told apart cannot say who found what."""
    seat = entry.seat
    settings = p.settings.seat(seat)
    # the ID as the report shows it (`Opus 4.6`); run.json and the statistics keep the ID
    shown = pretty_model(run.model or settings.model or "", entry.display_name)
    model = settings.model_label or shown
    return Reviewer(
        seat=seat,
        name=f"{entry.display_name} ({seat})" if shared else entry.display_name,
        model=model or None,
        # Shown only where it did something: Gemini's CLI and the static seat take no effort.
        effort=settings.effort if takes_effort(settings.kind or seat) else None,
    )


def seat_notes(
    runs: list[SeatRun], review_dir: Path | None = None, labels: Mapping[str, str] | None = None
) -> list[str]:
    """The per-seat notes `finish_review` puts under the header (failures, truncation, edits).
    A seat whose text was no review is quoted: "unparseable review" alone hides whether it hit
    a quota, crashed or gave up. `labels`: seat -> the name the report gives it
    (`seat_labels`)."""
    notes: list[str] = []
    label = {run.seat: (labels or {}).get(run.seat) or run.seat for run in runs}
    for run in runs:
        if run.status != "ok":
            said = _first_words(review_dir, run.seat) if run.reason == UNPARSEABLE else ""
            said = f" (it said: “{said}”)" if said else ""
            if run.reason == UNFINISHED:
                # where it stopped tells whether it ran out of turns or announced more work
                last = _last_words(review_dir, run.seat)
                said = f" (it ended: “{last}”)" if last else ""
            notes.append(
                f"Seat {label[run.seat]} {run.outcome_text}{said}"
                f"{_stderr_pointer(review_dir, run)}."
            )
        if run.transcript_cut_at is not None:
            cap = format_bytes(run.transcript_cut_at)
            notes.append(
                f"{label[run.seat]}'s output went over {cap}: its stored transcript keeps its "
                f"first {cap} and its last lines."
            )
        elif run.output_truncated:
            # named as the report's reviewer headings and retro name it ("Gemini", not "gemini")
            notes.append(
                f"{label[run.seat]}'s output was truncated: it printed more than a review can hold "
                "(1 MiB), so only its beginning and its end are in this report (see its stored "
                "transcript)."
            )
        if run.stopped_after_result_s is not None:
            after = format_duration(run.stopped_after_result_s)
            notes.append(
                f"{label[run.seat]} was still running {after} after its final result (kept "
                "alive by something it started): it was stopped then."
            )
        if run.worktree_changes:
            notes.append(
                f"Seat {label[run.seat]} modified its worktree ({len(run.worktree_changes)} paths: "
                + ", ".join(c.strip() for c in run.worktree_changes[:5])
                + ")."
            )
    return notes


def _stderr_pointer(review_dir: Path | None, run: SeatRun) -> str:
    """Where the failed seat's stderr is, as a path beside the report (`<ID>/stderr-…`)."""
    if run.status not in ("failed", "timeout"):
        return ""
    return stderr_pointer(review_dir, run.seat)


def _stored_output(review_dir: Path | None, seat: str) -> str:
    """The seat's stored (redacted) output of pass 1, cleaned as a seat's review is (it goes
    into a note as it is); "" when there is none."""
    if review_dir is None:
        return ""
    path = seat_files(review_dir, seat, 1).review
    try:
        return clean_text(read_stored_text(path)) if path.is_file() else ""
    except StoreError:
        return ""


def _first_words(review_dir: Path | None, seat: str) -> str:
    """The first line of prose in the seat's stored output, clipped."""
    for line in _stored_output(review_dir, seat).splitlines():
        if line.lstrip().startswith(("#", "```", "|")):
            continue  # a heading or table says nothing about what went wrong
        words = line.strip().lstrip(">*-` ").strip()
        if any(c.isalnum() for c in words):
            return one_line(words, 100)
    return ""


def _last_words(review_dir: Path | None, seat: str) -> str:
    """The end of the seat's stored output, clipped from the front."""
    text = _stored_output(review_dir, seat)
    prose = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    words = " ".join(" ".join(prose).split())
    return words if len(words) <= 100 else "…" + words[-99:]


def _analyzer_findings_so_far(
    review_dir: Path,
    seat: str,
    known_files: Iterable[str],
    repository: Collection[str] = (),
    checkout: Path | None = None,
) -> AgentReview | None:
    """The review a timed-out analyzer seat stored, when it holds findings; None (a failed
    seat, its text in the appendix) when it found nothing or stored no readable review."""
    files = seat_files(review_dir, seat, 1)
    if not files.findings.is_file() and not files.review.is_file():
        return None
    try:
        review = stored_review(review_dir, seat, known_files, repository, checkout)
    except StoreError:
        return None
    return review if review.findings else None


def stored_review(
    review_dir: Path,
    seat: str,
    known_files: Iterable[str] = (),
    repository: Collection[str] = (),
    checkout: Path | None = None,
) -> AgentReview:
    """A structured seat's findings as it handed them over; any other seat's text, parsed
    (`known_files`: the change's files, places whatever their names look like; `repository`:
    the files and folders at the review SHA, `parse_review`'s; `checkout`: the repository's
    folder, whose absolute paths a seat may cite, `/home/me/app/a.py:3` being `a.py:3`)."""

    files = seat_files(review_dir, seat, 1)
    path = files.findings if files.findings.is_file() else files.review
    text = read_stored_text(path)
    if path == files.findings:
        try:
            return review_from_data(json.loads(text))
        except ValueError as exc:
            raise StoreError(
                f"{path} is not a valid stored review ({type(exc).__name__}); rerun the review"
            ) from exc
    return parse_review(
        text,
        seat=seat,
        pass_no=1,
        worktree_prefixes=checkout_prefixes(checkout),
        known_files=known_files,
        repository=repository,
    )


def stored_seat_reviews(
    p: Prepared, state: RunState, review_dir: Path
) -> tuple[list[SeatReview], list[Reviewer], list[SeatRun]]:
    """The seats' reviews as `finish_review` built them, from the stored files and run.json."""

    seat_reviews: list[SeatReview] = []
    reviewers: list[Reviewer] = []
    runs = state.seat_runs()
    names = Counter(entry.display_name for entry in state.seats.values())
    # what the repository holds at the review SHA: a seat's `ops/bootstrap:3` is a place there
    held = repository_paths(p.target)
    for entry, run in zip(state.seats.values(), runs, strict=True):
        reviewer = reviewer_for(entry, run, p, shared=names[entry.display_name] > 1)
        reviewers.append(reviewer)
        review = None
        later: tuple[str, ...] = ()
        kind = p.settings.seat(entry.seat).kind or entry.seat
        model_backed = is_model_backed(kind)
        changed = p.target.changed_paths
        if run.status == "ok":
            review = stored_review(review_dir, entry.seat, changed, held, p.target.repo_root)
        elif run.status == "timeout" and not model_backed:
            # An analyzer's findings are whole line by line, however many of its checks the
            # deadline stopped: what it found so far is read (the verdict says the checks did
            # not finish: `shortfalls`). A model's text cut by its timeout is not.
            review = _analyzer_findings_so_far(
                review_dir, entry.seat, changed, held, p.target.repo_root
            )
        if review is not None:
            review = passes_step.merged_review(
                review, review_dir, entry, changed, held, p.target.repo_root
            )
        if run.status == "ok":
            later = tuple(text for _, text in passes_step.later_texts(review_dir, entry))
        # a seat that failed but printed something (a command seat's non-zero exit and no
        # review, output that is no review; an agent CLI's review before it failed, or before
        # its timeout stopped it): what it printed is shown in the appendix
        printed = run.status in ("failed", "timeout") and bool(run.reason) and review is None
        output = _stored_output(review_dir, entry.seat) if printed else ""
        seat_reviews.append(
            SeatReview(
                reviewer=reviewer,
                review=review,
                run=run,
                model_backed=model_backed,
                output=output,
                later_texts=later,
            )
        )
    return seat_reviews, reviewers, runs


def repository_paths(target: Target) -> frozenset[str]:
    """The files and folders at `target`'s review SHA, or none when its commit is gone (then
    the parse goes by the change's files alone, as `deep-review parse` does)."""
    return paths_at(target.repo_root, target.head_sha) or frozenset()


def mask_flagged_secrets(
    target: Target, seat_reviews: list[SeatReview], redactor: Redactor
) -> bool:
    """Teach `redactor` the values the seats flagged as secrets; True when the stored files
    must be redacted again (it knows values they were written without)."""
    reviews = [sr.review for sr in seat_reviews if sr.review is not None]
    redactor.add(secret_sweep.flagged_values(target, reviews))
    return redactor.extended
