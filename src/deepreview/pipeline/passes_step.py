"""Passes (`--passes N`, `--thorough`): a seat whose pass k found a Critical/Important issue
reviews again (pass k+1) with its earlier findings in the prompt and the instruction to look
where it has not looked yet. A seat stops early when a pass finds nothing new.

Each pass's files are the runfiles of that pass number; `passes.json` records per seat what each
pass found and how long it took, for the report's appendix and retro.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from deepreview.findings.parse import parse_review
from deepreview.model import (
    SEVERITIES,
    AgentReview,
    AppendixEntry,
    Finding,
    Report,
    Severity,
    count_by_severity,
    format_counts,
)
from deepreview.rounds.apply import same_finding
from deepreview.runfiles import PASSES_JSON, review_name
from deepreview.runner import SeatPlan, SeatResult, run_seats
from deepreview.store.store import Store

_SERIOUS = (Severity.CRITICAL, Severity.IMPORTANT)


def _serious(findings: Sequence[Finding]) -> bool:
    return any(f.severity in _SERIOUS for f in findings)


def pass_prompt(base_prompt: str, pass_no: int, earlier: Sequence[Finding]) -> str:
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
        *(
            f"- {f.id}. {f.title} — `{', '.join(str(loc) for loc in f.locations)}` "
            f"({f.severity.value})"
            for f in earlier
        ),
    ]
    return base_prompt + "\n".join(lines) + "\n"


def _findings(text: str, seat: str, pass_no: int) -> tuple[Finding, ...]:
    return parse_review(text, seat=seat, pass_no=pass_no, worktree_prefixes=()).findings


def _entry(pass_no: int, result: SeatResult, found: Sequence[Finding], new: int) -> dict[str, Any]:
    return {
        "pass": pass_no,
        "status": result.run.status,
        "duration_s": result.run.duration_s,
        "findings": format_counts(count_by_severity(list(found))),
        "new": new,
    }


def run_more_passes(
    plans: Sequence[SeatPlan],
    first: Sequence[SeatResult],
    *,
    passes: int,
    prompt: str,
    store: Store,
    review_dir: Path,
    run: Callable[..., tuple[list[SeatResult], bool]] = run_seats,
    **run_kwargs: Any,
) -> bool:
    """Passes 2..`passes` for the seats that qualify; True when interrupted."""
    record: dict[str, list[dict[str, Any]]] = {}
    earlier: dict[str, list[Finding]] = {}
    active: list[SeatPlan] = []
    by_seat = {r.seat: r for r in first}
    for plan in plans:
        result = by_seat.get(plan.seat)
        if result is None:
            continue
        found = _findings(result.review_text, plan.seat, 1) if result.run.status == "ok" else ()
        earlier[plan.seat] = list(found)
        record[plan.seat] = [_entry(1, result, found, len(found))]
        if result.run.status == "ok" and _serious(found):
            active.append(plan)
    for pass_no in range(2, passes + 1):
        still: list[SeatPlan] = []
        for plan in active:
            results, interrupted = run(
                [plan],
                on_result=lambda r: None,
                prompt=pass_prompt(prompt, pass_no, earlier[plan.seat]),
                store=store,
                review_dir=review_dir,
                pass_no=pass_no,
                **run_kwargs,
            )
            if interrupted or not results:
                _write(store, review_dir, record)
                return True
            result = results[0]
            found = (
                _findings(result.review_text, plan.seat, pass_no)
                if result.run.status == "ok"
                else ()
            )
            new = [f for f in found if not any(same_finding(f, e) for e in earlier[plan.seat])]
            earlier[plan.seat] += new
            record[plan.seat].append(_entry(pass_no, result, found, len(new)))
            _write(store, review_dir, record)
            if _serious(new):
                still.append(plan)
        active = still
    _write(store, review_dir, record)
    return False


def _write(store: Store, review_dir: Path, record: dict[str, list[dict[str, Any]]]) -> None:
    store.write_json(review_dir / PASSES_JSON, record)


def load_passes(review_dir: Path) -> dict[str, list[dict[str, Any]]]:
    path = review_dir / PASSES_JSON
    if not path.is_file():
        return {}
    data: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _later_texts(review_dir: Path, seat: str) -> list[tuple[int, str]]:
    entries = load_passes(review_dir).get(seat, [])
    out = []
    for e in entries:
        path = review_dir / review_name(seat, e["pass"])
        if e["pass"] >= 2 and e["status"] == "ok" and path.is_file():
            out.append((int(e["pass"]), path.read_text(encoding="utf-8", errors="replace")))
    return out


def merged_review(review: AgentReview, review_dir: Path, seat: str) -> AgentReview:
    """Pass 1's review with the new findings of later passes added (numbered on)."""
    findings = list(review.findings)
    for pass_no, text in _later_texts(review_dir, seat):
        for f in _findings(text, seat, pass_no):
            if any(same_finding(f, e) for e in findings):
                continue
            n = 1 + sum(1 for e in findings if e.severity == f.severity)
            findings.append(dataclasses.replace(f, id=f"{f.severity.letter}{n}"))
    ordered = tuple(f for s in SEVERITIES for f in findings if f.severity == s)
    return dataclasses.replace(review, findings=ordered)


def add_passes(report: Report, review_dir: Path, names: dict[str, str]) -> Report:
    """Appendix entries `### [Name] — Pass k` and per-pass retro lines for multi-pass seats.
    `names`: seat -> heading name."""
    record = load_passes(review_dir)
    if not any(len(v) > 1 for v in record.values()):
        return report
    appendix = list(report.appendix)
    for seat, name in names.items():
        for pass_no, text in _later_texts(review_dir, seat):
            at = max((i for i, a in enumerate(appendix) if a.name == name), default=None)
            entry = AppendixEntry(name, pass_no, text)
            appendix.insert(len(appendix) if at is None else at + 1, entry)
    seats = []
    for s in report.retro.seats:
        entries = record.get(s.seat, [])
        if len(entries) > 1:
            lines = "; ".join(
                f"pass {e['pass']}: {e['findings']} ({e['new']} new) "
                f"in {e['duration_s'] or 0:.0f} s"
                for e in entries
            )
            s = dataclasses.replace(s, narrative=f"{s.narrative}\n\nPasses — {lines}.".strip())
        seats.append(s)
    retro = dataclasses.replace(report.retro, seats=tuple(seats))
    return dataclasses.replace(report, appendix=tuple(appendix), retro=retro)
