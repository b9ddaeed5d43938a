"""Property: rendering a Report to Markdown and parsing it back gives the same model."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import random
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from deepreview.findings.parse import parse_review
from deepreview.findings.repeats import same_finding
from deepreview.findings.report_parse import parse_report
from deepreview.model import (
    AppendixEntry,
    Assessment,
    DesignObservation,
    Finding,
    Header,
    Location,
    ProcessNotes,
    Report,
    Reviewer,
    Section,
    Severity,
    Verdict,
)
from deepreview.render.markdown import render_markdown
from deepreview.retromodel import (
    RETRO_EXTRA_ROWS,
    RETRO_ROWS,
    ReconciliationEntry,
    Retro,
    SeatRetro,
)
from deepreview.runmodel import Commit

_WORD_TEXT = (
    "goroutine leak channel close lock retry cache tenant handler stream flush token refresh "
    "listener shutdown restart the a of on when after before every path error context"
)
WORDS = tuple(_WORD_TEXT.split())
PUNCT_WORDS = ("`stopHostSwitch`", "`ctx`", "(e.g. retries)", "I/O", "—", "x86-64", "`a|b`")
SEATS = (("Claude", "Opus 4.6"), ("Codex", "GPT 5.4"), ("Gemini", "3.1 Pro"), ("Qwen", None))
SECTION_TITLES = ("Commit Structure", "Unresolved Feedback", "Round 2 Fix Verdicts")

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT_WORDS))


# Cached: the composites below call these on every draw, and a new strategy object is
# checked and measured again by Hypothesis each time (a quarter of these tests' CPU); the
# same objects draw the same examples.
@functools.cache
def sentence(min_words: int = 2, max_words: int = 12) -> st.SearchStrategy[str]:
    # One drawn seed per sentence, not one draw per word: a report holds dozens of sentences,
    # and drawing each word through Hypothesis was most of these tests' time. The shapes are
    # the same: `min_words`..`max_words` plain words, then up to three words that may be
    # punctuated ones. (Shrinking still works on the seed and on everything around it.)
    return st.integers(0, 2**32 - 1).map(lambda seed: _sentence(seed, min_words, max_words))


def _sentence(seed: int, min_words: int, max_words: int) -> str:
    rng = random.Random(seed)
    plain = [rng.choice(WORDS) for _ in range(rng.randint(min_words, max_words))]
    tail = [rng.choice(rng.choice((WORDS, PUNCT_WORDS))) for _ in range(rng.randint(0, 3))]
    return " ".join(plain + tail).capitalize() + "."


@functools.cache
def paragraph() -> st.SearchStrategy[str]:
    return st.lists(sentence(), min_size=1, max_size=3).map(" ".join)


@functools.cache
def prose() -> st.SearchStrategy[str]:
    return st.lists(paragraph(), min_size=1, max_size=3).map("\n\n".join)


code_block = st.tuples(
    st.sampled_from(["go", "diff", "", "bash repro", "text repro-output"]),
    st.lists(
        st.sampled_from(["x := 1", "+ add()", "- del()", "## not a heading", "Fix: no"]),
        min_size=1,
        max_size=4,
    ),
).map(lambda t: f"```{t[0]}\n" + "\n".join(t[1]) + "\n```")

title = st.lists(word, min_size=1, max_size=8).map(lambda ws: " ".join(ws).capitalize())
path = st.lists(st.sampled_from(["pkg", "cmd", "internal", "api", "x_y"]), max_size=3).flatmap(
    lambda dirs: st.sampled_from(["main.go", "a_test.py", "README.md", "Makefile", "x.ts"]).map(
        lambda f: "/".join([*dirs, f])
    )
)


@st.composite
def location(draw: st.DrawFn) -> Location:
    p = draw(path)
    start = draw(st.none() | st.integers(1, 5000))
    end = None
    if start is not None:
        end = draw(st.none() | st.integers(start + 1, start + 200))
    return Location(p, start, end)


reviewer_names = st.lists(
    st.sampled_from(["Claude Opus 4.6", "Codex GPT 5.4", "Gemini 3.1 Pro", "orchestrator"]),
    unique=True,
    max_size=3,
).map(tuple)


@st.composite
def finding(draw: st.DrawFn, severity: Severity, n: int) -> Finding:
    body = draw(st.one_of(st.just(""), prose(), st.tuples(code_block, prose()).map("\n\n".join)))
    fix = draw(
        st.one_of(
            st.just(""),
            sentence(),
            code_block,
            st.tuples(sentence(), code_block).map("\n\n".join),
            st.tuples(st.just("(two parts):"), prose()).map("\n\n".join),
        )
    )
    return Finding(
        id=f"{severity.letter}{n}",
        severity=severity,
        title=draw(title),
        locations=tuple(draw(st.lists(location(), max_size=3, unique=True))),
        classification=draw(st.none() | st.sampled_from(["regression", "gap", "pre-existing"])),
        reviewers=draw(reviewer_names),
        body=body,
        fix=fix,
        carry_forward=draw(st.none() | st.just("Round 2 I3, unaddressed")),
        verification=draw(st.none() | st.sampled_from(["verified", "reasoned"])),
    )


@st.composite
def findings(draw: st.DrawFn) -> tuple[Finding, ...]:
    out: list[Finding] = []
    for sev in Severity:
        k = draw(st.integers(0, 3))
        out.extend(draw(finding(sev, i + 1)) for i in range(k))
    return tuple(out)


@st.composite
def observation(draw: st.DrawFn, kind: str) -> DesignObservation:
    bold = draw(st.none() | title)
    text = draw(sentence())
    if bold:
        text = f"**{bold}** — {text}"
    return DesignObservation(
        kind=kind,  # type: ignore[arg-type]
        text=text,
        scope=draw(st.none() | st.sampled_from(["in-scope", "future"])),
        reviewers=draw(reviewer_names),
    )


@st.composite
def assessment(draw: st.DrawFn) -> Assessment:
    return Assessment(
        intro=draw(st.just("") | paragraph()),
        items=tuple(draw(st.lists(sentence(), max_size=4))),
    )


@st.composite
def header(draw: st.DrawFn) -> Header:
    n = draw(st.integers(1, 5000))
    seats = draw(st.lists(st.sampled_from(SEATS), min_size=1, max_size=4, unique=True))
    repo = draw(st.none() | st.just("acme/widgets"))
    author = draw(st.none() | st.sampled_from(["@jan", "Jan Dubois <jan@example.com>"]))
    return Header(
        review_id=f"20260408-145125-pr-{n}",
        date=draw(st.just("") | st.just("2026-04-08 14:51")),
        repo=repo,
        repo_url=draw(st.none() | st.just("https://github.com/acme/widgets")) if repo else None,
        round=draw(st.none() | st.sampled_from(["1", "3 (of PR #711)"])),
        mode=draw(st.none() | st.just("Standard")),
        author=author,
        author_url=draw(st.none() | st.just("https://github.com/jan")) if author else None,
        pr_number=n,
        pr_url=f"https://github.com/acme/widgets/pull/{n}",
        pr_title=draw(title),
        branch=draw(st.none() | st.just("feature/x")),
        commits=tuple(
            Commit(sha, subject)
            for sha, subject in draw(
                st.lists(st.tuples(st.sampled_from(["a53d4b9", "0123abc"]), title), max_size=3)
            )
        ),
        review_sha=draw(st.none() | st.just("a53d4b9" * 5 + "abcde")),
        reviewers=tuple(
            Reviewer(
                seat=name.lower(), name=name, model=model, effort=draw(st.none() | st.just("xhigh"))
            )
            for name, model in seats
        ),
        verdict=Verdict(
            draw(st.sampled_from(["Merge as-is", "Merge with fixes", "Rework"])),
            draw(st.just("") | sentence()),
        ),
        wall_clock_s=draw(st.none() | st.integers(0, 20000).map(float)),
    )


@st.composite
def retro(draw: st.DrawFn, h: Header) -> Retro:
    rows = RETRO_ROWS + draw(st.sampled_from([(), RETRO_EXTRA_ROWS]))
    seats = tuple(
        SeatRetro(
            seat=r.seat,
            name=r.name,
            column=r.credit,
            narrative=draw(prose()),
            tool_call_highlights=draw(sentence()),
            cells=tuple(
                (row, draw(st.sampled_from(["340s", "0C 2I 2S", "9/9", "0", "1 (I→S)"])))
                for row in rows
            ),
        )
        for r in h.reviewers
    )
    rec = tuple(
        ReconciliationEntry(kind="note", text=t) for t in draw(st.lists(sentence(), max_size=3))
    )
    return Retro(seats=seats, rows=rows, reconciliation=rec)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    h = draw(header())
    concerns = draw(st.lists(observation("concern"), max_size=3))
    strengths = draw(st.lists(observation("strength"), max_size=3))
    extras = tuple(
        Section(t, draw(prose()))
        for t in draw(st.lists(st.sampled_from(SECTION_TITLES), unique=True, max_size=2))
    )
    return Report(
        header=h,
        executive_summary=draw(prose()),
        findings=draw(findings()),
        design_observations=tuple(concerns + strengths),
        testing=draw(assessment()),
        documentation=draw(assessment()),
        limitations=draw(st.just("") | prose()),
        extra_sections=extras,
        retro=draw(retro(h)),
        process_notes=ProcessNotes(
            tuple(draw(st.lists(sentence(), max_size=2))),
            tuple(draw(st.lists(sentence(), max_size=2))),
        ),
        appendix=tuple(AppendixEntry(r.name, 1, draw(prose())) for r in h.reviewers),
        notes=tuple(draw(st.lists(sentence(), max_size=2))),
    )


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_render_then_parse_gives_the_model_back(report: Report) -> None:
    text = render_markdown(report)
    back = parse_report(text)
    assert back.header == report.header
    assert back.notes == report.header_notes
    assert back.executive_summary == report.executive_summary
    assert back.findings == report.findings
    assert back.design_observations == report.design_observations
    assert back.testing == report.testing
    assert back.documentation == report.documentation
    assert back.limitations == report.limitations
    assert sorted(back.extra_sections, key=lambda s: s.title) == sorted(
        report.extra_sections, key=lambda s: s.title
    )
    # Parsing derives each column's numbers from its cells; the generated model has none.
    seats = tuple(dataclasses.replace(s, numbers=None) for s in back.retro.seats)
    assert dataclasses.replace(back.retro, seats=seats) == report.retro
    assert back.process_notes == report.process_notes
    assert back.appendix == report.appendix
    # And the rendering is a fixed point.
    assert render_markdown(back) == text


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(reports())
def test_rendered_findings_parse_as_an_agent_review_too(report: Report) -> None:
    # One finding told at two levels (same title, places and text) is one finding of a seat's
    # review by design (tests/findings/test_repeated_findings.py); a report never holds it.
    assume(not any(same_finding(a, b) for a, b in itertools.combinations(report.findings, 2)))
    only_findings = replace(
        report,
        design_observations=(),
        testing=Assessment(),
        documentation=Assessment(),
        retro=Retro(),
        appendix=(),
    )
    review = parse_review(render_markdown(only_findings))
    assert [(f.id, f.severity, f.title, f.locations, f.body, f.fix) for f in review.findings] == [
        (f.id, f.severity, f.title, f.locations, f.body, f.fix) for f in report.findings
    ]


def test_a_finding_titled_with_a_dash_alone_is_read_back() -> None:
    """A finding whose title is only a dash, with no place (`S2. **—** (suggestion)`), was
    read as a `—` that says "none": parsed as an agent's review, it vanished and its text
    joined the finding above. Its own id and level make it a finding."""
    first = Finding(
        id="S1",
        severity=Severity.SUGGESTION,
        title="Listener left open",
        locations=(Location(path="srv/listen.go", start=12, end=None),),
        body="```\nFix: no\nx := 1\n```\n\nThe listener stays open after shutdown.",
    )
    dash = Finding(
        id="S2",
        severity=Severity.SUGGESTION,
        title="—",
        fix="```\n## not a heading\nx := 1\n```",
    )
    report = Report(
        header=Header(review_id="r1", date="", verdict=Verdict("Merge with fixes", "Two nits.")),
        findings=(first, dash),
    )
    text = render_markdown(report)
    assert parse_report(text).findings == report.findings
    review = parse_review(text)
    assert [(f.id, f.title, f.locations, f.body, f.fix) for f in review.findings] == [
        (f.id, f.title, f.locations, f.body, f.fix) for f in report.findings
    ]
