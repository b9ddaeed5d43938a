"""Run the lead agent: like a seat (own worktree at the review SHA, isolated home, measured),
then parse its answer; one more run when the answer is not valid JSON for the schema (an
answer the model's output limit cut is such an answer, not a failed lead). A run its timeout
stopped after its text already held a whole, valid answer has answered: that answer is used.

Files in the review dir (all redacted): `prompt-lead.md` (pass 1; a retry's prompt is
`prompt-lead-pass-2.md`), `transcript-lead-pass-N.jsonl`, `stderr-lead-pass-N.log`,
`review-lead-pass-N.md` (the lead's final text), `lead-answer-N.json` (the JSON document found
in it) and `lead-errors-N.txt` (why it was rejected). A new lead run replaces the files of an
earlier one (`relead`).
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from deepreview.agents._cli import UNFINISHED_REVIEW
from deepreview.lead.answer import AnswerError, LeadAnswer, extract_json, parse_answer
from deepreview.lead.prompt import LeadContext, Retry, build_lead_prompt
from deepreview.runfiles import (
    LEAD_ANSWER_GLOBS,
    lead_answer_name,
    lead_errors_name,
    seat_file_globs,
    seat_files,
)
from deepreview.runmodel import SeatRun, combine_runs
from deepreview.runner import EarlierRuns, SeatPlan, run_seats
from deepreview.seat_output import EMPTY_REVIEW
from deepreview.stop_signals import StopSignals
from deepreview.store.redact import Redactor
from deepreview.store.store import Store

if TYPE_CHECKING:
    from deepreview.agents.base import ProgressEvent

_FALLBACK_STATE: Final = "fallback: no usable answer, consolidated without the lead"
# The lead's run reason (its `_Lead:` line) when its timeout stopped it after a whole answer.
RAN_OUT_AFTER_ANSWERING: Final = "ran out of time after answering"
# ... and when the output limit cut its text after the JSON document had closed (what it
# wrote after the answer was cut, not the answer): `cut off by the output limit (...) after
# answering`
AFTER_ANSWERING: Final = " after answering"
_CUT_BY: Final = "cut off by "  # in an unfinished answer's reason, before what cut it


class _LeadProgress:
    """The lead's progress events, with its run's `ok` held back: a run that ended fine but
    answered no usable JSON is not `ok` on the terminal (it is asked again, or falls back)."""

    def __init__(self, forward: Callable[[ProgressEvent], None] | None) -> None:
        self.forward = forward
        self.held: ProgressEvent | None = None
        # The attempts before this one (`add`): the live line counts them all, as the
        # report's `_Lead:_` line and run.json's `lead.run` do.
        self.earlier = EarlierRuns()

    def add(self, run: SeatRun) -> None:
        self.earlier.add(run)

    def __call__(self, event: ProgressEvent) -> None:
        event = self.earlier.added(event)
        # `failed` too: a run that failed only by answering nothing is asked again; and
        # `timeout`: one stopped after a whole answer judged the review all the same
        if event.kind == "state" and event.detail in ("ok", "failed", "timeout"):
            self.held = event
        elif self.forward is not None:
            self.forward(event)

    def finish(self, state: str | None = None) -> None:
        """Say how the run that ended turned out (None: as it ended)."""
        held, self.held = self.held, None
        if held is not None and self.forward is not None:
            self.forward(held if state is None else dataclasses.replace(held, detail=state))


LEAD_SEAT: Final = "lead"  # file names and the worktree use this name, whatever agent leads
MAX_PASSES: Final = 2
_PREVIOUS_ANSWER_CHARS: Final = 40_000


@dataclass(frozen=True)
class LeadOutcome:
    status: Literal["ok", "failed", "fallback"]
    answer: LeadAnswer | None = None
    run: SeatRun | None = None  # both passes together
    reason: str | None = None  # why failed / why fallback
    passes: int = 0
    pass_runs: tuple[SeatRun, ...] = ()
    errors: tuple[str, ...] = ()  # the last answer's problems (fallback)
    files: dict[str, str] = field(default_factory=dict)


EARLIER_LEADS = "earlier-leads"
FAILED_LEADS = "failed-leads"


def _lead_files(review_dir: Path) -> list[Path]:
    return [
        path
        for pattern in (*seat_file_globs(LEAD_SEAT), *LEAD_ANSWER_GLOBS)
        for path in sorted(review_dir.glob(pattern))
        if path.is_file()
    ]


def _move_to_next(files: list[Path], root: Path) -> Path:
    """`files` into `root/N/`, N one past the highest number there."""
    taken = [int(d.name) for d in root.glob("*") if d.is_dir() and d.name.isdigit()]
    dest = root / str(max(taken, default=0) + 1)
    dest.mkdir(parents=True)
    for path in files:
        path.rename(dest / path.name)
    return dest


def clear_lead_files(review_dir: Path) -> Path | None:
    """Move an earlier lead's files out of the way of the next lead (a `relead`): into
    `earlier-leads/N/`, never deleted, since that lead's run was paid for and its transcript
    is the record of what it decided. Returns that folder (None: there were no files)."""
    files = _lead_files(review_dir)
    return _move_to_next(files, review_dir / EARLIER_LEADS) if files else None


def restore_earlier_lead(review_dir: Path, set_aside: Path | None) -> Path | None:
    """Undo `clear_lead_files` (which returned `set_aside`) when the report of the lead it set
    aside stands after all (a relead whose lead failed or was stopped): this run's lead files
    go to `failed-leads/N/` (its transcript says why it failed), the set-aside ones come back,
    so the folder again holds the run behind the stored report. Returns where this run's files
    are (None: it left none)."""
    failed = _lead_files(review_dir)
    kept = _move_to_next(failed, review_dir / FAILED_LEADS) if failed else None
    if set_aside is not None and set_aside.is_dir():
        for path in sorted(set_aside.iterdir()):
            path.rename(review_dir / path.name)
        set_aside.rmdir()
        if not any(set_aside.parent.iterdir()):
            set_aside.parent.rmdir()
    return kept


def _why(run: SeatRun) -> str:
    if run.status == "timeout":
        return run.reason or "timed out"
    return run.reason or run.status


def _answered_nothing(run: SeatRun, text: str) -> bool:
    """The run failed only because its final answer was empty (the agents' "empty review")."""
    return (
        run.status == "failed"
        and (run.reason or "").startswith(EMPTY_REVIEW)
        and not (text.strip())
    )


def _answered_before_timeout(run: SeatRun, text: str) -> bool:
    """The lead was stopped by its timeout after its final text already held a whole, valid
    answer (a CLI that hung after answering: no result event, or a session kept open). One
    stopped mid-answer (a fence cut off, a document that does not validate) is no answer."""
    if run.status != "timeout" or not text.strip():
        return False
    try:
        parse_answer(text)
    except AnswerError:
        return False
    return True


def _cut_off(run: SeatRun) -> str | None:
    """What cut the lead's answer short (`the output limit (stop_reason: max_tokens)`), or None:
    its CLI said the model's output limit or context window ended the answer. Such an answer
    is asked for again, as one that does not parse is, not a failed lead: the next may fit."""
    reason = run.reason or ""
    if run.status != "failed" or not reason.startswith(f"{UNFINISHED_REVIEW}: "):
        return None
    what = reason.split(_CUT_BY, 1)[1] if _CUT_BY in reason else ""
    return what or "its CLI"


def _cut_error(what: str) -> str:
    """The problem the retry prompt (and a fallback's reason) gives for a cut answer."""
    return (
        f"the answer was cut off by {what} before its JSON document ended; write the whole "
        "document again, shorter: one-sentence reasons, no long code excerpts"
    )


def _unanswered(
    status: Literal["failed", "fallback"],
    runs: list[SeatRun],
    name: str,
    reason: str,
    *,
    passes: int,
    files: dict[str, str],
    errors: tuple[str, ...] = (),
) -> LeadOutcome:
    """The lead's end without a usable answer: its passes so far as one run, and why."""
    return LeadOutcome(
        status,
        run=combine_runs(runs, name),
        reason=reason,
        passes=passes,
        pass_runs=tuple(runs),
        errors=errors,
        files=files,
    )


def run_lead_agent(
    plan: SeatPlan,
    ctx: LeadContext,
    *,
    store: Store,
    review_dir: Path,
    env: Mapping[str, str],
    redactor: Redactor,
    allow_exec: bool = False,
    on_progress: Callable[[ProgressEvent], None] | None = None,
) -> LeadOutcome:
    """Run the lead (at most twice) and parse its answer. Never raises for the lead's failure."""
    name = plan.seat  # the agent that leads (claude, codex, ...)
    plan = dataclasses.replace(plan, seat=LEAD_SEAT, writes_review=False)
    clear_lead_files(review_dir)
    files: dict[str, str] = {}
    runs: list[SeatRun] = []
    retry: Retry | None = None
    errors: tuple[str, ...] = ()
    progress = _LeadProgress(on_progress)
    for pass_no in range(1, MAX_PASSES + 1):
        prompt = build_lead_prompt(ctx, retry)
        with StopSignals() as stop:
            results, interrupted = run_seats(
                [plan],
                on_result=lambda _result: None,
                cancel=threading.Event(),
                stop=stop,
                target=ctx.target,
                prompt=prompt,
                store=store,
                review_dir=review_dir,
                ledger=store.ledger(review_dir.name),
                env=env,
                redactor=redactor,
                allow_exec=allow_exec,
                pass_no=pass_no,
                on_progress=progress,
            )
        if interrupted or (results and results[0].run.status == "interrupted"):
            # Ctrl-C stops the review, not just the lead: a report finished without it would
            # read as complete (and `--post` would publish it); `resume` runs the lead again.
            raise KeyboardInterrupt
        names = seat_files(review_dir, LEAD_SEAT, pass_no).names()
        files["prompt" if pass_no == 1 else f"prompt_{pass_no}"] = names["prompt"]
        files[f"transcript_{pass_no}"] = names["transcript"]
        files[f"stderr_{pass_no}"] = names["stderr"]
        files[f"text_{pass_no}"] = names["review"]
        if not results:
            reason = "interrupted" if interrupted else "the lead did not run"
            return _unanswered("failed", runs, name, reason, passes=pass_no, files=files)
        result = results[0]
        if _answered_nothing(result.run, result.review_text):
            # it ended normally with no final text: an unusable answer like any other, asked
            # for again (`parse_answer` says it is empty), not a failed lead
            result = dataclasses.replace(
                result, run=dataclasses.replace(result.run, status="ok", reason=None)
            )
        late = _answered_before_timeout(result.run, result.review_text)
        if late:
            # its answer is whole: what it was doing when stopped cannot change it, and the
            # review is not thrown away for the CLI's hang on its way out (`_Lead:` says so)
            why = _why(result.run)
            run = dataclasses.replace(result.run, reason=f"{RAN_OUT_AFTER_ANSWERING} ({why})")
            result = dataclasses.replace(result, run=run)
        cut = _cut_off(result.run)
        runs.append(result.run)
        progress.add(result.run)
        if result.run.status != "ok" and not late and cut is None:
            progress.finish()
            return _unanswered("failed", runs, name, _why(result.run), passes=pass_no, files=files)
        combined = combine_runs(runs, name)
        text = result.review_text
        found = extract_json(text)
        if found is not None:
            answer_file = review_dir / lead_answer_name(pass_no)
            document = json.dumps(found[0], indent=2, ensure_ascii=False, allow_nan=False) + "\n"
            store.write_text(answer_file, redactor.json_text(document))
            files[f"answer_{pass_no}"] = answer_file.name
        try:
            answer = parse_answer(text)
        except AnswerError as exc:
            # a cut answer's JSON error only says where the cut fell: the cut is the problem
            errors = exc.errors if cut is None else (_cut_error(cut),)
            errors_file = review_dir / lead_errors_name(pass_no)
            store.write_text(errors_file, redactor.text("\n".join(errors) + "\n"))
            files[f"errors_{pass_no}"] = errors_file.name
            retry = Retry(errors=errors, previous=text[-_PREVIOUS_ANSWER_CHARS:])
            last = pass_no == MAX_PASSES
            progress.finish(_FALLBACK_STATE if last else "answer not usable, asking again")
            continue
        if cut is not None:
            # the cut fell after the whole document: the answer is used, and the run reads as
            # what happened (not the adapter's "unfinished review", nor a failed run)
            run = dataclasses.replace(
                result.run, status="ok", reason=f"{_CUT_BY}{cut}{AFTER_ANSWERING}"
            )
            runs[-1] = run
            combined = combine_runs(runs, name)
        said = RAN_OUT_AFTER_ANSWERING if late else runs[-1].reason if cut is not None else None
        progress.finish(f"ok, {said}" if said else "ok")
        return LeadOutcome(
            "ok", answer=answer, run=combined, passes=pass_no, pass_runs=tuple(runs), files=files
        )
    reason = (
        f"answered {MAX_PASSES} times without a valid JSON document for the schema "
        f"({'; '.join(errors[:3])})"
    )
    return _unanswered(
        "fallback", runs, name, reason, passes=MAX_PASSES, files=files, errors=errors
    )


__all__ = [
    "LEAD_SEAT",
    "MAX_PASSES",
    "RAN_OUT_AFTER_ANSWERING",
    "LeadOutcome",
    "clear_lead_files",
    "combine_runs",
    "run_lead_agent",
]
