"""Which comment that starts with the summary marker is ours to edit (pure: `adopted`)."""

from __future__ import annotations

from deepreview.model import Finding, Header, Location, Report, Severity, Verdict
from deepreview.publish.summary import SummaryInput, adopted, has_summary_layout, summary_body

HEADER = Header("r", verdict=Verdict("Rework"))
OURS = summary_body(SummaryInput(report=Report(header=HEADER), review_id="r"))
MANY = tuple(
    Finding(f"I{n}", Severity.IMPORTANT, f"Finding {n}", (Location("a.py", n),), body="x" * 200)
    for n in range(1, 60)
)
# A PR review's summary names its round first on the facts line.
ROUND = summary_body(
    SummaryInput(report=Report(header=Header("r", verdict=Verdict("Rework"), round="2 (of PR #7)")))
)
CUT = summary_body(
    SummaryInput(report=Report(header=HEADER, findings=MANY), review_id="r"), limit=4_000
)


def _c(body: str, login: str, kind: str) -> dict[str, object]:
    return {"id": 1, "body": body, "user": {"login": login, "type": kind}}


def test_what_we_write_has_our_layout_and_a_lookalike_start_does_not() -> None:
    assert "Cut to fit" in CUT
    assert has_summary_layout(OURS) and has_summary_layout(CUT)
    assert ROUND.count("Round 2 (of PR #7) · **0 Critical") == 1 and has_summary_layout(ROUND)
    assert not has_summary_layout("<!-- deep-review:summary -->\n## Deep Review: Merge as-is")
    assert not has_summary_layout(OURS.replace("<sub>", "<sup>"))


def test_the_tokens_own_comments_are_ours_whoever_else_wrote_one() -> None:
    mine = _c(OURS, "github-actions[bot]", "Bot")
    person = _c(OURS, "mallory", "User")
    other_bot = _c(OURS, "other[bot]", "Bot")
    plain = _c("no marker", "github-actions[bot]", "Bot")
    comments = [person, other_bot, mine, plain, "not a comment"]
    assert adopted(comments, "github-actions[bot]") == ([mine], [person, other_bot])
    # GraphQL may name a bot without its REST suffix; a person never matches a bot's name.
    assert adopted(comments, "github-actions") == ([mine], [person, other_bot])
    assert adopted([_c(OURS, "github-actions", "User")], "github-actions[bot]")[0] == []
    assert adopted([person], "MALLORY") == ([person], [])  # logins ignore case


def test_without_the_tokens_login_only_a_bot_comment_of_our_layout_is_ours() -> None:
    mine = _c(OURS, "someapp[bot]", "Bot")
    person = _c(OURS, "mallory", "User")
    stub = _c("<!-- deep-review:summary -->\nhi", "other[bot]", "Bot")
    assert adopted([person, stub, mine], None) == ([mine], [person, stub])
