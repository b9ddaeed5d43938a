"""One self-contained HTML page per review, rendered from the `Report` model with Jinja2.

Everything in a Report is agent or PR text, so nothing from it reaches the page unescaped:
plain strings go through Jinja autoescaping; Markdown goes through markdown-it with raw HTML
disabled, images shown as their alt text and links limited to http(s) and #fragments; code
goes through Pygments, which escapes. On top of that the page carries a Content-Security-Policy
that admits only our own inline `<style>` and `<script>`, by hash, so a missed escape still
cannot load or run anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Collection, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from deepreview import templating
from deepreview.findings.headings import EMBEDDED_TOP_LEVEL
from deepreview.markdown_linkscan import fast_links
from deepreview.model import (
    NO_DOCUMENTATION,
    NO_TESTING,
    SEVERITIES,
    Finding,
    FindingSource,
    Report,
)
from deepreview.render import svg
from deepreview.render.finding_links import (
    anchor,
    finding_anchor,
    id_owners,
    link_cell_ids,
    link_ids,
    mentioned_ids,
)
from deepreview.runmodel import format_duration, format_usd

VERDICT_SLUGS = (
    "merge-as-is",
    "merge-with-fixes",
    "rework",
    "failed",
    "no-model-review",
    "unverified",
    "unknown",
)
_SAFE_SCHEMES = ("http", "https")
_PYGMENTS_LIGHT = "default"
_PYGMENTS_DARK = "github-dark"
_FORMATTER = HtmlFormatter(cssclass="hl", wrapcode=True)
_REVIEWER_HUES = 6


# --- URLs and Markdown ---------------------------------------------------------------------


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) or relative, else None (no `javascript:`, `data:`, `//host`)."""
    if not url:
        return None
    text = url.strip()
    # Browsers drop tabs and newlines inside URLs, so "java\tscript:" must not slip through.
    compact = re.sub(r"[\x00-\x20]", "", text)
    if compact.startswith(("//", "\\\\", "/\\", "\\/")):
        return None
    head = re.split(r"[/?#]", compact, maxsplit=1)[0]
    if ":" in head and head.split(":", 1)[0].lower() not in _SAFE_SCHEMES:
        return None
    return text


def safe_markdown_url(url: str) -> bool:
    """Whether a link in reviewer Markdown stays live: http(s) or a #fragment of this page.

    Stricter than `safe_url`: a path ("/etc/passwd", "../x") would open a local file when the
    report is read from file://, and no reviewer has a reason to link one.
    """
    href = safe_url(url)
    if href is None:
        return False
    compact = re.sub(r"[\x00-\x20]", "", href)
    return compact.startswith("#") or compact.split(":", 1)[0].lower() in _SAFE_SCHEMES


class _SafeMarkdown(MarkdownIt):
    """CommonMark + tables, raw HTML off, images as alt text, only http(s)/#fragment links."""

    def __init__(self) -> None:
        super().__init__("commonmark", {"html": False, "linkify": False, "typographer": False})
        self.enable(["table", "strikethrough"])
        fast_links(self)  # hostile `[` and `[a](` runs: no rescans
        self.add_render_rule("image", _render_image)
        self.add_render_rule("fence", _render_fence)
        self.add_render_rule("code_block", _render_code_block)
        self.add_render_rule("link_open", _render_link_open)
        self.add_render_rule("table_open", _render_table_open)
        self.add_render_rule("table_close", _render_table_close)
        for name in ("th_open", "td_open"):
            self.add_render_rule(name, _render_cell_open)

    def validateLink(self, url: str) -> bool:
        return safe_markdown_url(url)


