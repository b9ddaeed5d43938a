"""The pure parts of panel analytics: facts from a report, aggregation, the panel rules."""

from __future__ import annotations

import math
from dataclasses import asdict, replace

from deepreview.model import AppendixEntry, Finding, Header, LeadInfo, Report, Reviewer, Severity
from deepreview.retromodel import Retro, SeatRetro
from deepreview.runmodel import SeatRun
from deepreview.stats.aggregate import ReviewFacts, aggregate
from deepreview.stats.facts import LeadFacts, SeatFacts, lead_facts, model_family, seat_facts
from deepreview.stats.panel import Candidate, LeadCost, choose_panel, lead_cost


def _retro(seat: str, column: str, **cells: str) -> SeatRetro:
    base = {"Findings": "—", "False positives": "—", "Dropped": "—", "Downgraded": "—"}
    base.update({k.replace("_", " ").capitalize(): v for k, v in cells.items()})
    return SeatRetro(seat, seat.title(), column, cells=tuple(base.items()))


def test_facts_from_a_report() -> None:
    report = Report(
        header=Header(
            "r1",
            reviewers=(
                Reviewer("claude", "Claude", "Opus 4.6", "high"),
                Reviewer("bot", "Bot"),
                Reviewer("slow", "Slow"),
                Reviewer("mute", "Mute"),
            ),
        ),
        findings=(
            Finding("I1", Severity.IMPORTANT, "a", reviewers=("Claude Opus 4.6",)),
            Finding("S1", Severity.SUGGESTION, "b", reviewers=("Claude Opus 4.6", "Bot")),
            Finding("S2", Severity.SUGGESTION, "c", reviewers=("lead",)),
        ),
        retro=Retro(
            seats=(
                _retro(
                    "claude",
                    "Claude Opus 4.6",
                    findings="0C 2I 1S",
                    false_positives="0",
                    dropped="1 (x)",
                    downgraded="1 (I→S)",
                    coverage_misses="2 (a, b)",
                ),
                _retro(
                    "bot",
                    "Bot",
                    findings="1C 0I 1S",
                    false_positives="1 (C1 y)",
                    dropped="0",
                    downgraded="0",
                ),
                _retro("slow", "Slow"),
                _retro("mute", "Mute", findings="0C 0I 0S", false_positives="0"),
            )
        ),
        appendix=(AppendixEntry("Mute", 1, "I looked around and it seemed fine to me."),),
        runs=(
            SeatRun(
                "claude",
                duration_s=400.0,
                cli_duration_ms=380_000,
                cost_usd=2.0,
                tokens_in=10,
                tokens_out=2,
                model="claude-opus-4-6",
            ),
            SeatRun("bot", duration_s=3.0),
            SeatRun("slow", status="timeout", reason="timed out after 1800 s"),
            SeatRun("mute", duration_s=1.0),
        ),
        lead=LeadInfo("claude", "ok"),
    )
    claude, bot, slow, mute = seat_facts(report)
    assert (claude.model, claude.family, claude.effort, claude.lead) == (
        "Opus 4.6",
        "anthropic",
        "high",
        True,
    )
    assert (claude.raised, claude.kept, claude.unique_insights, claude.downgraded) == (3, 2, 1, 1)
    # The measured run (the retro's figure), not the CLI's own 380 s.
    assert (claude.coverage_misses, claude.duration_s, claude.cost_usd) == (2, 400.0, 2.0)
    assert (bot.raised, bot.kept, bot.false_positives, bot.unique_insights) == (2, 1, 1, 0)
    assert (bot.family, bot.duration_s, bot.failure) == ("bot", 3.0, "")
    assert (slow.failure, slow.raised, slow.unique_insights) == ("timeout", 0, 0)
    assert (mute.failure, mute.raised) == ("unparseable", 0)


def test_failure_kinds_and_no_lead() -> None:
    report = Report(
        header=Header("r2"),
        retro=Retro(
            seats=(_retro("a", "A"), _retro("b", "B"), _retro("c", "C", findings="0C 0I 0S"))
        ),
        appendix=(AppendixEntry("C", 1, "## Executive Summary\n\nAll good, nothing found.\n"),),
        runs=(
            SeatRun("a", status="failed", reason="exit 1: boom"),
            SeatRun("b", status="failed", reason="empty review"),
            SeatRun("c"),
        ),
        lead=LeadInfo("none"),
    )  # fmt: skip
    a, b, c = seat_facts(report)
    assert (a.failure, b.failure, c.failure) == ("crash", "unparseable", "")
    assert not any(f.lead for f in (a, b, c))


