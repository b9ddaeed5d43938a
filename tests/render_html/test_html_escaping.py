"""Agent and PR text never becomes markup: parse the page and look for what an attacker wants."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from collections.abc import Callable
from typing import Any

import pytest

from deepreview.checkmodel import CheckResults, FixCheck
from deepreview.model import (
    AppendixEntry,
    Assessment,
    DesignObservation,
    Finding,
    LeadInfo,
    Location,
    Report,
    Section,
    Severity,
)
from deepreview.render.html import asset, markdown_html, markdown_inline, render_html, safe_url
from deepreview.retromodel import ReconciliationEntry, Retro, SeatRetro
from deepreview.runmodel import SeatRun

# The `probe_html` fixture (conftest): HTML text -> parsed facts about it.
Probe = Callable[[str], Any]

SCRIPT = "<script>alert(1)</script>"
IMG = "</pre><img src=x onerror=alert(1)>"
JS_LINK = "[click me](javascript:alert(1))"

# Where a finding's title/body could hide; each variant plants attack text in one place.
_VARIANTS = {
    "finding title": lambda r, f: _with_finding(r, dataclasses.replace(f, title=SCRIPT)),
    "finding title link": lambda r, f: _with_finding(r, dataclasses.replace(f, title=JS_LINK)),
    "finding body": lambda r, f: _with_finding(
        r, dataclasses.replace(f, body=f"{SCRIPT}\n\n<div onclick=alert(1)>x</div>\n")
    ),
    "code excerpt": lambda r, f: _with_finding(
        r, dataclasses.replace(f, body=f"```go\n{IMG}\n```\n")
    ),
    "code excerpt info string": lambda r, f: _with_finding(
        r, dataclasses.replace(f, body=f'```"><script>alert(1)</script>\n{IMG}\n```\n')
    ),
    "fix diff": lambda r, f: _with_finding(
        r, dataclasses.replace(f, fix=f"```diff\n+{IMG}\n-{SCRIPT}\n```\n")
    ),
    "reviewer name": lambda r, f: _with_finding(
        r, dataclasses.replace(f, reviewers=('x" onmouseover="alert(1)', SCRIPT))
    ),
    "location and id": lambda r, f: _with_finding(
        r,
        dataclasses.replace(
            f, id='I9" onclick="alert(1)', locations=(Location(f"{IMG}.go", 1, 2),)
        ),
    ),
    "classification": lambda r, f: _with_finding(r, dataclasses.replace(f, classification=SCRIPT)),
    "pr title": lambda r, f: dataclasses.replace(
        r, header=dataclasses.replace(r.header, pr_title=SCRIPT, review_id=SCRIPT)
    ),
    "verdict": lambda r, f: dataclasses.replace(
        r,
        header=dataclasses.replace(
            r.header, verdict=dataclasses.replace(r.header.verdict, label=SCRIPT, reason=IMG)
        ),
    ),
    "appendix": lambda r, f: dataclasses.replace(
        r, appendix=(AppendixEntry(SCRIPT, 1, f"{SCRIPT}\n\n{JS_LINK}\n\n<javascript:alert(1)>\n"),)
    ),
    "design observation": lambda r, f: dataclasses.replace(
        r, design_observations=(DesignObservation("concern", SCRIPT, IMG, (SCRIPT,)),)
    ),
    "retro": lambda r, f: dataclasses.replace(
        r,
        retro=Retro(
            seats=(SeatRetro(SCRIPT, SCRIPT, IMG, SCRIPT, JS_LINK, (("Findings", SCRIPT),)),),
            reconciliation=(ReconciliationEntry("note", SCRIPT, (IMG,)),),
        ),
    ),
    "runs": lambda r, f: dataclasses.replace(
        r,
        runs=(SeatRun(SCRIPT, status="failed", reason=IMG, started_at=1.0, ended_at=9.0),),
        lead=LeadInfo(SCRIPT, "failed", note=SCRIPT, run=SeatRun(IMG, tool_counts=((IMG, 1),))),
    ),
    "testing and documentation assessments": lambda r, f: dataclasses.replace(
        r,
        testing=Assessment(intro=SCRIPT, items=(IMG, JS_LINK)),
        documentation=Assessment(intro=IMG, items=(SCRIPT,)),
    ),
    # a failing test's name and why nothing ran come from the reviewed project's tests
    "measured checks": lambda r, f: dataclasses.replace(
        r,
        checks=CheckResults(
            test_command=(SCRIPT,),
            baseline="fail",
            baseline_failing=IMG,
            fixes_requested=True,
            fix_checks=(FixCheck(applies=True, tests="fail", failing_test=f"`{IMG}"),),
            probes_requested=True,
            probe_note=SCRIPT,
        ),
    ),
    "measured note": lambda r, f: dataclasses.replace(
        r, checks=CheckResults(test_command=("make",), note=SCRIPT)
    ),
    "notes and extra sections": lambda r, f: dataclasses.replace(
        r,
        notes=(SCRIPT,),
        limitations=SCRIPT,
        extra_sections=(Section(SCRIPT, f"{SCRIPT}\n\n{JS_LINK}"),),
        executive_summary=f"{SCRIPT}\n",
    ),
}


def _with_finding(report: Report, finding: Finding) -> Report:
    return dataclasses.replace(report, findings=(finding, *report.findings[1:]))


def _assert_inert(html: str, probe_html: Probe) -> None:
    p = probe_html(html)
    assert p.scripts == [asset("report.js")], "only our own inline script may be on the page"
    assert p.handler_attrs == []
    assert p.style_attrs == []
    for tag in ("img", "iframe", "object", "embed", "form", "base", "link", "svg:script"):
        assert tag not in p.tags, f"<{tag}> from the data made it into the page"
    for tag, attr, value in p.urls:
        assert tag == "a" and attr == "href", (tag, attr, value)
        assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), value


@pytest.mark.parametrize("where", sorted(_VARIANTS))
def test_attack_text_is_shown_not_run(where: str, report: Report, probe_html: Probe) -> None:
    evil = _VARIANTS[where](report, report.findings[0])
    html = render_html(evil)
    _assert_inert(html, probe_html)
    text = probe_html(html).text
    assert SCRIPT in text or IMG in text or "javascript:alert(1)" in text, (
        "the attack text should be visible literally"
    )


def test_whole_malicious_report(evil_report: Report, probe_html: Probe) -> None:
    html = render_html(evil_report)
    _assert_inert(html, probe_html)
    p = probe_html(html)
    assert "<script>alert(1)</script>" in p.text
    assert "</pre><img src=x onerror=alert(1)>" in p.text
    assert 'Mal"ory <img src=x onerror=alert(2)>' in p.text
    hrefs = {v for tag, a, v in p.urls}
    external = {h for h in hrefs if h.startswith(("http://", "https://"))}
    # Only links that are in the data, and only the http(s) ones; no image is fetched or linked.
    assert external == {"https://example.com/ok", "https://go.dev/doc"}
    assert not any("evil.example" in h for h in hrefs)


def test_no_network_urls_but_data_links(report: Report, probe_html: Probe) -> None:
    p = probe_html(render_html(report))
    data_links = {
        report.header.repo_url,
        report.header.pr_url,
        report.header.author_url,
        "https://go.dev/doc",
    }
    for tag, attr, value in p.urls:
        if value.startswith(("http://", "https://", "//")):
            assert (tag, attr) == ("a", "href") and value in data_links, value
    assert "src" not in {attr for _, attr, _ in p.urls}


def test_csp_admits_only_our_inline_style_and_script(report: Report, probe_html: Probe) -> None:
    p = probe_html(render_html(report))
    csp = p.csp
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "img-src data:" in csp
    assert "base-uri 'none'" in csp
    (script,) = p.scripts
    (style,) = p.styles

    def sha(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"script-src 'sha256-{sha(script)}'" in csp
    assert f"style-src 'sha256-{sha(style)}'" in csp


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://github.com/a/b", True),
        ("http://example.com", True),
        ("docs/design.md#L12", True),
        ("/private/tmp/review-x/pkg/a.go#L3", True),
        ("#finding-I1", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("vbscript:msgbox", False),
        ("data:text/html,<script>", False),
        ("mailto:a@b.c", False),
        ("//evil.example/x", False),
        ("\\\\evil.example\\x", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_markdown_links_and_html_are_neutralised() -> None:
    out = markdown_html(
        "[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](https://ok.example/) "
        "<javascript:alert(2)> <https://auto.example/> ![i](https://img.example/p.png)\n\n"
        "<b onclick=x>bold</b>\n"
    )
    assert 'href="https://ok.example/"' in out
    assert 'href="https://auto.example/"' in out
    assert 'href="javascript' not in out.lower()
    assert "<img" not in out and "img.example" not in out
    assert "[image: i]" in out
    assert "&lt;b onclick=x&gt;" in out
    assert 'rel="nofollow noopener noreferrer"' in out


def test_inline_markdown_renders_code_and_bold() -> None:
    assert str(markdown_inline("Missing `stopHostSwitch` **now**")) == (
        "Missing <code>stopHostSwitch</code> <strong>now</strong>"
    )
    assert str(markdown_inline("<script>x</script>")) == "&lt;script&gt;x&lt;/script&gt;"


def test_code_is_highlighted_by_fence_language() -> None:
    go = markdown_html("```go\nfunc main() {}\n```\n")
    assert '<span class="kd">func</span>' in go
    diff = markdown_html("```diff\n-a\n+b\n```\n")
    assert '<span class="gd">-a</span>' in diff and '<span class="gi">+b</span>' in diff
    # A fix without an info string that is plainly a diff is highlighted as one.
    bare = markdown_html("```\n-a\n+b\n```\n", fence_default="diff")
    assert '<span class="gi">+b</span>' in bare
    unknown = markdown_html("```nosuchlang\n<x>\n```\n")
    assert "&lt;x&gt;" in unknown and "nosuchlang" in unknown


def test_severity_enum_values_only_in_attributes(report: Report) -> None:
    html = render_html(report)
    sev = set(re.findall(r'data-severity="([^"]*)"', html))
    assert sev <= {s.value for s in Severity}
