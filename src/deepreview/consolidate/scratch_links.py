"""Links into a seat's scratch worktree, in its prose, as the repository places they name.

A seat that reads the change in its own worktree (`/tmp/review-codex-CJcX1Y/`) links what it
read there: `[importer.load](/tmp/review-codex-CJcX1Y/inventory/importer.py#L8)`. That folder
is deleted when the review ends, so the link is dead and shows a local temp path; and the HTML
report keeps only web links live, so it printed the Markdown as text. A finding's location is
made repository-relative (`findings.locations.relativize`); the same worktree prefix is taken
off such a link here, and the link becomes a code span naming the place (`` `inventory/
importer.py:8` ``), after its label when the label says something else (`importer.load
(`inventory/importer.py:8`)`). Other links (web pages, other paths) and anything in code stay
as written; the seat's review in the appendix stays word for word. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote

from deepreview.consolidate.sections import links
from deepreview.findings.locations import relativize
from deepreview.markdown_fence import FenceTracker, code_span, code_span_text, code_spans
from deepreview.model import Assessment, Report

_LINES = re.compile(r"^L(?P<start>\d+)(?:C\d+)?(?:-L?(?P<end>\d+)(?:C\d+)?)?$")


def scratch_place(target: str) -> str | None:
    """`path:8` / `path:6-8` / `path` for a link target inside a seat's scratch worktree (any
    `review-<seat>-XXXX/` folder of an absolute path), else None."""
    path, _, fragment = unquote(target).partition("#")
    rel = relativize(path)
    if rel == path.strip() or not rel or rel.startswith(("/", "..")):
        return None
    m = _LINES.match(fragment)
    if m is None:
        return rel
    start, end = m.group("start"), m.group("end")
    return f"{rel}:{start}" + (f"-{end}" if end and end != start else "")


# a link's text naming a file and maybe its lines: `x.go`, `pkg/x.go:443-468`
_NAMED = re.compile(r"^(?P<name>[^\s:`]+?)(?P<lines>:L?(?P<start>\d+)(?:\s*[-–]\s*L?\d+)?)?$")


def _shown(label: str, place: str) -> str:
    """The link as prose: its place as code, after its label unless the label only names that
    file (`x.go`, `` `pkg/x.go:443-468` ``: the label's lines are the more precise)."""
    text = label.strip()
    named = _NAMED.match(code_span_text(text) if text.startswith("`") else text)
    path, _, lines = place.partition(":")
    if named and (named.group("name") == path or path.endswith("/" + named.group("name"))):
        own = named.group("lines")
        if own and (not lines or lines.split("-")[0] == named.group("start")):
            return code_span(path + own.replace(" ", "").replace("–", "-").replace(":L", ":"))
        return code_span(place)
    return f"{label} ({code_span(place)})"


def _prose(text: str) -> str:
    spans = code_spans(text, across_lines=True)
    out: list[str] = []
    pos = 0
    for start, end, label, target in links(text):
        place = scratch_place(target)
        # a link inside a code span is code, not a link
        if place is None or any(a <= start < b for a, b in spans):
            continue
        out.append(text[pos:start])
        out.append(_shown(label, place))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def local_links(text: str) -> str:
    """`text` with each link into a scratch worktree (outside fenced code) as its place."""
    if "review-" not in text:
        return text
    out: list[str] = []
    prose: list[str] = []
    fences = FenceTracker()
    for line in text.splitlines(keepends=True):
        if fences.feed(line.rstrip("\r\n")):
            out.append(_prose("".join(prose)))
            prose.clear()
            out.append(line)
        else:
            prose.append(line)
    out.append(_prose("".join(prose)))
    return "".join(out)


def report_with_local_links(report: Report) -> Report:
    """`report` with `local_links` applied to its prose: findings' bodies and fixes, design
    observations, assessments, limitations and extra sections (a seat's open questions). After
    the merge: which seat's wording a merged entry keeps is chosen by its visible length, which
    counts a link by its label."""

    def assessment(a: Assessment) -> Assessment:
        return replace(a, intro=local_links(a.intro), items=tuple(map(local_links, a.items)))

    return replace(
        report,
        findings=tuple(
            replace(f, body=local_links(f.body), fix=local_links(f.fix)) for f in report.findings
        ),
        design_observations=tuple(
            replace(o, text=local_links(o.text)) for o in report.design_observations
        ),
        testing=assessment(report.testing),
        documentation=assessment(report.documentation),
        limitations=local_links(report.limitations),
        extra_sections=tuple(replace(x, body=local_links(x.body)) for x in report.extra_sections),
    )
