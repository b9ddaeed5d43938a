"""Which comment that starts with one of our markers is ours (pure: `adopted` for the summary,
`own_review_comments` for inline comments and verdict replies)."""

from __future__ import annotations

from deepreview.model import Finding, Header, Location, Report, Severity, Verdict
from deepreview.publish.authorship import own_review_comments
from deepreview.publish.inline import Anchor, comment_body, has_inline_layout
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


INLINE = comment_body(MANY[0], Anchor("a.py", 1))
VERDICT = (
    "<!-- deep-review:verdict round=2 -->\n\n**Fixed in round 2** (verdict by Alpha)\n\n"
    "> gone\n\n<sub>Deep Review · review `r2`</sub>"
)


def test_review_comments_with_our_markers_are_ours_only_when_the_token_wrote_them() -> None:
    mine = _c(INLINE, "app[bot]", "Bot")
    reply = {**_c(VERDICT, "app[bot]", "Bot"), "in_reply_to_id": 1}
    spoof = _c(INLINE, "mallory", "User")
    spoof_reply = {**_c(VERDICT, "mallory", "User"), "in_reply_to_id": 1}
    plain = _c("a plain comment", "alice", "User")
    comments = [spoof, plain, mine, spoof_reply, reply]
    assert has_inline_layout(INLINE) and not has_inline_layout(INLINE.split("\n")[0])
    assert own_review_comments(comments, lambda: "app[bot]") == (
        [mine, reply],
        [spoof, spoof_reply],
    )
    # Without the login: a Bot's comment of our layout; a marker alone is not enough.
    stub = _c(INLINE.split("\n")[0] + "\n\nhi", "other[bot]", "Bot")
    stub_reply = _c("<!-- deep-review:verdict round=2 -->\nok", "other[bot]", "Bot")
    assert own_review_comments([*comments, stub, stub_reply], lambda: None) == (
        [mine, reply],
        [spoof, spoof_reply, stub, stub_reply],
    )


def test_the_login_is_asked_only_when_a_review_comment_carries_a_marker() -> None:
    def ask() -> str:
        raise AssertionError("asked")

    assert own_review_comments([_c("plain", "alice", "User"), "x"], ask) == ([], [])
