"""A PR's unresolved review threads in the pipeline: fetched once before the seats run (kept in
the run folder's `threads.json`), shown to every seat as fenced data, and after the seats the
report's `## Unresolved Feedback` section with what each seat concluded.

Nothing here can sink a review: a failed fetch is a note under Review Process Notes.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from deepreview.consolidate import SeatReview
from deepreview.consolidate.feedback import feedback_section, thread_verdicts
from deepreview.errors import StoreError
from deepreview.feedback import FetchedThreads
from deepreview.github.client import GitHubClient
from deepreview.github.threads import fetch_threads
from deepreview.model import Report
from deepreview.prompts.feedback import threads_prompt
from deepreview.runfiles import THREADS_JSON
from deepreview.serialize import threads_from_data, threads_to_json
from deepreview.store.redact import Redactor
from deepreview.store.store import Store
from deepreview.targets.target import Target


def stored_threads(review_dir: Path) -> FetchedThreads | None:
    """What the review fetched, or None when it fetched nothing (not a PR, or an older run)."""
    path = review_dir / THREADS_JSON
    try:
        return threads_from_data(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreError(
            f"cannot read {path} ({type(exc).__name__}); delete it and `resume` fetches the "
            "threads again"
        ) from exc


def threads_for(
    target: Target, store: Store, review_dir: Path, env: Mapping[str, str], redactor: Redactor
) -> FetchedThreads | None:
    """The PR's threads: the stored ones, else fetched now and stored (None for other targets)."""
    pr = target.pr
    if pr is None or not pr.repo:
        return None
    stored = stored_threads(review_dir)
    if stored is not None:
        return stored
    fetched = fetch_threads(GitHubClient(env, target.repo_root), pr.repo, pr.number)
    store.write_text(review_dir / THREADS_JSON, redactor.json_text(threads_to_json(fetched)))
    # Read back what was stored, so the prompt and the report show the redacted text.
    return stored_threads(review_dir) or fetched


def prompt_addition(
    fetched: FetchedThreads | None,
    fences: tuple[Callable[[str], str], Callable[[str], str]],
) -> str:
    if fetched is None:
        return ""
    return threads_prompt(fetched.threads, fence_open=fences[0], fence_close=fences[1])


def apply(report: Report, review_dir: Path, seat_reviews: Sequence[SeatReview]) -> Report:
    """`report` with the Unresolved Feedback section and the fetch note, from `threads.json`."""
    fetched = stored_threads(review_dir)
    if fetched is None:
        return report
    if fetched.note:
        notes = dataclasses.replace(
            report.process_notes, github=(*report.process_notes.github, fetched.note)
        )
        report = dataclasses.replace(report, process_notes=notes)
    if not fetched.threads:
        return report
    verdicts = thread_verdicts(fetched.threads, seat_reviews)
    return dataclasses.replace(
        report,
        unresolved_feedback=verdicts,
        extra_sections=(*report.extra_sections, feedback_section(verdicts)),
    )


__all__ = ["apply", "prompt_addition", "stored_threads", "threads_for"]
