"""Consolidation is deterministic and, apart from credit order, independent of the seat order."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepreview.consolidate import SeatReview, build_report
from deepreview.consolidate.inputs import display_name
from deepreview.findings.report_parse import parse_appendix_reviews
from deepreview.model import (
    AgentReview,
    CoverageEntry,
    DesignObservation,
    Finding,
    Header,
    Location,
    Report,
    Reviewer,
    Severity,
)
from deepreview.serialize import to_data

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
FILES = ("pkg/a/lifecycle.go", "pkg/a/switch.go", "pkg/b/handshake.go", "docs/net.md")
IDENTS = ("startSwitch", "stopSwitch", "attemptHandshake", "vnLn", "Serve", "cacheStates")
WORDS = ("leak", "goroutine", "listener", "restart", "panic", "channel", "deadline", "overwrite")


@st.composite
def findings(draw: st.DrawFn) -> list[Finding]:
    out: list[Finding] = []
    counters = dict.fromkeys(Severity, 0)
    for _ in range(draw(st.integers(0, 5))):
        sev = draw(st.sampled_from(list(Severity)))
        counters[sev] += 1
        path = draw(st.sampled_from(FILES))
        if draw(st.booleans()):
            path = path.rsplit("/", 1)[-1]  # a bare basename, as Claude writes them
        start = draw(st.integers(1, 120))
        idents = draw(st.lists(st.sampled_from(IDENTS), min_size=1, max_size=3, unique=True))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=4, unique=True))
        title = f"`{idents[0]}` " + " ".join(words)
        body = " ".join(f"`{i}`" for i in idents) + " " + " ".join(reversed(words))
        if draw(st.booleans()):
            body = f"```go\n{idents[0]}(ctx)\n```\n\n" + body
        out.append(
            Finding(
                id=f"{sev.letter}{counters[sev]}",
                severity=sev,
                title=title,
                locations=(Location(path, start, start + draw(st.integers(0, 20))),),
                classification=draw(st.sampled_from(["regression", "gap", None])),
                body=body,
                fix=draw(st.sampled_from(["", "```diff\n+ fix()\n```"])),
            )
        )
    return out


@st.composite
def seat_lists(draw: st.DrawFn) -> list[SeatReview]:
    names = draw(
        st.lists(
            st.sampled_from(["claude", "codex", "gemini", "opencode"]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    seats: list[SeatReview] = []
    for name in names:
        review = AgentReview(
            seat=name,
            findings=tuple(draw(findings())),
            coverage=tuple(
                CoverageEntry(p, draw(st.sampled_from(["Trivial", "I1"]))) for p in FILES[:2]
            ),
            design_observations=(
                DesignObservation("strength", "The `networking.md` design doc is thorough."),
            ),
            raw=f"{name} review",
        )
        seats.append(SeatReview(Reviewer(name, display_name(name)), review, None))
    return seats


def normalised(report: Report) -> dict[str, Any]:
    """The report with every credit-order-dependent list sorted."""
    data = to_data(report)
    for f in data["findings"]:
        f["reviewers"] = sorted(f["reviewers"])
        f["sources"] = sorted(f["sources"], key=lambda s: (s["reviewer"], s["finding_id"]))
    for o in data["design_observations"]:
        o["reviewers"] = sorted(o["reviewers"])
    for a in (data["testing"], data["documentation"]):
        a["item_reviewers"] = [sorted(who) for who in a["item_reviewers"]]
        a["intro_reviewers"] = sorted(a["intro_reviewers"])
    data["header"]["reviewers"] = sorted(data["header"]["reviewers"], key=lambda r: r["seat"])
    data["retro"]["seats"] = sorted(data["retro"]["seats"], key=lambda s: s["seat"])
    data["appendix"] = sorted(data["appendix"], key=lambda a: a["name"])
    data["runs"] = sorted(data["runs"], key=lambda r: r["seat"])
    # the first sentence lists the reviewers in the given order
    data["executive_summary"] = data["executive_summary"].split(". ", 1)[-1]
    return data


def _build(seats: list[SeatReview]) -> Report:
    return build_report(Header(review_id="p"), seats)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seat_lists(), st.randoms(use_true_random=False))
def test_consolidation_is_deterministic_and_seat_order_independent(
    seats: list[SeatReview], rnd: Any
) -> None:
    first = _build(seats)
    assert _build(seats) == first  # deterministic
    shuffled = list(seats)
    rnd.shuffle(shuffled)
    again = _build(shuffled)
    assert normalised(again) == normalised(first)
    # credits follow the order the seats were given
    order = [s.reviewer.credit for s in shuffled]
    for f in again.findings:
        assert list(f.reviewers) == [c for c in order if c in f.reviewers]


def test_seed_is_seat_order_independent() -> None:
    reviews = parse_appendix_reviews(SEED.read_text(encoding="utf-8"))
    seats = [SeatReview(Reviewer(r.seat, display_name(r.seat)), r, None) for r in reviews]
    reference = normalised(_build(seats))
    for perm in itertools.permutations(seats):
        assert normalised(_build(list(perm))) == reference
