"""Whether seat results made elsewhere can be finished together (`finish --from`): one result
per seat, all of one change (base SHA, head SHA and diff hash), all asked about one previous
round, and one panel (`--expect`'s, or the one every result recorded). Each check names the odd
result out, ties counting the later one odd.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from deepreview.errors import UsageError
from deepreview.pipeline.seat_result import LoadedSeatResult


def check_one_result_per_seat(results: tuple[LoadedSeatResult, ...]) -> None:
    seen: dict[str, Path] = {}
    for r in results:
        seat = r.record.seat
        if seat in seen:
            raise UsageError(
                f"--from {seen[seat]} and --from {r.folder} both hold seat {seat}; pass one"
            )
        seen[seat] = r.folder


def _describe(shas: tuple[str, str, str]) -> str:
    return f"{shas[0][:12]}..{shas[1][:12]} (diff {shas[2][:12]})"


def check_same_change(results: tuple[LoadedSeatResult, ...]) -> None:
    """All results reviewed one change; else name the odd one out (ties: the later one)."""
    if not results:
        return
    counts = Counter(r.record.shas for r in results)
    common = counts.most_common(1)[0][0]
    for r in results:
        shas = r.record.shas
        if shas == common:
            continue
        what = (
            "a different diff of the same commits"
            if shas[:2] == common[:2]
            else f"{shas[0][:12]}..{shas[1][:12]}"
        )
        raise UsageError(
            f"--from {r.folder} (seat {r.record.seat}) reviewed {what}, the others "
            f"{_describe(common)}; rerun that seat on the same commits or leave it out"
        )


def same_previous_round(results: tuple[LoadedSeatResult, ...]) -> str | None:
    """The previous round every seat was asked about: their verdicts name its findings by ID,
    so seats asked about different rounds (runners that restored the store before and after a
    round finished) cannot be read together; ties: the later result is the odd one out."""
    pinned = [r for r in results if r.record.previous_round is not None]
    if not pinned:
        return None
    counts = Counter(r.record.previous_round for r in pinned)
    common = counts.most_common(1)[0][0]
    for r in pinned:
        if r.record.previous_round != common:
            raise UsageError(
                f"--from {r.folder} (seat {r.record.seat}) was asked about "
                f"{_round_named(r.record.previous_round)}, the others about "
                f"{_round_named(common)}; rerun that seat with the same review store"
            )
    return common


def _round_named(review_id: str | None) -> str:
    return f"review {review_id}'s findings" if review_id else "no previous round"


def results_panel(
    expect: tuple[str, ...] | None, results: tuple[LoadedSeatResult, ...]
) -> tuple[str, ...]:
    seats = [r.record.seat for r in results]
    if expect:
        for r in results:
            if r.record.seat not in expect:
                raise UsageError(
                    f"--from {r.folder} holds seat {r.record.seat}, which --expect does not "
                    f"list ({', '.join(expect)}); add it or leave that folder out"
                )
        return tuple(dict.fromkeys(expect))
    _check_same_panel(results)
    recorded = [s for r in results for s in r.record.panel]
    return tuple(dict.fromkeys([*recorded, *seats]))


def _check_same_panel(results: tuple[LoadedSeatResult, ...]) -> None:
    """Without `--expect` the panel is the one the results recorded: runners given different
    `--agents` recorded no one panel, and a union would show a seat only some runners listed as
    failed (and `stats` would count it so). Ties: the later result is the odd one out."""
    counts = Counter(frozenset(r.record.panel) for r in results)
    common = counts.most_common(1)[0][0]
    shown = next(r.record.panel for r in results if frozenset(r.record.panel) == common)
    for r in results:
        if frozenset(r.record.panel) != common:
            raise UsageError(
                f"--from {r.folder} (seat {r.record.seat}) was run for the panel "
                f"{', '.join(r.record.panel)}, the others for {', '.join(shown)}; pass "
                "--expect SEATS to name the review's panel, or rerun that seat with the same "
                "--agents"
            )
