"""The report's `## Unresolved Feedback` section in Markdown, HTML and JSON (goldens), the
panel's verdict per thread, the GitHub note, and the stored threads read back instead of a
second fetch."""

from __future__ import annotations

from pathlib import Path

from deepreview.consolidate import SeatReview
from deepreview.consolidate.feedback import excerpt, thread_verdicts
from deepreview.feedback import FetchedThreads, ReviewThread, ThreadComment
from deepreview.model import AgentReview, Header, Report, Reviewer, Verdict
from deepreview.pipeline import feedback_step
from deepreview.render.html import render_html
from deepreview.render.markdown import render_markdown
from deepreview.runfiles import THREADS_JSON
from deepreview.serialize import threads_to_json, to_json
from deepreview.store.redact import Redactor
from deepreview.store.store import Store
from deepreview.targets.target import PullRequest, Target
from support.fake_threads import GraphQLServer, graphql_server, thread
from support.golden import assert_golden

THREADS = (
    ReviewThread(
        ref="T1",
        path="billing/invoice.py",
        line=41,
        original_line=38,
        comments=(
            ThreadComment(
                "rivka",
                "Totals are summed as floats — use Decimal? @lead-dev\n\n"
                "```python\ntotal += item.price\n```\n<img src=x onerror=alert(1)> see #12",
                "https://github.com/acme/shop/pull/9#discussion_r1",
            ),
            ThreadComment("sam", "Agreed."),
        ),
    ),
    ReviewThread(
        ref="T2",
        path="billing/tax.py",
        original_line=7,
        outdated=True,
        comments=(ThreadComment("", "Rates should come from config", "javascript:alert(1)"),),
    ),
    ReviewThread(ref="T3", comments=(ThreadComment("ines", "Needs a changelog entry"),)),
)


def _seat(name: str, text: str) -> SeatReview:
    return SeatReview(Reviewer(name.lower(), name, "M1"), AgentReview(seat=name.lower(), raw=text))


SEATS = [
    _seat(
        "Kite",
        "## Unresolved Feedback Verdicts\n\n"
        "- T1: addressed — `billing/invoice.py:41` sums Decimal now\n"
        "- T2: not addressed — `billing/tax.py:7` still hard-codes 0.2\n",
    ),
    _seat(
        "Lark",
        "## Unresolved Feedback Verdicts\n\n"
        "| T1 | addressed | `billing/invoice.py:40-44` |\n"
        "| T2 | unclear | @sam should confirm |\n",
    ),
    SeatReview(Reviewer("owl", "Owl"), None),  # failed: says nothing
]


def _report() -> Report:
    header = Header(
        review_id="20261201-101500-pr-9",
        date="2026-12-01 10:15",
        repo="acme/shop",
        pr_number=9,
        verdict=Verdict("Merge as-is"),
    )
    return Report(header=header, executive_summary="A billing change.")


def _with_threads(tmp_path: Path, fetched: FetchedThreads) -> Report:
    (tmp_path / THREADS_JSON).write_text(threads_to_json(fetched), encoding="utf-8")
    return feedback_step.apply(_report(), tmp_path, SEATS)


def test_section_in_markdown_html_and_json(tmp_path: Path) -> None:
    report = _with_threads(tmp_path, FetchedThreads(threads=THREADS))
    md = render_markdown(report)
    assert_golden("feedback/report.md", md)
    html = render_html(report)
    start = html.index("<h2>Unresolved Feedback</h2>")
    assert_golden("feedback/section.html", html[start : html.index("</section>", start)] + "\n")
    assert_golden("feedback/report.json", to_json(report))
    # Untrusted text stays text: no tag, no live link, no pings.
    assert "<img" not in html and "javascript:" not in html
    assert "@lead-dev" not in md and "#12" not in md


def test_panel_verdicts_keep_the_least_optimistic_word() -> None:
    got = {v.thread.ref: v for v in thread_verdicts(THREADS, SEATS)}
    assert (got["T1"].verdict, got["T1"].disagreement) == ("addressed", False)
    assert (got["T2"].verdict, got["T2"].disagreement) == ("not addressed", True)
    assert [s.seat for s in got["T2"].seats] == ["Kite M1", "Lark M1"]
    assert (got["T3"].verdict, got["T3"].seats) == (None, ())


def test_a_fetch_note_goes_to_process_notes_and_no_section(tmp_path: Path) -> None:
    note = "unresolved threads not fetched: GitHub refused access (HTTP 401)"
    report = _with_threads(tmp_path, FetchedThreads(note=note))
    assert report.unresolved_feedback == () and report.extra_sections == ()
    assert report.process_notes.github == (note,)
    md = render_markdown(report)
    assert "\n## Unresolved Feedback\n" not in md
    assert f"**GitHub**\n\n- {note}\n" in md
    assert f"<li>{note}</li>" in render_html(report)


def test_no_threads_json_means_no_section(tmp_path: Path) -> None:
    assert feedback_step.apply(_report(), tmp_path, SEATS) == _report()


def test_stored_threads_are_read_back_not_fetched(tmp_path: Path) -> None:
    (tmp_path / THREADS_JSON).write_text(threads_to_json(FetchedThreads(THREADS)))
    pr = PullRequest(number=9, repo="acme/shop")
    target = Target("pr", tmp_path, "a" * 40, "b" * 40, (), (), "", "9", pr=pr)
    # No gh, no token, an API nobody answers: a fetch would give a note, not the threads.
    env = {"PATH": "/nonexistent", "GITHUB_API_URL": "http://127.0.0.1:9"}
    got = feedback_step.threads_for(target, Store(tmp_path / "s"), tmp_path, env, Redactor(env))
    assert got is not None and got.threads == THREADS and got.note == ""


def test_fetched_threads_are_stored_redacted(tmp_path: Path) -> None:
    token = "ghp_" + "a" * 36
    pasted = thread("x.py", 1, f"CI fails, I set GITHUB_TOKEN={token} and it worked")
    pr = PullRequest(number=9, repo="acme/shop")
    target = Target("pr", tmp_path, "a" * 40, "b" * 40, (), (), "", "9", pr=pr)
    review_dir = tmp_path / "store" / "r1"
    review_dir.mkdir(parents=True)
    with graphql_server(GraphQLServer(threads=[pasted])) as gql:
        env = {"PATH": "/nonexistent", "GITHUB_API_URL": gql.url, "GITHUB_TOKEN": "tok-12345678"}
        got = feedback_step.threads_for(
            target, Store(tmp_path / "store"), review_dir, env, Redactor(env)
        )
    stored = (review_dir / THREADS_JSON).read_text()
    assert token not in stored and "[REDACTED]" in stored
    assert got is not None and token not in got.threads[0].comments[0].body


def test_excerpt_is_one_escaped_line() -> None:
    assert excerpt("a *b*\n\n[x](y) @me") == "a \\*b\\* \\[x\\]\\(y\\) @\u200bme"
    assert excerpt("x" * 300).endswith("…") and len(excerpt("x" * 300)) == 160
