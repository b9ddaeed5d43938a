"""Passes (`--passes N`, `--thorough`): a seat whose pass k found a Critical/Important issue
reviews again (pass k+1) with its earlier findings in the prompt and the instruction to look
where it has not looked yet. A seat stops early when a pass finds nothing new.

All passes of a seat run in the seat's one worktree, in its own thread (`runner.SeatPasses`):
a seat's pass 2 starts as soon as its pass 1 is done, whatever the other seats are doing. Each
pass's files are the runfiles of that pass number; `run.json` records per seat what each pass
found and how long it took (`SeatEntry.passes`), for `resume`, the appendix and the retro.

The seats call `SeatPassRecorder` for every review, single-pass too (it records each seat's
result in run.json): it is imported before the first seat starts, so the parser and the
report's model are imported (in the functions below) only once a pass has to be read.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from deepreview.late_imports import LATE_IMPORTS
from deepreview.pipeline.context import StateWriter
from deepreview.pipeline.runstate import RERUN_STATUSES, PassEntry, RunState, SeatEntry
from deepreview.prompts.review import new_nonce, untrusted_fences
from deepreview.runfiles import read_stored_text, review_name, seat_files
from deepreview.runmodel import SeatRun, added_runs, format_duration, outcome_phrase
from deepreview.runner import SeatResult

if TYPE_CHECKING:
    from collections.abc import Mapping

    from deepreview.model import AgentReview, Finding, Report


def _serious(findings: Sequence[Finding]) -> bool:
    from deepreview.model import Severity

    return any(f.severity in (Severity.CRITICAL, Severity.IMPORTANT) for f in findings)


def pass_prompt(base_prompt: str, pass_no: int, earlier: Sequence[Finding]) -> str:
    # The earlier findings' titles and places are the seat's words about the author's text (a
    # file name, a quoted comment): data, fenced like the rest. The block has a marker of its
    # own, as unpredictable to the author as the base prompt's.
    fence_open, fence_close = untrusted_fences(new_nonce())
    lines = [
        "",
        f"## Pass {pass_no}: look where you have not looked yet",
        "",
        f"This is pass {pass_no} of your review of this change. Your earlier passes already "
        "reported the findings below; do not report them again. Look where you have not looked "
        "yet (other files, other call paths, error handling, concurrency, tests) and report only "
        "new findings, in the same output format. If you find nothing new, say so with empty "
        "severity sections.",
        "",
        fence_open("earlier-findings"),
        *(
            f"- {f.id}. {f.title} — `{', '.join(str(loc) for loc in f.locations)}` "
            f"({f.severity.value})"
            for f in earlier
        ),
        fence_close("earlier-findings"),
    ]
    return base_prompt + "\n".join(lines) + "\n"


def checkout_prefixes(checkout: Path | None) -> tuple[str, ...]:
    """The checkout's folder as a seat may write it in a place: as given and with its links
    resolved (`/tmp` is `/private/tmp` on macOS). A seat that reads the checkout itself (a
    command seat, an editor's `file://` link) cites it, not its own worktree."""
    if checkout is None:
        return ()
    return tuple(dict.fromkeys((str(checkout), os.path.realpath(checkout))))


def _findings(
    text: str,
    seat: str,
    pass_no: int,
    known_files: Iterable[str] = (),
    repository: Collection[str] = (),
    checkout: Path | None = None,
) -> tuple[Finding, ...]:
    # in a seat's thread, while the main thread may import too (`late_imports`)
    with LATE_IMPORTS:
        from deepreview.findings.parse import parse_review

        review = parse_review(
            text,
            seat=seat,
            pass_no=pass_no,
            worktree_prefixes=checkout_prefixes(checkout),
            known_files=known_files,
            repository=repository,
        )
        return review.findings


def _new(found: Sequence[Finding], earlier: Sequence[Finding], seat: str) -> list[Finding]:
    with LATE_IMPORTS:
        from deepreview.consolidate.pass_repeats import repeats
        from deepreview.rounds.matching import same_finding

        again = repeats(found, earlier, seat=seat)
        return [
            f
            for n, f in enumerate(found)
            if n not in again and not any(same_finding(f, e) for e in earlier)
        ]


class SeatPassRecorder:
    """Records every pass of every seat in run.json and decides whether a seat goes on.

    `starts`: on `resume`, the seats that owe a later pass (seat -> pass number); every other
    seat starts with pass 1. `once`: the seats whose review is the same on every run (the
    static seat, `Agent.deterministic`): they never go on to a later pass.
    """

    def __init__(
        self,
        writer: StateWriter,
        review_dir: Path,
        *,
        passes: int,
        prompt: str,
        starts: Mapping[str, int] | None = None,
        once: Collection[str] = (),
    ) -> None:
        self.writer, self.review_dir = writer, review_dir
        self.passes, self.prompt = passes, prompt
        self.starts = dict(starts or {})
        self.once = frozenset(once)
        self._earlier: dict[str, list[Finding]] = {}
        self._lock = threading.Lock()

    def start(self, seat: str) -> tuple[int, str]:
        pass_no = self.starts.get(seat, 1)
        if pass_no == 1:
            return 1, self.prompt
        earlier = self._stored_earlier(seat, pass_no)
        with self._lock:
            self._earlier[seat] = earlier
        return pass_no, pass_prompt(self.prompt, pass_no, earlier)

    def spent(self, seat: str) -> float:
        """Seconds the seat's passes before the one `start` gives ran (on `resume`, from
        run.json): its passes share its timeout."""
        start = self.starts.get(seat, 1)
        if start == 1:
            return 0.0
        entries = self.writer.state.seats[seat].passes
        return sum(e.duration_s or 0.0 for e in entries if e.pass_no < start and e.status == "ok")

    def _stored_earlier(self, seat: str, before: int) -> list[Finding]:
        """The findings of the seat's finished passes before `before`, as the seat reported
        them (a resumed run rebuilds them from the stored reviews)."""
        entries = {e.pass_no: e for e in self.writer.state.seats[seat].passes}
        earlier: list[Finding] = []
        for k in range(1, before):
            entry = entries.get(k)
            path = seat_files(self.review_dir, seat, k).review
            if entry is None or entry.status != "ok" or not path.is_file():
                continue
            found = _findings(read_stored_text(path), seat, k)
            earlier += found if k == 1 else _new(found, earlier, seat)
        return earlier

    def after(self, result: SeatResult) -> str | None:
        from deepreview.model import count_by_severity, format_counts

        seat, pass_no, ok = result.seat, result.pass_no, result.run.status == "ok"
        new: list[Finding] = []
        found: tuple[Finding, ...] = ()
        if self.passes > 1 and ok:
            found = _findings(result.review_text, seat, pass_no)
            with self._lock:
                earlier = self._earlier.setdefault(seat, []) if pass_no > 1 else []
                new = list(found) if pass_no == 1 else _new(found, earlier, seat)
                self._earlier[seat] = [*earlier, *new]
        go_on = ok and pass_no < self.passes and seat not in self.once and _serious(new)
        entry = PassEntry(
            pass_no=pass_no,
            status=result.run.status,
            duration_s=result.run.duration_s,
            findings=format_counts(count_by_severity(list(found))),
            new=len(new),
            worktree_changes=result.run.worktree_changes if pass_no > 1 else (),
            reason=None if ok else result.run.reason,
        )
        self.writer.update(lambda s: _recorded(s, result, entry, go_on, self.passes))
        if not go_on:
            return None
        with self._lock:
            earlier = list(self._earlier[seat])
        return pass_prompt(self.prompt, pass_no + 1, earlier)


def _recorded(
    state: RunState, result: SeatResult, entry: PassEntry, go_on: bool, passes: int
) -> RunState:
    """`state` with one finished pass; with `go_on`, the seat's next pass is running (and owed
    to `resume` if the run stops before it ends)."""
    seat = state.seats[result.seat]
    if result.pass_no == 1:
        state = state.with_seat(
            result.seat,
            status=result.run.status,
            reason=result.run.reason,
            run=result.run,
            files=seat_files(Path("."), result.seat).names(),
        )
        earlier: tuple[PassEntry, ...] = ()
    else:
        earlier = tuple(e for e in seat.passes if e.pass_no < entry.pass_no)
        if seat.run is not None and result.run.status not in RERUN_STATUSES:
            # The seat's run is what all its passes spent; its status stays pass 1's (a later
            # pass that fails leaves the seat's review standing). A pass cut short is not
            # added: `resume` runs it again, as it runs again a seat cut short in pass 1.
            total = added_runs(seat.run, result.run, seat=result.seat)
            reason = seat.run.reason
            if seat.run.status == "ok" and result.run.status != "ok":
                # its review stands, but the pass that did not end ok is said wherever the
                # seat's run is (summary, --json, the Runs table), not passed over as "ok"
                reason = pass_outcome(entry, (*earlier, entry), named=True)
            run = dataclasses.replace(total, status=seat.run.status, reason=reason)
            state = state.with_seat(result.seat, run=run)
    if passes <= 1:
        return state
    # the seat goes on to its next pass at once, in its own worktree
    following = (PassEntry(entry.pass_no + 1, status="running"),) if go_on else ()
    return state.with_seat(result.seat, passes=(*earlier, entry, *following))


def interrupted_passes(state: RunState) -> RunState:
    """Later passes cut short are owed again (`pending`), like seats."""
    for name, entry in state.seats.items():
        if any(e.status in RERUN_STATUSES for e in entry.passes):
            passes = tuple(
                dataclasses.replace(e, status="pending") if e.status in RERUN_STATUSES else e
                for e in entry.passes
            )
            state = state.with_seat(name, passes=passes)
    return state


def seat_runs_after_interrupt(state: RunState) -> list[SeatRun]:
    """Each seat's run as the summary of an interrupted review tells it (after
    `interrupted_passes`): a seat whose later pass the interrupt cut short was stopped, though
    its pass 1 ended ok (run.json keeps that `ok`: `resume` reruns only the pass owed)."""
    runs = []
    for entry, run in zip(state.seats.values(), state.seat_runs(), strict=True):
        cut = [e.pass_no for e in entry.passes if e.status == "pending"]
        if run.status == "ok" and cut:
            why = f"interrupted in pass {cut[0]} ({_kept(entry.passes)} kept)"
            run = dataclasses.replace(run, status="interrupted", reason=why)
        runs.append(run)
    return runs


def _kept(passes: Sequence[PassEntry]) -> str:
    """`pass 1`, `passes 1, 2`: the passes whose reviews stand."""
    kept = [str(e.pass_no) for e in passes if e.status == "ok"]
    return f"pass {kept[0]}" if len(kept) == 1 else f"passes {', '.join(kept)}"


def pass_outcome(entry: PassEntry, passes: Sequence[PassEntry], *, named: bool = False) -> str:
    """A later pass that did not end ok, as the retro says it (`timed out: the seat's 3.0 s
    timeout ran out (pass 1 kept)`); `named`: as the seat's reason says it (`pass 2 timed out:
    …`). Never its empty counts: "0C 0I 0S (0 new)" would read as a pass that looked again
    and found nothing new."""
    what = outcome_phrase(entry.status, entry.reason)
    kept = f"({_kept([e for e in passes if e.pass_no < entry.pass_no])} kept)"
    return f"pass {entry.pass_no} {what} {kept}" if named else f"{what} {kept}"


def later_texts(review_dir: Path, entry: SeatEntry) -> list[tuple[int, str]]:
    out = []
    for e in entry.passes:
        path = review_dir / review_name(entry.seat, e.pass_no)
        if e.pass_no >= 2 and e.status == "ok" and path.is_file():
            out.append((e.pass_no, read_stored_text(path)))
    return out


def _failed_texts(review_dir: Path, entry: SeatEntry, name: str) -> list[tuple[int, str]]:
    """What each later pass that did not end ok printed, said to be no part of the findings: the
    appendix holds every pass, as it holds a failed seat's output (`failed_output_entry`)."""
    out = []
    for e in entry.passes:
        if e.pass_no < 2 or e.status in ("ok", "pending", "running"):
            continue
        path = review_dir / review_name(entry.seat, e.pass_no)
        text = read_stored_text(path).strip() if path.is_file() else ""
        note = (
            f"*{name}'s {pass_outcome(e, entry.passes, named=True)}; "
            + ("this is what it printed, " if text else "it printed nothing, ")
            + "marked as failed and not read for findings.*"
        )
        out.append((e.pass_no, f"{note}\n\n{text}" if text else note))
    return out


def merged_review(
    review: AgentReview,
    review_dir: Path,
    entry: SeatEntry,
    known_files: Iterable[str] = (),
    repository: Collection[str] = (),
    checkout: Path | None = None,
) -> AgentReview:
    """Pass 1's review with the new findings of later passes added (numbered on), each pass's
    text parsed as pass 1's was (`known_files`, `repository`, `checkout`: `stored_review`'s).

    A later pass's repeat of an earlier pass's finding (`pass_repeats`) is that finding, graded
    the more severe of the two; it keeps its ID, which the seat's coverage and notes name."""
    from deepreview.consolidate.pass_repeats import repeats
    from deepreview.model import SEVERITIES
    from deepreview.rounds.matching import same_finding

    known = tuple(known_files)
    findings = list(review.findings)
    for pass_no, text in later_texts(review_dir, entry):
        found = _findings(text, entry.seat, pass_no, known, repository, checkout)
        again = repeats(found, findings, seat=entry.seat, known_files=known)
        for n, f in enumerate(found):
            if n in again:
                e = findings[again[n]]
                if f.severity.rank < e.severity.rank:
                    findings[again[n]] = dataclasses.replace(e, severity=f.severity)
                continue
            if any(same_finding(f, e) for e in findings):
                continue
            used = {e.id for e in findings}
            k = 1 + sum(1 for e in findings if e.severity == f.severity)
            while f"{f.severity.letter}{k}" in used:
                k += 1
            findings.append(dataclasses.replace(f, id=f"{f.severity.letter}{k}"))
    ordered = tuple(f for s in SEVERITIES for f in findings if f.severity == s)
    return dataclasses.replace(review, findings=ordered)


def pass_notes(state: RunState, labels: Mapping[str, str]) -> list[str]:
    """Header notes for later passes that modified the (shared, read-only) worktree; `labels`:
    seat -> the name the report gives it."""
    notes = []
    for entry in state.seats.values():
        for e in entry.passes:
            if e.pass_no >= 2 and e.worktree_changes:
                notes.append(
                    f"Seat {labels.get(entry.seat, entry.seat)} modified its worktree in pass "
                    f"{e.pass_no} "
                    f"({len(e.worktree_changes)} paths: "
                    + ", ".join(c.strip() for c in e.worktree_changes[:5])
                    + ")."
                )
    return notes


def runs_once(kind: str) -> bool:
    """Whether a seat of this adapter (`kind`, or the seat's name) runs one pass whatever
    `--passes` says (`Agent.deterministic`)."""
    from deepreview.agents.registry import BUILTINS, get_agent

    return kind in BUILTINS and get_agent(kind).deterministic


def add_passes(
    report: Report,
    review_dir: Path,
    state: RunState,
    names: dict[str, str],
    once: Collection[str] = (),
) -> Report:
    """Appendix entries `### [Name] — Pass k` and per-pass retro lines for multi-pass seats.
    `names`: seat -> heading name; `once`: the seats that run one pass (`runs_once`), whose
    retro says why when more were asked for."""
    from deepreview.model import AppendixEntry

    many = state.settings.passes > 1
    if not any(len(e.passes) > 1 for e in state.seats.values()) and not (many and once):
        return report
    appendix = list(report.appendix)
    for seat, name in names.items():
        if seat not in state.seats:
            continue
        shown = later_texts(review_dir, state.seats[seat])
        shown += _failed_texts(review_dir, state.seats[seat], name)
        for pass_no, text in sorted(shown):
            at = max((i for i, a in enumerate(appendix) if a.name == name), default=None)
            entry = AppendixEntry(name, pass_no, text)
            appendix.insert(len(appendix) if at is None else at + 1, entry)
    seats = []
    for s in report.retro.seats:
        entries = [e for e in state.seats[s.seat].passes] if s.seat in state.seats else []
        done = [e for e in entries if e.status not in ("pending", "running")]
        if len(done) > 1:
            lines = "; ".join(
                f"pass {e.pass_no}: "
                + (f"{e.findings} ({e.new} new)" if e.status == "ok" else pass_outcome(e, done))
                + (
                    f" in {format_duration(e.duration_s)}"
                    if e.duration_s is not None and e.status == "ok"
                    else ""
                )
                for e in done
            )
            s = dataclasses.replace(s, narrative=f"{s.narrative}\n\nPasses — {lines}.".strip())
        elif many and s.seat in once and [e.status for e in done] == ["ok"]:
            # not "stopped early": it found as much as a second pass would have
            why = (
                "Passes — one: its analyzers find the same on every pass, so "
                f"`--passes {state.settings.passes}` ran them once."
            )
            s = dataclasses.replace(s, narrative=f"{s.narrative}\n\n{why}".strip())
        seats.append(s)
    retro = dataclasses.replace(report.retro, seats=tuple(seats))
    return dataclasses.replace(report, appendix=tuple(appendix), retro=retro)
