"""`parse_report`: a whole Deep Review report (the seed's format) -> `Report`.

The report is our own output (or the original tool's, in every format era), so this parser
follows the renderer's layout (`## ` sections in a fixed family, `---` between them) and reuses
the review parser's section parsers for findings, design observations and assessments.  Early
reports sit one heading level deeper (`### Executive Summary` under a `## ` title or
`## Consolidated Review`), and a `Findings` section may hold the three severity sub-sections.
The appendix (`appendix.py`) is the agents' verbatim text: it is split only at headings that
name a reviewer, never on the reviews' own headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from deepreview.findings.appendix import appendix_start, is_pointer_only, split_appendix
from deepreview.findings.assemble import assemble
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.finding_escape import unescape_finding_lines
from deepreview.findings.findings import SECTION_SEVERITY, parse_findings_block
from deepreview.findings.headings import restore_embedded
from deepreview.findings.parse import parse_review
from deepreview.findings.report_header import parse_header, review_id, seat_of
from deepreview.findings.report_retro import parse_process_notes, parse_retro
from deepreview.findings.sections import parse_credited_assessment, parse_observations
from deepreview.markdown_contain import uncontain
from deepreview.markdown_idlinks import unlink_ids
from deepreview.markdown_neutral import restore_joiners
from deepreview.model import (
    NO_DOCUMENTATION,
    NO_TESTING,
    AgentReview,
    AppendixEntry,
    Assessment,
    DesignObservation,
    Finding,
    Report,
    Section,
)

_H2 = re.compile(r"^##[ \t]++(?P<title>(?:.*[^ \t\n])?)[ \t]*$")  # as `_TITLE` below
_RULE = re.compile(r"^ {0,3}-{3,}[ \t]*$")
_SEVERITY_TITLES = {"critical issues": "critical", "important issues": "important"}
_DESIGN_SUB = re.compile(
    r"^(?:\*\*(?P<b>Concerns|Strengths)\*\*|###[ \t]+(?P<h>Concerns|Strengths)):?[ \t]*$"
)


def parse_report(text: str) -> Report:
    """Parse a rendered report back into the model (header, sections, retro, appendix).

    Untrusted text reads back as the report shows it (`markdown_neutral`: `<` as `&lt;` outside
    code), its mentions and `#123` references as written: rendering it again gives the same
    report."""
    lines = _lines(text)
    app_at = appendix_start(lines)
    # our finding anchors and ID links are layout: the text is what the model held
    body = unlink_ids(lines if app_at is None else lines[:app_at])
    mask = fence_mask(body)
    section_rx = _section_heading(body, mask)
    deep = not section_rx.pattern.startswith("^##[")
    container = True  # deep reports: `### ` sections sit inside a `## ` title or container
    rid = ""
    head: list[str] = []
    sections: list[tuple[str, list[str], list[bool]]] = []
    for line, fenced in zip(body, mask, strict=True):
        h2 = None if fenced or not deep else _H2.match(line)
        if h2:
            # Before any section: the report's title or `## Consolidated Review`, a container.
            # After: a section of its own (`## Agent Performance Retro`), whose `###`
            # headings are its sub-headings.
            container = not sections
            if not container:
                sections.append((h2.group("title"), [], []))
            continue
        m = None if fenced or not container else section_rx.match(line)
        if (
            m
            and sections
            and sections[-1][0].strip().lower() in _FINDINGS_TITLES
            and m.group("title").strip().lower() in _SUBSECTIONS
        ):
            m = None  # `## Critical Issues` under `## Findings`: kept for the findings parser
        if m:
            sections.append((m.group("title"), [], []))
            continue
        if sections:
            sections[-1][1].append(line)
            sections[-1][2].append(fenced)
        elif not rid and review_id(line) is not None:
            rid = review_id(line) or ""
        else:
            head.append(line)
    header, notes = parse_header(rid, head)
    report = Report(header=header, notes=tuple(notes))
    return _sections(report, sections, lines[app_at:] if app_at is not None else [])


_FINDINGS_TITLES = frozenset({"findings", "consolidated review", "consolidated findings"})
_SUBSECTIONS = frozenset({"critical issues", "important issues", "suggestions"})
# The title ends at its last non-blank character, found by one backward step per character:
# a lazy title tried `[ \t]*$` after each character (quadratic: 7 s on a 20 KB heading of
# blanks and `x`). Same title: the shortest that leaves only blanks after it.
_TITLE = r"[ \t]++(?P<title>(?:.*[^ \t\n])?)[ \t]*$"
_ANY_HEADING = re.compile(r"^(?P<hashes>#{1,6})" + _TITLE)


def _section_heading(lines: list[str], mask: list[bool]) -> re.Pattern[str]:
    """`## ` normally; early reports put the whole report one level deeper (`### Findings`)."""
    for line, fenced in zip(lines, mask, strict=True):
        m = None if fenced else _ANY_HEADING.match(line)
        if m and m.group("title").strip().lower() == "executive summary":
            level = len(m.group("hashes"))
            break
    else:
        level = 2
    return re.compile(f"^{'#' * level}{_TITLE}")


def _assessment(lines: list[str], fenced: list[bool], none_said: str) -> Assessment:
    """A Testing or Documentation Assessment; the line the report writes when no reviewer
    gave one (`NO_TESTING`) is an empty one."""
    if "\n".join(lines).strip() == none_said:
        return Assessment()
    return parse_credited_assessment(lines, fenced)


def _trim(lines: list[str], fenced: list[bool]) -> tuple[list[str], list[bool]]:
    """Drop surrounding blank lines and the one `---` rule that separates sections."""
    a, b = 0, len(lines)
    while a < b and not lines[a].strip():
        a += 1
    while b > a and not lines[b - 1].strip():
        b -= 1
    if b > a and _RULE.match(lines[b - 1]) and not fenced[b - 1]:
        b -= 1
        while b > a and not lines[b - 1].strip():
            b -= 1
    return lines[a:b], fenced[a:b]


def _sections(
    report: Report, sections: list[tuple[str, list[str], list[bool]]], appendix: list[str]
) -> Report:
    findings: list[Finding] = []
    observations: list[DesignObservation] = []
    extras: list[Section] = []
    fields: dict[str, object] = {}
    for title, raw_lines, raw_fenced in sections:
        lines, fenced = _trim(raw_lines, raw_fenced)
        text = "\n".join(lines)
        key = title.strip().lower()
        if key == "executive summary":
            fields["executive_summary"] = text
        elif key in _FINDINGS_TITLES:
            findings.extend(_findings_section(lines, fenced))
        elif key in ("critical issues", "important issues", "suggestions"):
            sev = SECTION_SEVERITY[_SEVERITY_TITLES.get(key, "suggestions")]
            res = parse_findings_block(lines, fenced, sev)
            found, _ = assemble(res.drafts)
            findings.extend(_unescaped(found))
        elif key == "design observations":
            observations.extend(_design(lines, fenced))
        elif key == "testing assessment":
            fields["testing"] = _assessment(lines, fenced, NO_TESTING)
        elif key == "documentation assessment":
            fields["documentation"] = _assessment(lines, fenced, NO_DOCUMENTATION)
        elif key == "acknowledged limitations":
            fields["limitations"] = text
        elif key == "agent performance retro":
            fields["retro"] = parse_retro(lines)
        elif key == "review process notes":
            notes, lead = parse_process_notes(lines)
            fields["process_notes"] = notes
            if lead is not None:
                fields["lead"] = lead
        else:
            extras.append(Section(title.strip(), text))
    return Report(
        header=report.header,
        notes=report.notes,
        findings=tuple(findings),
        design_observations=tuple(observations),
        extra_sections=tuple(extras),
        appendix=parse_appendix(
            appendix,
            tuple(r.name + (f" {r.model}" if r.model else "") for r in report.header.reviewers),
        ),
        **fields,  # type: ignore[arg-type]
    )


def _findings_section(lines: list[str], fenced: list[bool]) -> list[Finding]:
    """A `Findings` section with `Critical Issues` / `Important Issues` / `Suggestions` inside."""
    out: list[Finding] = []
    parts: list[tuple[str | None, list[str], list[bool]]] = [(None, [], [])]
    for line, fence in zip(lines, fenced, strict=True):
        m = None if fence else _ANY_HEADING.match(line)
        title = re.sub(r"[*_]", "", m.group("title")).strip().lower() if m else ""
        if title in _SUBSECTIONS:
            parts.append((_SEVERITY_TITLES.get(title, "suggestions"), [], []))
            continue
        parts[-1][1].append(line)
        parts[-1][2].append(fence)
    for sev, part, part_fenced in parts:
        res = parse_findings_block(part, part_fenced, SECTION_SEVERITY[sev] if sev else None)
        found, _ = assemble(res.drafts)
        out.extend(_unescaped(found))
    return out


def _unescaped(found: list[Finding]) -> list[Finding]:
    """Findings with the body lines the renderer kept from reading as findings given back."""
    return [
        replace(f, body=unescape_finding_lines(f.body), fix=unescape_finding_lines(f.fix))
        for f in found
    ]


def _design(lines: list[str], fenced: list[bool]) -> list[DesignObservation]:
    out: list[DesignObservation] = []
    kind = "concern"
    chunk: list[str] = []
    chunk_fenced: list[bool] = []

    def flush() -> None:
        out.extend(
            parse_observations(chunk, chunk_fenced, "strength" if kind == "strength" else "concern")
        )
        chunk.clear()
        chunk_fenced.clear()

    for line, fence in zip(lines, fenced, strict=True):
        m = None if fence else _DESIGN_SUB.match(line.strip())
        if m:
            flush()
            kind = "strength" if (m.group("b") or m.group("h")) == "Strengths" else "concern"
            continue
        chunk.append(line)
        chunk_fenced.append(fence)
    flush()
    return out


def parse_appendix(lines: list[str], reviewers: tuple[str, ...] = ()) -> tuple[AppendixEntry, ...]:
    """The quoted reviews, each verbatim minus the blank lines around it (`appendix.py`); the
    headings our own renderer demoted are restored (`headings.py`), and a fence or HTML block
    it closed is reopened (`markdown_contain.py`)."""
    return tuple(
        AppendixEntry(e.name, e.pass_no, uncontain(restore_embedded(e.text)))
        for e in split_appendix(lines, reviewers)
    )


def _lines(report_text: str) -> list[str]:
    text = report_text.removeprefix("\ufeff")  # a byte order mark is no part of the report
    return restore_joiners(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")


@dataclass(frozen=True)
class QuotedReview:
    """One review quoted in a report's appendix, parsed."""

    name: str  # as the appendix heading gives it: "Claude", "Claude Opus 4.6"
    pass_no: int
    review: AgentReview
    pointer_only: bool  # the entry only points at a file elsewhere; `review` is empty