def _render_fence(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    tok = tokens[idx]
    info = tok.info.strip()
    lang = info.split()[0] if info else ""
    if not lang and env.get("fence_default") == "diff" and _looks_like_diff(tok.content):
        lang = "diff"
    return code_block_html(tok.content, lang, info)


def _render_code_block(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    return code_block_html(tokens[idx].content, "", "")


def _render_link_open(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    if not str(tokens[idx].attrGet("href") or "").startswith("#"):  # leaves this page
        tokens[idx].attrSet("rel", "nofollow noopener noreferrer")
    return str(self.renderToken(tokens, idx, options, env))


def _render_image(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    # An image would be a network fetch (and a tracking pixel); show its alt text instead.
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="img-alt">[image: {escape(alt)}]</span>'


def _render_table_open(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    # A wide table scrolls inside its wrapper instead of widening the whole page.
    return '<div class="table-wrap">' + str(self.renderToken(tokens, idx, options, env))


def _render_table_close(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    return str(self.renderToken(tokens, idx, options, env)) + "</div>\n"


def _render_cell_open(self: Any, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
    # Table alignment arrives as style="text-align:x"; the CSP forbids inline styles.
    tok = tokens[idx]
    style = str(tok.attrGet("style") or "")
    if style:
        tok.attrs.pop("style", None)
        align = style.split(":")[-1].strip()
        if align in ("left", "center", "right"):
            tok.attrSet("class", f"al-{align}")
    return str(self.renderToken(tokens, idx, options, env))


def _looks_like_diff(code: str) -> bool:
    lines = [ln for ln in code.splitlines() if ln.strip()]
    return any(ln[0] in "+-" for ln in lines) and all(ln[0] in "+- @\\\t" for ln in lines)


@lru_cache(maxsize=64)
def _lexer(lang: str) -> Lexer | None:
    if not lang:
        return None
    try:
        return get_lexer_by_name(lang.lower(), stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


def code_block_html(code: str, lang: str, info: str) -> str:
    """A highlighted (or plain, escaped) code block with its info string as a label."""
    lexer = _lexer(lang)
    if lexer is not None:
        # The final newline would become an empty line after an inline-block diff line.
        body = (
            highlight(code, lexer, _FORMATTER)
            .rstrip("\n")
            .replace("\n</code></pre>", "</code></pre>")
        )
    else:
        body = f'<div class="hl"><pre><code>{escape(code.rstrip(chr(10)))}</code></pre></div>'
    label = f'<span class="code-lang">{escape(info)}</span>' if info else ""
    return f'<div class="code">{label}{body}</div>\n'


def reported_by(sources: Sequence[FindingSource]) -> str:
    """A finding card's `Reported by 2 reviewers` over its list of sources: the reviewers who
    raised it, each once (the lead may merge two findings of one into it); one who only noted
    it (`kind` note) is counted as such, as the Markdown report's "Also noted by" line says."""
    raised = list(dict.fromkeys(s.reviewer for s in sources if s.kind != "note"))
    noted = {s.reviewer for s in sources if s.kind == "note"} - set(raised)
    found = len(sources) - sum(s.kind == "note" for s in sources)
    out = f"Reported by {len(raised)} reviewer{'' if len(raised) == 1 else 's'}"
    if found > len(raised):
        out += f" in {found} findings"
    return out + (f", noted by {len(noted)}" if noted else "")


@cache
def _md() -> _SafeMarkdown:
    return _SafeMarkdown()


def markdown_html(
    text: str,
    *,
    fence_default: str = "",
    heading_shift: int = 0,
    heading_top: int = 0,
    ids: Collection[str] = (),
    owners: Collection[str] = (),
    cell_ids: Collection[str] = (),
) -> Markup:
    """Block Markdown → safe HTML. `heading_shift` demotes headings; `heading_top` demotes them
    so that the highest is at that level, never promoting (a seat's review in the appendix,
    below its entry's title, as the Markdown report's `demote_embedded` places it). Mentions
    of the finding IDs in `ids` become links to their cards (not after one of `owners`, a seat
    naming its own ID: `finding_links.link_ids`), and so do table cells holding only one of
    `cell_ids` (the Fix Verdicts table's `Now`)."""
    if not text.strip():
        return Markup("")
    env: dict[str, Any] = {"fence_default": fence_default}
    tokens = _md().parse(text, env)
    link_ids(tokens, ids, owners)
    link_cell_ids(tokens, cell_ids)
    headings = [tok for tok in tokens if tok.type in ("heading_open", "heading_close")]
    if heading_top and headings:
        heading_shift += max(0, heading_top - min(int(tok.tag[1]) for tok in headings))
    if heading_shift:
        for tok in headings:
            tok.tag = f"h{min(6, int(tok.tag[1]) + heading_shift)}"
    return Markup(_md().renderer.render(tokens, _md().options, env))


def markdown_inline(text: str, ids: Collection[str] = (), owners: Collection[str] = ()) -> Markup:
    """Inline Markdown (titles, table cells) → safe HTML without a wrapping `<p>`; mentions of
    the finding IDs in `ids` become links to their cards (not after one of `owners`)."""
    env: dict[str, Any] = {}
    tokens = _md().parseInline(text or "", env)
    link_ids(tokens, ids, owners)
    return Markup(_md().renderer.render(tokens, _md().options, env))


def markdown_item(text: str) -> Markup:
    """A list item's Markdown (a design observation): inline when it is one paragraph, as a
    title is; blocks (paragraphs, lists, highlighted code) when it holds more, as a finding's
    body does. Inline, a code block would collapse into one code span led by its info string."""
    tokens = _md().parse(text or "", {})
    if [t.type for t in tokens] in ([], ["paragraph_open", "inline", "paragraph_close"]):
        return markdown_inline(text)
    return markdown_html(text)


# --- assets and CSP -------------------------------------------------------------------------


@cache
def asset(name: str) -> str:
    return (resources.files("deepreview.render") / "assets" / name).read_text(encoding="utf-8")


def _pygments_rules(style: str) -> str:
    # Token colours only: the page paints code backgrounds and line-heights itself.
    css = HtmlFormatter(style=style).get_style_defs(".hl")
    rules = [re.sub(r"\s*/\*.*\*/$", "", ln) for ln in css.splitlines() if ln.startswith(".hl .")]
    return "\n".join(rules)


@cache
def pygments_css() -> str:
    # Each palette in its own media block so no light token colour leaks onto a dark background;
    # print always gets the light one, like the rest of the page.
    return (
        f"@media not screen and (prefers-color-scheme: dark) {{\n"
        f"{_pygments_rules(_PYGMENTS_LIGHT)}\n}}\n"
        f"@media screen and (prefers-color-scheme: dark) {{\n"
        f"{_pygments_rules(_PYGMENTS_DARK)}\n}}\n"
    )


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(*, style: str, script: str | None) -> str:
    script_src = csp_hash(script) if script is not None else "'none'"
    return (
        f"default-src 'none'; style-src {csp_hash(style)}; script-src {script_src}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


@cache
def jinja_env() -> Environment:
    env = templating.environment(
        loader=PackageLoader("deepreview.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_html
    env.filters["reported_by"] = reported_by
    env.filters["mdi"] = markdown_inline
    env.filters["md_item"] = markdown_item
    env.filters["safe_url"] = safe_url
    env.filters["duration"] = format_duration
    env.filters["usd"] = format_usd
    env.filters["anchor"] = anchor
    env.filters["mentioned_ids"] = mentioned_ids
    env.globals["embedded_top"] = EMBEDDED_TOP_LEVEL  # a review's highest heading, as in the md
    return env


# --- the report page ------------------------------------------------------------------------


def verdict_slug(label: str) -> str:
    # a listed verdict carries its failed seats: "Merge as-is (1 of 2 seats failed)"
    slug = label.split(" (", 1)[0].strip().lower().replace(" ", "-")
    return slug if slug in VERDICT_SLUGS else "unknown"


def _reviewer_index(report: Report) -> dict[str, int]:
    """Stable colour and filter slot per reviewer name: header order, then first appearance."""
    names: list[str] = [r.credit for r in report.header.reviewers]
    for f in report.findings:
        names.extend(f.reviewers)
    for o in report.design_observations:
        names.extend(o.reviewers)
    out: dict[str, int] = {}
    for name in names:
        out.setdefault(name, len(out))
    return out


def _finding_view(f: Finding, rv: dict[str, int]) -> dict[str, Any]:
    tokens = " ".join(f"r{rv[n]}" for n in f.reviewers) or "r-none"
    return {"f": f, "anchor": finding_anchor(f.id), "rev_tokens": tokens}


def _filter_reviewers(report: Report, rv: dict[str, int]) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for f in report.findings:
        for name in f.reviewers:
            counts[name] = counts.get(name, 0) + 1
    out = [
        {"token": f"r{rv[n]}", "name": n, "hue": rv[n] % _REVIEWER_HUES, "count": c}
        for n, c in sorted(counts.items(), key=lambda kv: rv[kv[0]])
    ]
    unattributed = sum(1 for f in report.findings if not f.reviewers)
    if unattributed:
        out.append({"token": "r-none", "name": "unattributed", "hue": None, "count": unattributed})
    return out


def _runs_view(report: Report) -> list[dict[str, Any]]:
    """The Runs table: every seat's run, then the lead's (it spent time and tokens too; the
    Markdown report's `_Lead: ..._` line), labelled as on the timeline."""
    seats = svg.report_seats(report)
    out = []
    for run in report.runs:
        seat = svg.seat_for(seats, run.seat)
        label = seat.label if seat else run.seat
        out.append({"label": label, "run": run, "status": run.status, "reason": run.reason})
    lead = report.lead
    if lead is not None and lead.run is not None:
        status, reason = svg.lead_outcome(lead)
        label = f"Lead ({lead.seat})" + (f", {lead.run.model}" if lead.run.model else "")
        out.append({"label": label, "run": lead.run, "status": status, "reason": reason})
    return out


def _sections(report: Report, *, pictures: bool) -> list[tuple[str, str]]:
    """(anchor, title) of the sections present, for the navigation bar."""
    present = [
        ("summary", "Summary", bool(report.executive_summary.strip())),
        ("findings", "Findings", True),
        ("design", "Design", bool(report.design_observations)),
        ("testing", "Testing", True),  # (saying no reviewer assessed it, when none did)
        ("documentation", "Docs", True),
        ("limitations", "Limitations", bool(report.limitations.strip())),
        # Round N Fix Verdicts, Unresolved Feedback, ...: anchored by position in the page
        *((f"extra-{n}", sec.title, True) for n, sec in enumerate(report.extra_sections, 1)),
        ("runs", "Runs", pictures or bool(report.runs) or bool(report.lead and report.lead.run)),
        ("retro", "Retro", bool(report.retro.seats) or bool(report.retro.reconciliation)),
        ("process", "Process", True),
        ("appendix", "Appendix", bool(report.appendix)),
    ]
    return [(a, t) for a, t, keep in present if keep]


def report_context(report: Report) -> dict[str, Any]:
    rv = _reviewer_index(report)
    groups = [
        {"severity": s, "findings": [_finding_view(f, rv) for f in report.by_severity(s)]}
        for s in SEVERITIES
    ]
    # Pygments first so the page's own code rules (diff line backgrounds) win ties.
    css = asset("base.css") + pygments_css() + asset("report.css")
    js = asset("report.js")
    stats = svg.seat_stats(report)
    bars = svg.timeline_bars(report)
    h = report.header
    return {
        "r": report,
        "h": h,
        "title": h.pr_title or h.review_id,
        "verdict_slug": verdict_slug(h.verdict.label),
        "counts": report.counts(),
        "groups": groups,
        "severities": SEVERITIES,
        "rv": rv,
        # IDs that prose may link: only cards this page has.
        "fids": frozenset(f.id for f in report.findings),
        "owners": id_owners(report),  # `Codex I2` is Codex's own I2: no link
        "hues": _REVIEWER_HUES,
        "filter_reviewers": _filter_reviewers(report, rv),
        "concerns": [o for o in report.design_observations if o.kind == "concern"],
        "strengths": [o for o in report.design_observations if o.kind == "strength"],
        "timeline": svg.timeline_svg(bars) if bars else None,
        "timeline_fallback": any(b.status == "fallback" for b in bars),
        "seat_chart": svg.seat_chart_svg(stats) if stats else None,
        "runs": _runs_view(report),
        # Rows nobody filled (a hand-made or partial retro) would only add empty lines.
        "retro_rows": [
            row for row in report.retro.rows if any(s.cell(row).strip() for s in report.retro.seats)
        ],
        "sections": _sections(report, pictures=bool(bars or stats)),
        "no_testing": NO_TESTING,
        "no_documentation": NO_DOCUMENTATION,
        "css": Markup(css),
        "js": Markup(js),
        "csp": content_security_policy(style=css, script=js),
    }


def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML document (no network fetches)."""
    return jinja_env().get_template("report.html.j2").render(report_context(report))
