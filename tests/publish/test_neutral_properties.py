"""Property: whatever text goes in, what we post (and write to the Markdown report) has no live
`@mention`, no live cross-reference (`#123`, `GH-123`) and no raw HTML outside code, read by
markdown-it as GitHub renders a comment; code is kept as written, and neutralising twice changes
nothing."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from deepreview.markdown_neutral import is_own_round, neutral, neutral_inline, restore_joiners
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
    "#12",
    "GH-3",
    "gh\\-4",
    "o/r#5",
    "\\#6",
    "&#35;7",
    "&num;8",
    "GH&#45;9",
    "&#71;H-1",
    "#&#49;",
    "#",
    "1",
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
    "[w](https://example.com)",
    "[j](javascript:x)",
    "](",
    "]: ",
    "![",
    "!",
    "[",
    "[" * 40,  # a long run: markdown-it reads most of it as another punctuation (fast)
    "https://e/i.png",
    "javascript&#58;y",
    "[r]",
    "[r]: javascript:y",
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
    "Fixes #12, GH-3 and o/r#4 (`#5` stays) \\#6 &#35;7 &num;8 GH&#45;9 &#71;H-1 #&#49;2",
    "```\n#12 GH-3\n```\nsee #12",
    "![i](https://evil.example/i.png) [j](javascript:alert(1)) [e](javascript&#58;x)",
    "#<img src=x>",  # stable: its `#` is joined on the first pass
    "[r][d] `[c](javascript:x)`\n\n[d]: javascript:y\n[a](\njavascript:z)",
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
# found by Hypothesis exploring: a link destination in angle brackets (`](</b>`), whose `<` the
# first pass writes `&lt;`, so a second pass read `](&lt;…` as a link to defuse
@example("](</b>", "")
@example("[docs](<https://example.com/a>)", "- ")
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
    # The reference shows as typed, and `#64` in it is no cross-reference either.
    assert neutral("&#64;x and &lt;") == "&amp;#\u206064;x and &lt;"
    assert neutral(r"\`@a\`") == "\\`@\u2060a\\`"
    assert neutral("`@a` `` @b ` `` \\`@c`") == "`@a` `` @b ` `` \\`@\u2060c`"


def test_images_and_links_off_the_web_are_shown_as_written() -> None:
    """Trial 32 defect 7c: a seat's remote image would load, a `javascript:` link run."""
    assert neutral("![x](https://e/i.png) [j](javascript:a) [w](https://e/w) [f](#top)") == (
        "!\\[x](https://e/i.png) [j]\\(javascript:a) [w](https://e/w) [f](#top)"
    )
    assert neutral("[r]\n\n[r]: data:text/html,x") == "[r]\n\n[r]\\: data:text/html,x"
    assert neutral("`[c](javascript:x)` ![a]") == "`[c](javascript:x)` !\\[a]"


def test_cross_references_are_broken_outside_code_only() -> None:
    wj = "\u2060"
    assert neutral("Fixes #12, GH-3, gh-4 and o/r#5") == (
        f"Fixes #{wj}12, GH-{wj}3, gh-{wj}4 and o/r#{wj}5"
    )
    assert neutral("`#12` and\n```\nGH-3 #4\n```") == "`#12` and\n```\nGH-3 #4\n```"
    # Spelled with escapes or references, as GitHub would read the rendered text.
    assert neutral("\\#6 GH\\-7 &#35;8 GH&#45;9 #&#49;") == (
        f"\\#{wj}6 GH\\-{wj}7 &amp;#{wj}35;8 GH&amp;#{wj}45;9 #{wj}&#49;"
    )
    # What is no reference is left alone: a heading, a fragment word, `#` alone, `&#60;`.
    assert neutral("# Title\n\na#b, issue # 5, C# and &#60;") == (
        "# Title\n\na#b, issue # 5, C# and &#60;"
    )
    assert restore_joiners(neutral("Fixes #12 and GH-3 @a")) == "Fixes #12 and GH-3 @a"


def test_our_own_round_label_keeps_its_link_to_the_pr() -> None:
    assert is_own_round("2 (of PR #7)")
    assert not is_own_round("2 (of #7)") and not is_own_round("2 (of PR #7) #8")
    summary = summary_body(
        SummaryInput(report=Report(header=Header("r", round="2 (of PR #7)")), review_id="r")
    )
    assert "Round 2 (of PR #7) · " in summary
    branch = summary_body(
        SummaryInput(report=Report(header=Header("r", round="2 (of fix-#8)")), review_id="r")
    )
    assert "Round 2 (of fix-#\u20608) · " in branch


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
    # Our own round label is the one reference left live.
    header = Header(review_id="r", verdict=Verdict("Rework"), round="2 (of PR #7)")
    body = summary_body(SummaryInput(report=Report(header=header, findings=findings)))
    assert live_hazards(body, allowed_html=OURS, allowed_refs=["Round 2 (of PR #7)"]) == []
