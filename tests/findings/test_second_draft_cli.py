"""A seat that writes its review twice (trial 52 #3, #4): it drafts its sections, then writes
them again, reworded, with a finding dropped or retitled. The later complete draft is the
seat's review. The earlier one used to be merged in: a reworded strength counted twice, and a
finding the final draft withdrew stayed in the report as the seat's unique insight, under the
first draft's title. The earlier draft stays in the appendix as the seat wrote it."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed

SUMMARY = "## Executive Summary\n\nAdds `sub` to the calculator and a `shout` helper.\n\n"
SUB_FIRST = (
    "I1. **`sub` subtracts in the wrong order** — `calc.py:5-6` (important, regression)\n\n"
    "It returns `b - a`, so every caller gets the negated difference.\n\n"
    "Fix: return `a - b`.\n\n"
)
SUB_FINAL = SUB_FIRST.replace("in the wrong order", "its arguments in the wrong order")
SHOUT = (
    "S1. **`shout` has no docstring** — `util/strings.py:1` (suggestion, style)\n\n"
    "Callers cannot tell it upper-cases.\n\nFix: add one.\n\n"
)


def findings(important: str, suggestions: str) -> str:
    return (
        "## Findings\n\n### Critical Issues\n\nNone.\n\n"
        f"### Important Issues\n\n{important}### Suggestions\n\n{suggestions}\n"
    )


def tail(strength: str, coverage: str) -> str:
    return (
        "## Design Observations\n\n**Concerns**\n\n"
        "- (future) `calc.py` will want a `Number` type once floats arrive.\n\n"
        f"**Strengths**\n\n- {strength}\n\n"
        "## Testing Assessment\n\n1. No test calls `sub` with unequal arguments.\n\n"
        "## Coverage Summary\n\n"
        f"- `calc.py` — I1\n- `util/strings.py` — {coverage}\n"
    )


# a second seat that finds nothing: what the first raises is its own (a unique insight)
CALM = (
    SUMMARY
    + findings("None.\n\n", "None.\n")
    + tail("The change is small and easy to read.", "Reviewed, no issues").replace(
        " — I1", " — Reviewed, no issues"
    )
)


def seat_cells(report: dict, name: str) -> dict[str, str]:  # type: ignore[type-arg]
    seat = next(s for s in report["retro"]["seats"] if s["seat"] == name)
    return dict(seat["cells"])


def test_a_reworded_second_draft_of_the_closing_sections_counts_once(tmp_path: Path) -> None:
    first = tail("Two tiny functions, each doing one thing.", "Reviewed, no issues")
    final = tail("Each of the two tiny functions does exactly one thing.", "Reviewed, no issues")
    keen = (
        SUMMARY
        + findings(SUB_FIRST, "None.\n")
        + first
        + "\nLet me tighten the wording of the closing sections.\n\n"
        + final
    )
    res, out, report = review_printed(tmp_path, {"keen": keen, "calm": CALM})
    assert out["verdict"], res.stderr[-2000:]
    strengths = [o["text"] for o in report["design_observations"] if o["kind"] == "strength"]
    assert "Each of the two tiny functions does exactly one thing." in strengths
    assert "Two tiny functions, each doing one thing." not in strengths
    assert seat_cells(report, "keen")["Design observations"] == "1 concern, 1 strength"
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    body, appendix = md.split("## Appendix", 1)
    assert "Two tiny functions, each doing one thing." not in body
    assert "Two tiny functions, each doing one thing." in appendix  # as the seat wrote it


def test_a_finding_the_final_draft_withdraws_is_not_in_the_report(tmp_path: Path) -> None:
    keen = (
        "I'll draft the review first.\n\n"
        + SUMMARY
        + findings(SUB_FIRST, SHOUT)
        + tail("The change is small.", "S1")
        + "\nOn reflection S1 is only style and not worth raising. Final review:\n\n"
        + SUMMARY
        + findings(SUB_FINAL, "None.\n")
        + tail("The change is small.", "Reviewed, no issues")
    )
    res, out, report = review_printed(tmp_path, {"keen": keen, "calm": CALM})
    assert out["verdict"], res.stderr[-2000:]
    titles = [f["title"] for f in report["findings"]]
    assert titles == ["`sub` subtracts its arguments in the wrong order"]  # the final draft's title
    cells = seat_cells(report, "keen")
    assert cells["Findings"] == "0C 1I 0S"
    keen = next(s for s in report["retro"]["seats"] if s["seat"] == "keen")
    assert keen["unique_ids"] == ["I1"]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    body, appendix = md.split("## Appendix", 1)
    assert "has no docstring" not in body.split("## Agent Performance Retro")[0]
    assert "`shout` has no docstring" in appendix
    # the retro says which draft the report read, since the appendix shows both
    said = (
        "Keen wrote its Executive Summary, Findings, Design Observations, Testing Assessment, "
        "Coverage Summary twice; the later draft was read, and the earlier one counts for "
        "nothing here (both are in its review below)."
    )
    assert said in " ".join(body.split())
    assert said in keen["narrative"].replace("\n", " ")
    calm = next(s for s in report["retro"]["seats"] if s["seat"] == "calm")
    assert "twice" not in calm["narrative"]
