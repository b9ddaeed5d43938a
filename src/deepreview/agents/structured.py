"""The Markdown of a review that a seat handed over as data (static, command seats printing JSON).

Such a seat's findings reach consolidation as they are; this Markdown is only what a reader sees
in the report's appendix and in `review-<seat>-pass-N.md`. It follows the layout every seat
writes, so the review parser reads it back to the same findings (`deep-review consolidate` on
the stored file). Statements a seat makes about itself go under "Seat Notes", never under the
change's Testing Assessment or Acknowledged Limitations.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import jinja2

from deepreview.markdown_fence import fence_for, table_cell
from deepreview.markdown_untrusted import body_md, one_line, one_line_path
from deepreview.model import SEVERITIES, AgentReview, Location


def fenced(text: str, lang: str = "") -> str:
    """A fenced block whose fence is longer than any backtick run inside `text`."""
    fence = fence_for(text)
    body = text if text.endswith("\n") else text + "\n"
    return f"{fence}{lang}\n{body}{fence}"


def inline_code(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _location(loc: Location) -> str:
    return inline_code(one_line_path(loc))


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=False,  # Markdown, not HTML; the HTML renderer escapes it later
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["code"] = inline_code
    env.filters["cell"] = table_cell
    env.filters["location"] = _location
    # The seat's own text: one-line fields on one line, bodies below this review's headings.
    env.filters["line"] = one_line
    env.filters["body"] = body_md
    source = resources.files(__package__).joinpath("structured_review.md.j2").read_text("utf-8")
    return env.from_string(source)


def review_markdown(review: AgentReview) -> str:
    """The review's Markdown: summary, findings by severity, seat notes, coverage."""
    sections = [(s.heading, [f for f in review.findings if f.severity is s]) for s in SEVERITIES]
    return _template().render(review=review, sections=sections)
