"""`render_markdown`: a `Report` -> the consolidated Markdown report, in the seed's layout.

All Markdown comes from the Jinja2 templates in `render/templates/` (package data); the filters
here only format single values (a location, a duration, a table cell).  Autoescape is off: the
output is Markdown.  Agent and PR text keeps its Markdown, but as in a comment we post
(`markdown_neutral`): outside code, mentions and `#123` references are broken and `<` is
escaped, since this file is what users paste into a PR.  `parse_report` reads the output back
(that text as written here); the two are kept in step by round-trip tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from jinja2 import Environment, PackageLoader, StrictUndefined

from deepreview import markdown_fence, templating
from deepreview.findings.finding_escape import escape_finding_lines
from deepreview.findings.headings import demote_embedded
from deepreview.markdown_contain import contain
from deepreview.markdown_fence import is_fence_line
from deepreview.markdown_idlinks import anchor_tag, link_id_cells, link_ids
from deepreview.markdown_neutral import is_own_round, neutral, neutral_inline
from deepreview.markdown_untrusted import body_md, one_line, one_line_path
from deepreview.model import NO_DOCUMENTATION, NO_TESTING, SEVERITIES, Location, Report
from deepreview.render.finding_links import id_owners
from deepreview.runmodel import format_duration, format_usd

# Extra sections that the format places before Acknowledged Limitations; all others follow it.
BEFORE_LIMITATIONS = ("Commit Structure",)
_BLOCK_START = re.compile(r"^(?:[-*+] |\d{1,9}[.)] |\||>|#|    )")


def render_markdown(report: Report) -> str:
    """The report as Markdown; ends with one newline."""
    template = _env().get_template("report.md.j2")
    return template.render(
        report=report,
        severities=SEVERITIES,
        before_limitations=BEFORE_LIMITATIONS,
        no_testing=NO_TESTING,
        no_documentation=NO_DOCUMENTATION,
        # the IDs a mention may link to: the findings this report holds (`markdown_idlinks`)
        fids=frozenset(f.id for f in report.findings),
        owners=id_owners(report),  # `Codex I2` is Codex's own I2: no link
    )


@cache
def _env() -> Environment:
    env = templating.environment(
        loader=PackageLoader("deepreview.render", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown output: escaping is the HTML renderer's job
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        loc=format_location,
        code=code_span,
        cell=table_cell,
        author_cell=author_cell,
        round_cell=round_cell,
        duration=format_duration,
        usd=format_usd,
        lead_bold=lead_bold,
        fix_layout=fix_layout,
        blockquote=blockquote,
        demote=demote_embedded,
        contain=contain,  # a review's open fence or `<!--` stays in its appendix entry
        # Seat-written text: one-line fields on one line, bodies kept below our structure, and
        # all of it neutral (a body placed after a list marker or label is read after it).
        neutral=neutral,
        line=untrusted_line,
        body=untrusted_body,
        finding_body=finding_body,
        credit=credit,
        anchor_tag=anchor_tag,
        idlinks=link_ids,
        id_cells=link_id_cells,
    )
    return env


def credit(names: Sequence[str], after: str, lead: str = "") -> str:
    """` [A, B]`, the reviewers of an item whose rendered Markdown is `after`; "" for none.

    On a line of its own when `after` ends in a code block: on a fence's closing line it would
    leave the fence open, and the rest of the report would read as code. That line is indented
    like the item's text after its `lead` (`- `, `2. `): at column 0 it would end the list, and
    the credit would be a stray paragraph between two lists."""
    if not names:
        return ""
    label = "[" + ", ".join(untrusted_line(n) for n in names) + "]"
    last = after.rstrip("\n").rsplit("\n", 1)[-1]
    if is_fence_line(last) or last.startswith(("    ", "\t")):
        return f"\n\n{' ' * len(lead)}{label}"
    return f" {label}"


def untrusted_line(text: object) -> str:
    return neutral_inline(one_line(text))


def untrusted_body(text: str, lead: str = "") -> str:
    """Untrusted Markdown placed after `lead` on its first line (`- ` for a list item)."""
    return neutral(body_md(text, html=False), lead=lead)


def finding_body(text: str, lead: str = "") -> str:
    """A finding's body or fix: untrusted Markdown whose lines never read back as findings."""
    return neutral(escape_finding_lines(body_md(text, html=False)), lead=lead)


def format_location(loc: Location) -> str:
    return one_line_path(loc)


def code_span(text: object) -> str:
    """`text` as an inline code span, with a longer fence when the text holds backticks."""
    return markdown_fence.code_span(str(text))


_BREAK: Final = "\u2063"  # stands for a cell's `<br>` while its text is neutralised


def table_cell(text: object) -> str:
    """A value safe inside a `| ... |` cell: neutral, pipes escaped, line breaks as `<br>`."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").replace(_BREAK, " ")
    cell = neutral_inline(lines.replace("\n", _BREAK))
    return cell.replace("|", "\\|").replace(_BREAK, "<br>")


# A git author as `_history` writes it: `Name <email>`.
_GIT_AUTHOR: Final = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<email>[^<>\n]*)>$")


def author_cell(author: str) -> str:
    """The Author cell: a git author's name, then the email as a code span. Written as prose,
    `<` became `&lt;` and the `@` got an invisible joiner (it could be a mention); in a code
    span the address reads as typed and pings nobody."""
    m = _GIT_AUTHOR.match(author)
    if m is None:
        return table_cell(author)
    name, email = m.group("name"), m.group("email")
    span = table_cell(code_span(email)) if email else ""
    return " ".join(part for part in (table_cell(name) if name else "", span) if part)


def round_cell(label: str) -> str:
    """The round's cell: our own `3 (of PR #711)` keeps its link to the reviewed PR."""
    return label if is_own_round(label) else table_cell(label)


def lead_bold(text: str) -> tuple[str, str]:
    """(`**Title**`, rest) when the text starts with a bold title, else ("", text)."""
    if text.startswith("**"):
        end = text.find("**", 2)
        if end > 2:
            return text[: end + 2], text[end + 2 :]
    return "", text


def fix_layout(fix: str) -> str:
    """How `Fix` is printed: `paren` -> `Fix (two parts): ...`; `block` -> `Fix:` + blank line
    before a code block or list; `inline` -> `Fix: text`."""
    if fix.startswith("("):
        return "paren"
    if is_fence_line(fix.split("\n", 1)[0]) or _BLOCK_START.match(fix):
        return "block"
    return "inline"


def blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))