def parse_appendix_entries(report_text: str) -> list[QuotedReview]:
    """Every appendix entry of a report with its reviewer name, through `parse_review`."""
    lines = _lines(report_text)
    at = appendix_start(lines)
    if at is None:
        return []
    names = _reviewer_names(lines[:at])
    entries = split_appendix(lines[at:], names)
    seats = _seats([e.name for e in entries])
    out = []
    for entry in entries:
        e = AppendixEntry(entry.name, entry.pass_no, uncontain(entry.text))
        pointer = is_pointer_only(e.text)
        seat = seats[e.name]
        review = (
            AgentReview(seat=seat, pass_no=e.pass_no, raw=e.text)
            if pointer
            else parse_review(e.text, seat=seat, pass_no=e.pass_no)
        )
        out.append(QuotedReview(e.name, e.pass_no, review, pointer))
    return out


def _seats(names: list[str]) -> dict[str, str]:
    """The registry name (`Claude Opus 4.6` -> `claude`), unless two reviewers of the report
    share it (`Gemini 3.1 Pro`, `Gemini 3.5 Flash`): then each its own (`gemini-3.5-flash`)."""
    distinct = list(dict.fromkeys(names))
    family = Counter(seat_of(n) for n in distinct)
    return {
        n: seat_of(n) if family[seat_of(n)] == 1 else "-".join(n.lower().split()) for n in distinct
    }


def parse_appendix_reviews(report_text: str) -> list[AgentReview]:
    """The appendix reviews that quote their text, through `parse_review`."""
    return [q.review for q in parse_appendix_entries(report_text) if not q.pointer_only]


def _reviewer_names(head: list[str]) -> tuple[str, ...]:
    for line in head:
        m = re.match(r"^\s*\|\s*\*\*Reviewers\*\*\s*\|(?P<v>.*)\|\s*$", line)
        if m:
            return tuple(r.strip() for r in m.group("v").split(",") if r.strip())
    return ()