def test_model_family() -> None:
    assert model_family("gpt-5.4", "codex") == "openai"
    assert model_family("gemini-3.1-pro", "opencode") == "google"
    assert model_family("anthropic/claude-sonnet-4", "opencode") == "anthropic"
    assert model_family(None, "codex") == "openai"
    assert model_family(None, "my-linter") == "my-linter"
    assert model_family("", "static") == "static"


def _fact(seat: str, model: str = "m", **kw: object) -> SeatFacts:
    base: dict[str, object] = {"name": seat.title(), "family": seat, "effort": None,
                               "lead": True, "status": "ok", "failure": ""}  # fmt: skip
    base.update(kw)
    return SeatFacts(seat, model=model, **base)  # type: ignore[arg-type]


def _reviews(*per_review: tuple[SeatFacts, ...]) -> list[ReviewFacts]:
    return [
        ReviewFacts(f"r{n}", f"2026-01-{n + 1:02d}T00:00:00", "acme/w", "", seats)
        for n, seats in enumerate(per_review)
    ]


def test_aggregate_percentiles_models_and_lead_only_counts() -> None:
    durations = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 1000.0]
    rows = _reviews(
        *(
            (_fact("a", important=1, unique_insights=1, duration_s=d, cost_usd=1.0,
                   lead=n != 0, failure="timeout" if n == 9 else ""),)
            for n, d in enumerate(durations)
        ),
        (_fact("a", model="m2", suggestion=2),),
    )  # fmt: skip
    table = aggregate(rows)
    old, new = sorted(table.seats, key=lambda s: s.model)
    assert (old.model, old.reviews, new.model, new.reviews) == ("m", 10, "m2", 1)
    assert old.duration_median_s == 55.0 and old.duration_p90_s == 90.0
    assert (old.raised, old.raised_with_lead, old.kept) == (10, 9, 9)
    assert (old.cost_usd, old.cost_with_lead_usd, old.cost_per_surviving) == (10.0, 9.0, 1.0)
    assert (old.unique_insights, old.unique_with_lead, old.cost_per_unique) == (10, 9, 1.0)
    assert old.failure_rate == 0.1 and old.timeouts == 1
    assert (table.reviews, table.reviews_with_lead) == (11, 10)


def _history(**seats: dict[str, object]) -> list[ReviewFacts]:
    """Five reviews; each seat's facts are the same in every review."""
    return _reviews(*(tuple(_fact(s, **kw) for s, kw in seats.items()) for _ in range(5)))


def test_panel_fallback_without_history() -> None:
    table = aggregate(_reviews((_fact("a", unique_insights=1),)))
    choice = choose_panel([Candidate("a", "x"), Candidate("b", "y")], table)
    assert choice.mode == "fallback" and choice.seats == ("a", "b")
    assert "most any candidate has is 1" in choice.summary


def test_panel_ranks_by_unique_per_dollar_within_budget() -> None:
    table = aggregate(
        _history(
            cheap={"unique_insights": 1, "important": 1, "cost_usd": 0.5, "family": "openai"},
            dear={"unique_insights": 1, "important": 1, "cost_usd": 3.0, "family": "anthropic"},
            mid={"unique_insights": 2, "important": 2, "cost_usd": 1.0, "family": "google"},
            idle={"suggestion": 1, "false_positives": 1, "family": "static"},
        )
    )
    cands = [Candidate(s, "?") for s in ("dear", "mid", "cheap", "idle", "newcomer")]
    choice = choose_panel(cands, table, budget_usd=2.0)
    assert choice.seats == ("mid", "cheap", "newcomer")
    reasons = {c.seat: c.reason for c in choice.choices}
    assert reasons["dear"].startswith("dropped for the budget: its median cost of $3.00")
    assert reasons["idle"].startswith("dropped: no verified unique insight in 5 reviews")
    assert reasons["newcomer"].startswith("kept: only 0 reviews of history (needs 5)")
    assert choice.estimated_cost_usd == 1.5
    # 10 unique insights over five reviews at $1.00 each.
    assert math.isclose(
        next(s for s in table.seats if s.seat == "mid").unique_per_dollar or 0, 10 / 5.0
    )


