"""The seed report's three original reviews parse to the findings they contain (counted by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_appendix_reviews
from deepreview.model import AgentReview, Location, Severity
from deepreview.serialize import review_from_data, to_data, to_json
from support.golden import assert_golden

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
CTRL = "pkg/controllers/lima/limavm/controllers"


@pytest.fixture(scope="module")
def reviews() -> dict[str, AgentReview]:
    return {r.seat: r for r in parse_appendix_reviews(SEED.read_text(encoding="utf-8"))}


def _summary(review: AgentReview) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    return [
        (f.id, f.severity.value, tuple(str(loc) for loc in f.locations), f.classification)
        for f in review.findings
    ]


def test_three_reviews_in_appendix_order(reviews: dict[str, AgentReview]) -> None:
    assert list(reviews) == ["claude", "codex", "gemini"]
    assert all(r.pass_no == 1 for r in reviews.values())


def test_claude_review(reviews: dict[str, AgentReview]) -> None:
    r = reviews["claude"]
    assert r.counts() == {Severity.CRITICAL: 0, Severity.IMPORTANT: 3, Severity.SUGGESTION: 2}
    assert _summary(r) == [
        ("I1", "important", ("limavm_lifecycle.go:329-341",), "gap"),
        ("I2", "important", ("hostswitch_windows.go:96-138",), "regression"),
        ("I3", "important", ("limavm_lifecycle.go:446-469",), "regression"),
        ("S1", "suggestion", ("hostswitch_windows.go:145-160",), "regression"),
        ("S2", "suggestion", ("hostswitch.go", "hostswitch_windows.go"), "regression"),
    ]
    assert [f.title for f in r.findings][:2] == [
        "Missing `stopHostSwitch` in `handleRestartNeeded` leaks goroutine on restart",
        "Vsock listener leaked on early return in `runHostSwitch`",
    ]
    i1 = r.findings[0]
    assert i1.body.startswith("```go\ncase phaseRunning:")
    assert i1.body.endswith("it is a gap in the lifecycle integration.")
    assert i1.fix.startswith("```diff\n \tcase phaseRunning:")
    assert i1.fix.endswith("+\t\tr.stopHostSwitch(limaVM.Name)\n```")
    # The review opens with a reply to a background task and a cut-off summary: kept as preamble.
    assert r.preamble.startswith("Acknowledged — that background task also completed")
    assert "pensuse distro" in r.preamble
    assert r.verdict_line == "Approve with fixes for I1–I3."
    assert "no Executive Summary section" in r.warnings
    assert [(o.kind, o.scope) for o in r.design_observations] == [
        ("concern", "future"),
        *[("strength", None)] * 4,
    ]
    assert r.design_observations[0].text.startswith(
        "**Host-switch failure is invisible to the reconciler** — `startHostSwitch`"
    )
    assert len(r.testing.items) == 3
    assert r.documentation.intro.endswith("No gaps identified.")
    assert r.limitations == "None explicitly acknowledged in TODO comments within the changed code."
    assert len(r.coverage) == 9
    assert r.coverage[6].path == f"{CTRL}/hostswitch_windows.go"
    assert r.coverage[6].status == "I2, S1, S2"
    assert r.unparsed == ()


def test_codex_review(reviews: dict[str, AgentReview]) -> None:
    r = reviews["codex"]
    assert r.counts() == {Severity.CRITICAL: 0, Severity.IMPORTANT: 2, Severity.SUGGESTION: 0}
    assert _summary(r) == [
        (
            "I1",
            "important",
            (
                f"{CTRL}/limavm_lifecycle.go:330-341",
                f"{CTRL}/limavm_lifecycle.go:443-468",
                f"{CTRL}/hostswitch_windows.go:57-65",
            ),
            "regression",
        ),
        (
            "I2",
            "important",
            (f"{CTRL}/hostswitch_windows.go:269-273", f"{CTRL}/hostswitch_windows.go:298-325"),
            "regression",
        ),
    ]
    assert r.findings[1].title == (
        "Handshake probes can panic by sending to `found` after it has been closed"
    )
    assert r.executive_summary.startswith("This PR adds an in-process WSL2 host-switch")
    assert [(o.kind, o.scope) for o in r.design_observations] == [
        ("concern", "in-scope"),
        ("strength", "in-scope"),
        ("strength", "in-scope"),
    ]
    assert r.design_observations[0].text.startswith("The host-switch now has its own")
    assert r.testing.intro.startswith("Existing tests pass with")
    assert len(r.testing.items) == 3
    # The Coverage Summary is duplicated with a corrupted line: 9 files, the bad line kept.
    assert len(r.coverage) == 9
    assert len({c.path for c in r.coverage}) == 9
    assert r.unparsed == ("o` — Reviewed, no issues",)
    assert any("coverage line not understood" in w for w in r.warnings)


def test_codex_worktree_links_made_relative() -> None:
    # Codex links into its own worktree; used as a location, the link is repo-relative.
    from deepreview.findings.locations import parse_link

    loc = parse_link(
        "limavm_lifecycle.go:443-468",
        f"/private/tmp/review-codex-CJcX1Y/{CTRL}/limavm_lifecycle.go#L443",
    )
    assert loc == Location(f"{CTRL}/limavm_lifecycle.go", 443, 468)


def test_gemini_review(reviews: dict[str, AgentReview]) -> None:
    r = reviews["gemini"]
    assert r.counts() == {Severity.CRITICAL: 3, Severity.IMPORTANT: 3, Severity.SUGGESTION: 1}
    win = f"{CTRL}/hostswitch_windows.go"
    assert _summary(r) == [
        ("C1", "critical", (f"{win}:49",), "regression"),
        ("C2", "critical", (f"{win}:193",), "regression"),
        ("C3", "critical", (f"{win}:214",), "regression"),
        ("I1", "important", (f"{CTRL}/hostswitch.go:42",), "gap"),
        ("I2", "important", (f"{win}:138",), "regression"),
        ("I3", "important", (f"{win}:257",), "regression"),
        ("S1", "suggestion", (f"{win}:54",), "regression"),
    ]
    assert (
        r.findings[0].title
        == "Reconcile context cancellation immediately kills host-switch goroutine"
    )
    assert r.preamble.startswith("An excellent architectural addition")
    assert r.executive_summary.startswith("This PR successfully ports")
    # The Design Observations / Testing / Coverage tail is written twice: the second draft is
    # the review (its two strengths, its two tests), the first is not counted as well.
    assert [(c.path.rsplit("/", 1)[-1], c.status) for c in r.coverage][4:7] == [
        ("hostswitch.go", "S1"),
        ("hostswitch_other.go", "Trivial"),
        ("hostswitch_windows.go", "C1, C2, I1, I2, I3"),
    ]
    assert [(o.kind, o.scope) for o in r.design_observations] == [
        ("strength", None),
        ("strength", None),
    ]
    assert r.design_observations[0].text.startswith("The integration of the host-switch")
    assert r.testing.intro == (
        "The PR contains no unit or integration tests for the new virtual network components."
    )
    assert [t.split(":**")[0] for t in r.testing.items] == [
        "**Host-Switch Subnet Validation",
        "**Lifecycle Mocks",
    ]
    assert (
        "the review writes its sections twice (Design Observations, Testing Assessment, "
        "Coverage Summary); the later draft is read"
    ) in r.warnings
    assert not any("appears 2 times" in w for w in r.warnings)
    assert r.unparsed == ()


@pytest.mark.parametrize("seat", ["claude", "codex", "gemini"])
def test_golden_json(reviews: dict[str, AgentReview], seat: str) -> None:
    review = reviews[seat]
    assert_golden(f"reviews/seed-{seat}.json", to_json(review))
    # The JSON form loads back to the same review.
    assert review_from_data(to_data(review)) == review


def test_raw_text_is_kept_verbatim(reviews: dict[str, AgentReview]) -> None:
    seed = SEED.read_text(encoding="utf-8")
    for review in reviews.values():
        assert review.raw in seed
        assert len(review.raw) > 1000
