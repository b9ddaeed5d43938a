"""The job summary's text (`publish.job_summary`): what is not ours is one neutralised line,
and the whole stays small, whatever a seat or GitHub said."""

from __future__ import annotations

from deepreview.model import Header, Report, Verdict
from deepreview.publish.job_summary import (
    MAX_CHARS,
    Posting,
    ReviewFacts,
    review_summary,
    seat_summary,
)
from deepreview.runmodel import SeatRun

HOSTILE = "ask @octocat <img src=x onerror=y>\n\n### Injected heading\n<!-- deep-review:summary -->"


def _facts(**kw: object) -> ReviewFacts:
    header = Header(
        review_id="R1", pr_number=7, repo="acme/demo", verdict=Verdict("Rework", HOSTILE)
    )
    base: dict[str, object] = {
        "review_id": "R1",
        "status": "complete",
        "report": Report(header=header, findings=()),
        "paths": {"json": "/s/R1.json", "md": "/s/R1.md", "html": "/s/R1.html"},
        "seats": [SeatRun(seat="alpha", status="failed", reason=HOSTILE * 50)],
        "exit_code": 5,
        "posting": Posting(error=HOSTILE * 50),
    }
    base.update(kw)
    return ReviewFacts(**base)  # type: ignore[arg-type]


def test_untrusted_text_is_one_neutral_line() -> None:
    text = review_summary(_facts())
    assert "@octocat" not in text and "<img" not in text and "<!--" not in text
    assert "\n### Injected" not in text  # no heading of its own
    assert text.count("\n### ") == 0 and text.startswith("### Deep Review: Rework\n")
    assert "Posting failed (exit 5)" in text and "- Exit code: 5" in text
    assert "`/s/R1.md`, `/s/R1.html`" in text and "R1.json" not in text
    assert len(text) <= MAX_CHARS


def test_what_the_summary_says_of_posting() -> None:
    assert "Not posted by this command (`deep-review publish R1` posts it)" in review_summary(
        _facts(posting=None, exit_code=0)
    )
    skipped = review_summary(
        _facts(posting=Posting(skipped="not posted: a newer one"), exit_code=0)
    )
    assert "- Not posted: a newer one" in skipped
    gate = review_summary(_facts(posting=None, exit_code=4, fail_on="important", gate_failed=True))
    assert "- Gate `--fail-on important`: failed (exit 4)" in gate
    assert "Gate" not in review_summary(_facts(fail_on="important", gate_failed=None))


def test_a_seat_only_summary() -> None:
    text = seat_summary(SeatRun(seat="codex", status="timeout", reason=HOSTILE), "out", 3)
    assert text.startswith("### Deep Review seat codex: timed out")
    assert "@octocat" not in text and "<img" not in text and "Exit code: 3." in text
