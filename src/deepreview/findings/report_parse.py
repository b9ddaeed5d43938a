"""`parse_report`: a whole Deep Review report (the seed's format) -> `Report`.

The report is our own output, so this parser is strict about layout where the renderer is
(`## ` sections in a fixed family, `---` between them) and reuses the review parser's section
parsers for findings, design observations and assessments.  Everything after
`## Appendix: Original Reviews` is the agents' verbatim text and is never split on its headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deepreview.findings.blocks import fence_mask
from deepreview.findings.findings import SECTION_SEVERITY, assemble, parse_findings_block
from deepreview.findings.parse import parse_review
from deepreview.findings.report_header import parse_header, review_id, seat_of
from deepreview.findings.report_retro import parse_process_notes, parse_retro
from deepreview.findings.sections import parse_assessment, parse_observations
from deepreview.model import (
    AgentReview,
    AppendixEntry,
    DesignObservation,
    Finding,
    Report,
    Section,
)

APPENDIX_TITLE = "Appendix: Original Reviews"
_H2 = re.compile(r"^##[ \t]+(?P<title>.*?)[ \t]*$")
_RULE = re.compile(r"^ {0,3}-{3,}[ \t]*$")
# `### [Claude] — Pass 1`, `### [Claude Opus 5]`, `### [Claude] Opus 4.8`,
# `### [Qwen] — Pass 1 (retry)`
_APPENDIX_ENTRY = re.compile(
    r"^###[ \t]+\[(?P<name>[A-Za-z][^\]]*)\](?P<model>[ \t]+[A-Za-z0-9][^—–]*?)?"
    r"(?:[ \t]*[—–-][ \t]*Pass[ \t]+(?P<n>\d+)\b.*?)?[ \t]*$"
)
_FINDING_ID = re.compile(r"^[CIS]-?\d+$")
# `### Claude Opus 4.6` (early reports): a plain heading naming a reviewer of the header
_PLAIN_ENTRY = re.compile(r"^###[ \t]+(?P<name>[^\[#].*?)[ \t]*$")
_SEVERITY_TITLES = {"critical issues": "critical", "important issues": "important"}
_DESIGN_SUB = re.compile(
    r"^(?:\*\*(?P<b>Concerns|Strengths)\*\*|###[ \t]+(?P<h>Concerns|Strengths)):?[ \t]*$"
)


def parse_report(text: str) -> Report:
    """Parse a rendered report back into the model (header, sections, retro, appendix)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    app_at = _appendix_start(lines)
    body = lines if app_at is None else lines[:app_at]
    mask = fence_mask(body)
    rid = ""
    head: list[str] = []
    sections: list[tuple[str, list[str], list[bool]]] = []
    for line, fenced in zip(body, mask, strict=True):
        m = None if fenced else _H2.match(line)
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
    sections = _unwrap(sections)
    return _sections(report, sections, lines[app_at + 1 :] if app_at is not None else [])


_H3 = re.compile(r"^###[ \t]+(?P<title>.*?)[ \t]*$")
# Early reports put the sections one level down: `## Consolidated Review` / `### Important Issues`.
_WRAPPERS = frozenset({"consolidated review"})


def _unwrap(
    sections: list[tuple[str, list[str], list[bool]]],
) -> list[tuple[str, list[str], list[bool]]]:
    out: list[tuple[str, list[str], list[bool]]] = []
    for title, lines, fenced in sections:
        if title.strip().lower() not in _WRAPPERS:
            out.append((title, lines, fenced))
            continue
        for line, fence in zip(lines, fenced, strict=True):
            m = None if fence else _H3.match(line)
            if m:
                out.append((m.group("title"), [], []))
            elif out and out[-1][0] != title:
                out[-1][1].append(line)
                out[-1][2].append(fence)
    return out


def _appendix_start(lines: list[str]) -> int | None:
    mask = fence_mask(lines)
    for i, (line, fenced) in enumerate(zip(lines, mask, strict=True)):
        m = None if fenced else _H2.match(line)
        if m and m.group("title") == APPENDIX_TITLE:
            return i
    return None


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
        elif key in ("critical issues", "important issues", "suggestions"):
            sev = SECTION_SEVERITY[_SEVERITY_TITLES.get(key, "suggestions")]
            res = parse_findings_block(lines, fenced, sev)
            found, _ = assemble(res.drafts)
            findings.extend(found)
        elif key == "design observations":
            observations.extend(_design(lines, fenced))
        elif key == "testing assessment":
            fields["testing"] = parse_assessment(lines, fenced)
        elif key == "documentation assessment":
            fields["documentation"] = parse_assessment(lines, fenced)
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
        appendix=parse_appendix(appendix, reviewers=[r.credit for r in report.header.reviewers]),
        **fields,  # type: ignore[arg-type]
    )


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


def parse_appendix(lines: list[str], *, reviewers: Sequence[str] = ()) -> tuple[AppendixEntry, ...]:
    """`### [Claude] — Pass 1` (or `### [Claude Opus 5]`, `### [Claude] Opus 4.8`) entries, and
    `### Claude Opus 4.6` when that is one of the header's `reviewers`; each text verbatim, minus
    the blank lines around it. The name keeps the model (`Claude Opus 4.8`): two Geminis of one
    report are two reviewers."""
    plain = {r.strip().lower() for r in reviewers if r.strip()}
    entries: list[tuple[str, int, list[str]]] = []
    for line, fenced in zip(lines, fence_mask(lines), strict=True):
        m = None if fenced else _APPENDIX_ENTRY.match(line)
        if m and not _FINDING_ID.match(m.group("name").strip()):
            name = " ".join((m.group("name") + " " + (m.group("model") or "")).split())
            entries.append((name, int(m.group("n") or 1), []))
            continue
        p = None if fenced or not plain else _PLAIN_ENTRY.match(line)
        if p and p.group("name").strip().lower() in plain:
            entries.append((p.group("name").strip(), 1, []))
        elif entries:
            entries[-1][2].append(line)
    return tuple(AppendixEntry(name, n, "\n".join(body).strip("\n")) for name, n, body in entries)


def parse_appendix_reviews(report_text: str) -> list[AgentReview]:
    """Every appendix entry of a report through `parse_review`."""
    lines = report_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    at = _appendix_start(lines)
    if at is None:
        return []
    header, _ = parse_header("", [line for line in lines[:at] if line.lstrip().startswith("|")])
    names = [r.credit for r in header.reviewers]
    return [
        parse_review(e.text, seat=seat_of(e.name), pass_no=e.pass_no)
        for e in parse_appendix(lines[at + 1 :], reviewers=names)
    ]
