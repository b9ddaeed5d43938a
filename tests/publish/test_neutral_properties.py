"""Property: whatever text goes in, what we post (and write to the Markdown report) has no live
`@mention` and no raw HTML outside code, read by markdown-it as GitHub renders a comment; code
is kept as written, and neutralising twice changes nothing."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from deepreview.markdown_neutral import neutral, neutral_inline
from deepreview.model import Finding, Header, Location, Report, Severity, Verdict
from deepreview.publish.safe import block_text, inline_text
from deepreview.publish.summary import SummaryInput, summary_body
from support.live_markdown import live_hazards

# Pieces that open, close or hide code and HTML, and mentions spelled every way.
PIECES = (
    "`",
    "``",
    "```",
    "~~~",
    "\\`",
    "\\",
    "@octocat",
    "@org/team",
    "a@b",
    "&#64;x",
    "@&#111;ctocat",
    "&commat;ops",
    "&amp;",
    "&lt;",
    "<img src=x>",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "<details>",
    "<summary>x</summary>",
    "<http://a`b>",
    '<a title="`">',
    "[l](u)",
    "| a | b |",
    "|---|---|",
    "> ",
    "- ",
    "1. ",
    "    ",
    "  ",
    "# ",
    "---",
    "===",
    "*",
    "_",
    "[x]: <y z>",
    "word",
    " ",
    "\n",
    "\n\n",
    "\t",
)
text = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)
OURS = (
    "<!-- deep-review:summary -->",
    "<details><summary>Suggestions and details</summary>",
    "</details>",
    "<sub>",
    "</sub>",
)

KNOWN = [
    r"Ping \`@octocat\` and \`<img src=x>\` here",
    "``@octocat` <img src=y>`` stays code, `@a`` @bob <b>x</b>",
    "x `\n`@a` z",  # a span opened on one line closes on the next
    "- a\n  ```\n<img src=x>\n  ```",
    "```@x",
    "| `a | <img>` |\n|---|\n| `b | @c` |",
    "[x]: <b `c>\n`@x` y`",
    "<http://a`b>`@c`",
    '<a title="`">`<img>`',
]


@settings(max_examples=150)
@given(text)
@example("")
def test_a_body_is_never_live_where_it_is_posted(t: str) -> None:
    for case in [t, *KNOWN]:
        out = block_text(case)
        assert live_hazards(out) == [], (case, out)
        # Placed after our own paragraph, as in a comment.
        assert (
            live_hazards(f"**I1 · Important** — title\n\n{out}\n\n<sub>x</sub>", allowed_html=OURS)
            == []
        )


@settings(max_examples=150)
@given(text)
def test_a_title_is_never_live_inside_our_line(t: str) -> None:
    for case in [t, *KNOWN]:
        title = inline_text(case)
        assert "\n" not in title
        for line in (f"- **I1** {title} — `calc.py:10`", f"#### I1: {title}", f"| x | {title} |"):
            assert live_hazards(line) == [], (case, line)


@settings(max_examples=120)
@given(text, st.sampled_from(["", "- ", "1. ", "10. ", "Fix: "]))
def test_neutral_in_its_place_is_never_live_and_is_stable(t: str, lead: str) -> None:
    for case in [t, *KNOWN]:
        out = neutral(case, lead=lead)
        assert live_hazards(lead + out) == [], (case, lead, out)
        assert neutral(out, lead=lead) == out
        assert neutral_inline(neutral_inline(case)) == neutral_inline(case)


@settings(max_examples=200)
@given(st.text(alphabet="abc <>@&;#!x_-*", max_size=30))
def test_code_is_kept_as_written(code: str) -> None:
    assert neutral(f"```\n{code}\n```") == f"```\n{code}\n```"
    inner = " ".join(code.split()) or "x"
    assert f"`{inner}`" in neutral(f"see `{inner}` here")
    assert f"``{inner}``" in inline_text(f"a ``{inner}`` b")


def test_what_a_reader_sees_is_kept() -> None:
    assert neutral("Hi @admin <b>x</b> & co") == "Hi @\u2060admin &lt;b>x&lt;/b> & co"
    assert neutral("&#64;x and &lt;") == "&amp;#64;x and &lt;"  # the reference shows as typed
    assert neutral(r"\`@a\`") == "\\`@\u2060a\\`"
    assert neutral("`@a` `` @b ` `` \\`@c`") == "`@a` `` @b ` `` \\`@\u2060c`"


@settings(max_examples=60)
@given(st.lists(st.tuples(text, text), min_size=1, max_size=4))
def test_a_whole_summary_comment_is_never_live(pairs: list[tuple[str, str]]) -> None:
    findings = tuple(
        Finding(
            id=f"I{n}",
            severity=Severity.IMPORTANT if n % 2 else Severity.SUGGESTION,
            title=title or "t",
            locations=(Location("a.py", n),),
            classification="regression",
            reviewers=("Alpha",),
            body=body,
            fix=body[::-1],
        )
        for n, (title, body) in enumerate(pairs, start=1)
    )
    report = Report(
        header=Header(review_id="r", verdict=Verdict("Rework", pairs[0][0])), findings=findings
    )
    body = summary_body(SummaryInput(report=report, review_id="r"))
    assert live_hazards(body, allowed_html=OURS) == [], body
