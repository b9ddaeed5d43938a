"""Fixtures for the HTML tests: a small hand-built report (every section filled), a malicious
one, and `probe_html`, which parses rendered HTML with the stdlib parser and collects what the
security tests look at (scripts, event-handler attributes, URLs, text)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from deepreview.model import (
    AppendixEntry,
    Assessment,
    DesignObservation,
    Finding,
    Header,
    LeadInfo,
    Location,
    ProcessNotes,
    Report,
    Reviewer,
    Severity,
    Verdict,
)
from deepreview.retromodel import ReconciliationEntry, Retro, RetroNumbers, SeatRetro
from deepreview.runmodel import Commit, SeatRun

EXCERPT = '```go\nfunc main() {\n\tfmt.Println("hi") // greet\n}\n```\n'
FIX = '```diff\n-\tfmt.Println("hi")\n+\tfmt.Println("hello")\n```\n'
T0 = 1_775_000_000.0


def small_report() -> Report:
    header = Header(
        review_id="20260408-145125-pr-7",
        date="2026-04-08 14:51",
        repo="acme/widgets",
        repo_url="https://github.com/acme/widgets",
        round="1",
        author="@dev",
        author_url="https://github.com/dev",
        pr_number=7,
        pr_url="https://github.com/acme/widgets/pull/7",
        pr_title="Add the widget cache",
        branch="widget-cache",
        commits=(Commit("a53d4b9", "Add the widget cache"),),
        reviewers=(
            Reviewer("claude", "Claude", "Opus 4.6"),
            Reviewer("codex", "Codex", "GPT 5.4", effort="xhigh"),
        ),
        verdict=Verdict("Merge with fixes", "the cache leaks on reload (I1)"),
        wall_clock_s=2009,
    )
    findings = (
        Finding(
            id="I1",
            severity=Severity.IMPORTANT,
            title="Cache entries leak on `reload`",
            locations=(Location("cache.go", 10, 20), Location("main.go", 3)),
            classification="regression",
            reviewers=("Claude Opus 4.6", "Codex GPT 5.4"),
            body=EXCERPT + "\nThe entry is **never** removed; see [docs](https://go.dev/doc).\n",
            fix=FIX,
        ),
        Finding(
            id="S1",
            severity=Severity.SUGGESTION,
            title="Name the magic number",
            locations=(Location("cache.go", 42),),
            classification="enhancement",
            reviewers=("Codex GPT 5.4",),
            body="`42` deserves a constant.\n",
            fix="Introduce `const maxEntries = 42`.\n",
            verification="reasoned",
        ),
    )
    runs = (
        SeatRun(
            "claude",
            started_at=T0,
            ended_at=T0 + 340,
            duration_s=340,
            tool_calls=23,
            tool_counts=(("Read", 10), ("Bash", 8), ("Grep", 5)),
        ),
        SeatRun(
            "codex",
            status="timeout",
            reason="no output for 600 s",
            started_at=T0 + 2,
            ended_at=T0 + 230,
            duration_s=228,
            tool_calls=52,
            tool_counts=(("exec_command", 51),),
        ),
    )
    retro = Retro(
        seats=(
            SeatRetro(
                "claude",
                "Claude",
                "Claude Opus 4.6",
                narrative="Claude read *all* files.",
                tool_call_highlights="23 calls. 10 Read, 8 Bash (7 `git blame`).",
                cells=(
                    ("Duration", "340s"),
                    ("Findings", "0C 1I 0S"),
                    ("Tool calls", "23 (Read 10, Bash 8, Grep 5)"),
                    ("Unique insights", "I1 (reload leak)"),
                ),
                numbers=RetroNumbers(0, 1, 0, unique_insights=1, tool_calls=23),
            ),
            SeatRetro(
                "codex",
                "Codex",
                "Codex GPT 5.4",
                narrative="Codex ran the tests.",
                cells=(
                    ("Duration", "228s"),
                    ("Findings", "0C 1I 1S"),
                    ("Tool calls", "52 (exec_command 51)"),
                    ("Unique insights", "S1, upstream API inspection"),
                ),
                numbers=RetroNumbers(0, 1, 1, unique_insights=2, tool_calls=52),
            ),
        ),
        reconciliation=(
            ReconciliationEntry("severity", "Codex I2 downgraded to S1: cosmetic.", ("S1",)),
        ),
    )
    return Report(
        header=header,
        executive_summary="Adds a cache. One leak, one nit.\n",
        findings=findings,
        design_observations=(
            DesignObservation("concern", "Cache has no size bound", "future", ("Codex GPT 5.4",)),
            DesignObservation("strength", "Clear `Cache` interface", None, ("Claude Opus 4.6",)),
        ),
        testing=Assessment(
            items=("No test for reload", "No test for eviction"),
            item_reviewers=(("Claude Opus 4.6", "Codex GPT 5.4"), ("lead",)),
        ),
        documentation=Assessment(intro="README is fine.", intro_reviewers=("Codex GPT 5.4",)),
        retro=retro,
        process_notes=ProcessNotes(repo_context_updates=('[repo] Add: "caches" Why: I1',)),
        appendix=(
            AppendixEntry("Claude", 1, "## Findings\n\n### Important Issues\n\nI1. **x**\n"),
        ),
        runs=runs,
        lead=LeadInfo(
            "claude",
            "ok",
            run=SeatRun(
                "claude", started_at=T0 + 345, ended_at=T0 + 400, duration_s=55, tool_calls=4
            ),
        ),
        notes=("codex timed out; its partial review was used",),
    )


@pytest.fixture
def report() -> Report:
    return small_report()


EVIL = "<script>alert(1)</script>"
EVIL_CODE = "```\n</pre><img src=x onerror=alert(1)>\n```\n"
EVIL_REVIEWER = 'Mal"ory <img src=x onerror=alert(2)>'


def malicious_report() -> Report:
    base = small_report()
    h = dataclasses.replace(
        base.header,
        pr_title=EVIL,
        repo_url="javascript:alert(3)",
        author_url=" JaVaScRiPt:alert(4)",
        pr_url="data:text/html,<script>alert(5)</script>",
        verdict=Verdict("Rework", EVIL),
    )
    bad = Finding(
        id='X1"><script>alert(6)</script>',
        severity=Severity.CRITICAL,
        title=EVIL + " [click](javascript:alert(7)) <b onmouseover=alert(8)>b</b>",
        locations=(Location('a"><svg onload=alert(9)>.go', 1),),
        classification="<i>gap</i>",
        reviewers=(EVIL_REVIEWER,),
        body=EVIL_CODE + "\n<iframe src=https://evil.example/></iframe>\n\n"
        "![pixel](https://evil.example/pixel.png) [ok](https://example.com/ok)\n",
        fix="```diff\n+</code></pre><script>alert(10)</script>\n```\n",
    )
    return dataclasses.replace(
        base,
        header=h,
        findings=(bad, *base.findings),
        executive_summary=EVIL + "\n\n<a href=javascript:alert(11)>x</a>\n",
        appendix=(
            AppendixEntry(
                EVIL,
                1,
                "# Review\n\n<script>alert(12)</script>\n\n"
                "[js](javascript:alert(13)) [vb](vbscript:x) <javascript:alert(14)>\n",
            ),
        ),
        notes=(EVIL,),
    )


@pytest.fixture
def evil_report() -> Report:
    return malicious_report()


# --- parsing the output ---------------------------------------------------------------------


@dataclass
class Probe:
    scripts: list[str] = field(default_factory=list)  # text of each <script> element
    tags: list[str] = field(default_factory=list)
    handler_attrs: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, value)
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, value)
    metas: list[dict[str, str]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    style_attrs: list[str] = field(default_factory=list)
    text: str = ""
    ids: list[str] = field(default_factory=list)

    @property
    def csp(self) -> str:
        metas = [
            m for m in self.metas if m.get("http-equiv", "").lower() == "content-security-policy"
        ]
        assert len(metas) == 1, f"expected one CSP meta, found {len(metas)}"
        return metas[0]["content"]


class _Parser(HTMLParser):
    URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.probe = Probe()
        self._in: str | None = None
        self._buf: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        p = self.probe
        p.tags.append(tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                p.handler_attrs.append((tag, name, value))
            if name in self.URL_ATTRS:
                p.urls.append((tag, name, value))
            if name == "style":
                p.style_attrs.append(value)
            if name == "id":
                p.ids.append(value)
        if tag == "meta":
            p.metas.append({k: v or "" for k, v in attrs})
        if tag in ("script", "style"):
            self._in, self._buf = tag, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            content = "".join(self._buf)
            (self.probe.scripts if tag == "script" else self.probe.styles).append(content)
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)
        else:
            self._text.append(data)


def parse_html(html: str) -> Probe:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    parser.probe.text = "".join(parser._text)
    return parser.probe


@pytest.fixture
def probe_html() -> Callable[[str], Probe]:
    return parse_html