def test_the_lead_cost_comes_out_of_the_budget_first() -> None:
    rows = _history(
        mid={"unique_insights": 3, "important": 3, "cost_usd": 1.0, "family": "google"},
        cheap={"unique_insights": 1, "important": 1, "cost_usd": 0.5, "family": "google"},
    )
    led = [
        replace(r, lead_run=LeadFacts("claude", "opus", "ok" if n else "failed", 9.0, cost))
        for n, (r, cost) in enumerate(zip(rows, (0.2, 0.6, 0.6, None, 0.5), strict=True))
    ]
    cost = lead_cost(led, "claude")
    # the failed lead's $0.20 counts (it spent it); the review that reported no cost does not
    assert (cost.median_cost_usd, cost.reviews) == (0.55, 4)
    assert lead_cost(led, "codex") == LeadCost("codex", None, 0)

    cands = [Candidate("mid", "g"), Candidate("cheap", "g")]
    choice = choose_panel(cands, aggregate(led), budget_usd=2.0, lead=cost)
    # the seats alone ($1.50) fit $2.00; with the lead's $0.55, `cheap` does not
    assert choice.seats == ("mid",)
    reasons = {c.seat: c.reason for c in choice.choices}
    assert reasons["cheap"].startswith(
        "dropped for the budget: its median cost of $0.50 per review would bring the estimate "
        "(the lead's included) to $2.05, over $2.00"
    )
    assert choice.estimated_cost_usd == 1.55
    assert choice.summary.endswith(
        "estimated cost $1.55 per review, $0.55 of it the lead `claude` (its median over 4 "
        "reviews), within a budget of $2.00."
    )
    assert choose_panel(cands, aggregate(led), budget_usd=2.0).seats == ("mid", "cheap")

    unknown = choose_panel(cands, aggregate(led), lead=LeadCost("codex", None, 0))
    assert unknown.summary.endswith(
        "estimated cost $1.50 per review (the lead `codex` not counted: no review in this "
        "history reported its cost)."
    )


def test_lead_facts_from_a_report() -> None:
    run = SeatRun("claude", cost_usd=0.25, duration_s=12.0, model="opus")
    report = Report(header=Header("r1"), lead=LeadInfo("claude", "fallback", run=run))
    assert lead_facts(report) == LeadFacts("claude", "opus", "fallback", 12.0, 0.25)
    assert lead_facts(Report(header=Header("r2"))) == LeadFacts("none", "", "none")


def test_panel_keeps_two_families() -> None:
    table = aggregate(
        _history(
            a1={"unique_insights": 1, "important": 1, "family": "anthropic"},
            a2={"unique_insights": 1, "important": 1, "family": "anthropic"},
            o1={"important": 1, "false_positives": 1, "family": "openai"},
        )
    )
    choice = choose_panel([Candidate(s, "?") for s in ("a1", "a2", "o1")], table)
    assert choice.seats == ("a1", "a2", "o1")
    reason = next(c.reason for c in choice.choices if c.seat == "o1")
    assert reason.startswith("kept for diversity: the panel keeps at least two model families")


def test_a_seat_failing_half_its_reviews_with_nothing_unique_is_no_diversity_pick() -> None:
    def history(failed: int) -> list[ReviewFacts]:
        return _reviews(
            *(
                (
                    _fact("a", unique_insights=1, important=1, family="anthropic"),
                    _fact("g", family="google", failure="crash" if n < failed else ""),
                    _fact("o", family="openai", failure="timeout"),
                )
                for n in range(6)
            )
        )

    cands = [Candidate(s, "?") for s in ("a", "g", "o")]
    # 2 failures in 6: still a second family worth its seat (`o` failed every time).
    assert choose_panel(cands, aggregate(history(2))).seats == ("a", "g")
    # 3 in 6 (half): neither is; the panel says it has one family and why.
    choice = choose_panel(cands, aggregate(history(3)))
    assert choice.seats == ("a",)
    assert choice.summary.endswith(
        "The panel has one model family (anthropic): the only seats of another family keep "
        "failing with no unique insight (g (google) failed in 3 of 6 reviews; o (openai) "
        "failed in 6 of 6 reviews)."
    )


