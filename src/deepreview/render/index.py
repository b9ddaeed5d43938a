"""The review store's `index.html`: one self-contained table of every stored review.

Same rules as the report page: Jinja autoescaping for every value, hrefs only when they are
http(s) or relative, a CSP that admits only our own inline style (the page needs no script).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from markupsafe import Markup

from deepreview.render.html import asset, content_security_policy, jinja_env, verdict_slug
from deepreview.render.reviewers import reviewers_view
from deepreview.stats.aggregate import StatsTable
from deepreview.store.dates import UNKNOWN
from deepreview.store.report_files import FILES_MISSING


@dataclass(frozen=True)
class IndexEntry:
    review_id: str
    date: str  # "2026-04-08 14:51" (UTC): sorts as text; "unknown" (`store.dates`) sorts last
    html_href: str | None
    md_href: str | None
    target: str  # "PR #280 — Add host-switch …" or "branch host-switch"
    verdict: str  # Verdict label (model.Verdict.label)
    critical: int
    important: int
    suggestions: int
    reviewers: tuple[str, ...]
    repo: str = ""  # the reviewed repository's name (`owner/name`, or its folder's)
    # run.json's: running | interrupted | failed | complete, or `files missing` (complete, but
    # report files deleted by hand: `store.report_files`)
    status: str = "complete"
    # `files missing`: which files and why, as `list` says it (`files_missing_reason`)
    why: str = ""

    @property
    def pill(self) -> str:
        """The verdict as `list` shows it: with the status when that says more
        ("Unknown (interrupted)")."""
        same = self.status == "complete" or self.verdict.lower() == self.status
        return self.verdict if same else f"{self.verdict} ({self.status})"


_ROW: Final = re.compile(r'<tr class="review" data-review-id="([^"]*)">(.*?)</tr>', re.DOTALL)


_WHY: Final = re.compile(r'<p class="why">(.*?)</p>', re.DOTALL)


def marked_missing(page: str) -> dict[str, str]:
    """The reviews an index page shows as `files missing`, with the reason it gives (so a
    `list` can tell whether the page it finds is still right about them)."""
    pill = f"({FILES_MISSING})</span>"
    marked = {}
    for m in _ROW.finditer(page):
        if pill in m[2]:
            why = _WHY.search(m[2])
            marked[html.unescape(m[1])] = html.unescape(why[1]) if why else ""
    return marked


def index_title(entries: Sequence[IndexEntry]) -> str:
    """`Deep Review — acme/widgets` when every review is of one repository; plain `Deep Review`
    when the store holds several (the Repo column says whose each is) or none: titling it after
    one of them mislabelled the others' reviews."""
    repos = {e.repo for e in entries}
    return f"Deep Review — {repos.pop()}" if len(repos) == 1 and "" not in repos else "Deep Review"


def render_index(
    entries: Sequence[IndexEntry],
    *,
    title: str | None = None,
    reviewers: StatsTable | None = None,
) -> str:
    """The store's index page, newest review first (by date, then review ID), and the
    Reviewers panel when `reviewers` has any seat. `title`: `index_title` unless given; a
    Repo column when the reviews are of more than one repository."""
    ordered = sorted(entries, key=lambda e: (e.date != UNKNOWN, e.date, e.review_id), reverse=True)
    css = asset("base.css") + asset("index.css")
    rows = [{"e": e, "slug": verdict_slug(e.verdict)} for e in ordered]
    return (
        jinja_env()
        .get_template("index.html.j2")
        .render(
            title=index_title(entries) if title is None else title,
            rows=rows,
            repo_column=len({e.repo for e in entries}) > 1,
            reviewers=reviewers_view(reviewers) if reviewers is not None else None,
            css=Markup(css),
            csp=content_security_policy(style=css, script=None),
        )
    )