def test_panel_keeps_one_seat_when_nothing_is_useful() -> None:
    table = aggregate(_history(x={"suggestion": 1, "false_positives": 1, "family": "f"}))
    choice = choose_panel([Candidate("x", "f")], table)
    assert choice.seats == ("x",)
    assert choice.choices[0].reason.startswith("kept: a review needs at least one seat")


def test_unverified_history_counts_all_unique_insights() -> None:
    rows = _history(solo={"unique_insights": 1, "important": 1, "lead": False, "family": "f"})
    table = aggregate(rows)
    (s,) = table.seats
    assert (s.verified, s.judged_unique, s.survival) == (False, 5, None)
    choice = choose_panel([Candidate("solo", "f")], table)
    assert choice.choices[0].reason.startswith("kept: 5 unique insights in 5 reviews")
    assert replace(s, reviews_with_lead=1).judged_unique == 0


def test_panel_chooses_the_effort_the_seat_did_best_with() -> None:
    cheap_high = {"unique_insights": 2, "important": 2, "cost_usd": 1.0, "effort": "high"}
    dear_xhigh = {"unique_insights": 2, "important": 2, "cost_usd": 4.0, "effort": "xhigh"}
    rows = _history(c=cheap_high) + _history(c=dear_xhigh)
    rows = [replace(r, review_id=f"{r.review_id}-{n}") for n, r in enumerate(rows)]
    other = _history(o={"unique_insights": 1, "important": 1, "family": "openai"})
    table = aggregate(rows + other)
    by_effort = aggregate(rows + other, by_effort=True)
    choice = choose_panel([Candidate("c", "x"), Candidate("o", "y")], table, by_effort=by_effort)
    c, o = choice.choices
    assert (c.effort, o.effort) == ("high", None)
    assert c.reason.endswith(
        "Effort high (2.00 unique insights per dollar; xhigh: 0.50 unique insights per dollar)."
    )
    assert asdict(choice)["choices"][0]["effort"] == "high"  # as run.json records it


def test_panel_words_agree_with_the_numbers() -> None:
    """One review of five had a lead: "1 review", not "1 reviews"; a panel over its budget
    says "over", and a seat with no reported cost puts no estimate over anything."""
    rows = _reviews(
        *(
            (
                _fact("a", unique_insights=1, important=1, cost_usd=0.04, family="anthropic",
                      lead=n == 0),
                _fact("o", family="openai", lead=n == 0),
            )
            for n in range(5)
        )
    )  # fmt: skip
    choice = choose_panel(
        [Candidate("a", "?"), Candidate("o", "?")], aggregate(rows), budget_usd=0.01
    )
    assert choice.seats == ("a", "o")
    reasons = {c.seat: c.reason for c in choice.choices}
    assert reasons["a"].startswith(
        "kept: a review needs at least one seat (1 verified unique insight in 1 review with a "
        "lead for $0.04"
    ), reasons["a"]
    assert reasons["o"].startswith("kept for diversity"), reasons["o"]
    assert "in 1 reviews" not in " ".join(reasons.values())
    assert "budget" not in reasons["o"], reasons["o"]
    assert "within" not in choice.summary
    assert choice.summary.endswith(
        "estimated cost $0.04 per review, over the budget of $0.01: a is kept whatever the "
        "budget (a review needs at least one seat)."
    ), choice.summary


def test_the_static_seat_is_no_second_model_family() -> None:
    table = aggregate(
        _history(
            a={"unique_insights": 1, "important": 1, "cost_usd": 0.5, "family": "anthropic"},
            o={"important": 1, "false_positives": 1, "family": "openai"},
            static={"unique_insights": 1, "important": 1, "family": "static"},
        )
    )
    cands = [Candidate("a", "anthropic"), Candidate("o", "openai"),
             Candidate("static", "static", model_backed=False)]  # fmt: skip
    choice = choose_panel(cands, table)
    assert choice.seats == ("a", "o", "static")
    reason = next(c.reason for c in choice.choices if c.seat == "o")
    assert reason.startswith("kept for diversity: the panel keeps at least two model families")
    # Only static finds anything: two model seats still review beside it.
    only_static = aggregate(
        _history(
            a={"important": 1, "false_positives": 1, "cost_usd": 0.5, "family": "anthropic"},
            o={"important": 1, "false_positives": 1, "family": "openai"},
            static={"unique_insights": 1, "important": 1, "family": "static"},
        )
    )
    assert choose_panel(cands, only_static).seats == ("a", "o", "static")
