"""The report's tail sections: Agent Performance Retro, Review Process Notes, the lead footer."""

from __future__ import annotations

import re
from typing import Literal

from deepreview.findings.finding_draft import strip_rules
from deepreview.findings.ids import expand_id_range
from deepreview.findings.report_header import parse_duration, seat_of, split_row
from deepreview.model import LeadInfo, ProcessNotes
from deepreview.retromodel import ReconciliationEntry, Retro, RetroNumbers, SeatRetro
from deepreview.runmodel import SeatRun

_H3 = re.compile(r"^###[ \t]+(?P<title>.*?)[ \t]*$")
_HIGHLIGHTS = re.compile(r"^\*\*Tool call highlights\*\*:?[ \t]*(?P<rest>.*)$", re.IGNORECASE)
_RECONCILIATION = re.compile(r"^\*\*Reconciliation\*\*:?[ \t]*(?P<rest>.*)$", re.IGNORECASE)
# Matched on the stripped line: `^\s*\|?(?:\s*…` and `…\s*\|?\s*$` were quadratic (cubic) in a long
# run of blanks, which a seat's review or a quoted line may hold.
# (the last cell's `:?-*:?` is non-empty when present, or its two `\s*` would be adjacent)
_TABLE_SEP = re.compile(r"\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-*:?(?<=[-:])\s*)?\|?")
_BULLET = re.compile(r"^[-*+][ \t]+(?P<text>.*)$")
_NOTES_HEADING = re.compile(
    r"^(?:###[ \t]+|\*\*)(?P<title>Skill improvements|Repo context updates|Panel choice|GitHub)"
    r"(?:\*\*)?:?[ \t]*$",
    re.IGNORECASE,
)
LEAD_FOOTER = re.compile(r"^_Lead: (?P<body>.+)_$")
# The Unique insights cell names, after the seat's unique insights, the findings it alone
# raised again from an earlier round: `S1 (sub); re-raised from round 1: I1 (shout)`, or
# `0; re-raised from round 1: I1 (shout)`. They are no unique insight.
RERAISED = "re-raised from round"
_RERAISED = re.compile(rf";\s*{RERAISED}\b", re.IGNORECASE)
_FROM_ROUND = re.compile(r"(?:^|;)\s*(?:re-raised\s+)?from\s+round\s+\d+:", re.IGNORECASE)
_INSIGHT_ID = re.compile(r"^\s*([CIS]\d+)\b")


def _paragraphs(lines: list[str]) -> str:
    return "\n".join(strip_rules(lines)).strip("\n").rstrip()


def parse_retro(lines: list[str]) -> Retro:
    chunks: list[tuple[str, list[str]]] = []
    for line in lines:
        m = _H3.match(line)
        if m:
            chunks.append((m.group("title"), []))
        elif chunks:
            chunks[-1][1].append(line)
    seats: list[SeatRetro] = []
    columns: list[str] = []
    table: list[list[str]] = []
    reconciliation: list[ReconciliationEntry] = []
    for title, body in chunks:
        if title.strip().lower() == "summary":
            columns, table, reconciliation = _summary(body)
            continue
        name = title.strip()
        if name.startswith("[") and name.endswith("]"):
            name = name[1:-1].strip()
        elif m := re.match(r"^\[(?P<seat>[^\]]+)\][ \t]+(?P<model>\S.*)$", name):
            # Early reports: `### [Claude] Opus 4.6` or `### [Claude] Claude Opus 4.6`.
            seat, model = m.group("seat").strip(), m.group("model").strip()
            name = model if model.lower().startswith(seat.lower()) else f"{seat} {model}"
        seats.append(_seat(name, body))
    rows = tuple(r[0] for r in table) if table else ()
    return Retro(
        seats=_with_cells(seats, columns, table),
        rows=rows,
        reconciliation=tuple(reconciliation),
    )


def _seat(name: str, body: list[str]) -> SeatRetro:
    narrative: list[str] = []
    highlights: list[str] = []
    in_highlights = False
    for line in body:
        m = _HIGHLIGHTS.match(line)
        if m:
            in_highlights = True
            highlights = [m.group("rest")]
        elif in_highlights and line.strip():
            highlights.append(line)
        else:
            in_highlights = False
            narrative.append(line)
    return SeatRetro(
        seat=seat_of(name),
        name=name,
        column=name,
        narrative=_paragraphs(narrative),
        tool_call_highlights="\n".join(highlights).strip(),
    )


def _summary(body: list[str]) -> tuple[list[str], list[list[str]], list[ReconciliationEntry]]:
    columns: list[str] = []
    rows: list[list[str]] = []
    rec: list[str] | None = None
    for line in body:
        if rec is not None:
            rec.append(line)
            continue
        m = _RECONCILIATION.match(line)
        if m:
            rec = [m.group("rest")]
            continue
        if line.strip().startswith("|"):
            if _TABLE_SEP.fullmatch(line.strip()):
                continue
            cells = split_row(line)
            if not columns and not rows:
                columns = cells[1:]
            else:
                rows.append(cells)
    return columns, rows, _reconciliation(rec or [])


def _reconciliation(lines: list[str]) -> list[ReconciliationEntry]:
    """One entry per bullet; without bullets, one per paragraph."""
    text = _paragraphs(lines)
    if not text:
        return []
    entries: list[list[str]] = []
    lead: list[str] = []
    for line in text.split("\n"):
        m = _BULLET.match(line)
        if m:
            entries.append([m.group("text")])
        elif entries and line.strip():
            entries[-1].append(line.strip())
        elif not entries:
            lead.append(line)
    found = [" ".join(e).strip() for e in entries]
    paras = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lead)) if p.strip()]
    return [ReconciliationEntry(kind="note", text=t) for t in paras + found if t]


def _with_cells(
    seats: list[SeatRetro], columns: list[str], table: list[list[str]]
) -> tuple[SeatRetro, ...]:
    """Match table columns to seat narratives by name, then by position."""
    taken: dict[int, int] = {}  # column index -> seat index
    for si, seat in enumerate(seats):
        for ci, col in enumerate(columns):
            if ci in taken:
                continue
            if col == seat.name or col.startswith(seat.name + " ") or seat.name.startswith(col):
                taken[ci] = si
                break
    free = [si for si in range(len(seats)) if si not in taken.values()]
    for ci in range(len(columns)):
        if ci not in taken and free:
            taken[ci] = free.pop(0)
    out = list(seats)
    for ci, col in enumerate(columns):
        cells = tuple((row[0], row[ci + 1] if ci + 1 < len(row) else "") for row in table)
        numbers = retro_numbers(dict(cells))
        match = taken.get(ci)
        if match is None:
            name = col.split(" ", 1)[0]
            out.append(SeatRetro(seat_of(name), name, col, cells=cells, numbers=numbers))
        else:
            s = out[match]
            out[match] = SeatRetro(
                s.seat, s.name, col, s.narrative, s.tool_call_highlights, cells, numbers
            )
    return tuple(out)


def retro_numbers(cells: dict[str, str]) -> RetroNumbers | None:
    """The numbers a Summary table column shows; None when it shows no finding counts (a
    failed seat's `—`)."""
    counts = parse_severity_counts(cells.get("Findings", ""))
    if counts is None:
        return None
    insights = cells.get("Unique insights", "")
    return RetroNumbers(
        *counts,
        unique_insights=count_insights(insights) if insights.strip() else None,
        tool_calls=parse_leading_int(cells.get("Tool calls", "")),
        reraised=count_reraised(insights),
    )


def parse_severity_counts(cell: str) -> tuple[int, int, int] | None:
    """`0C 2I 2S` → (0, 2, 2); None when the cell holds no such counts."""
    found = {m[1].upper(): int(m[0]) for m in re.findall(r"(\d+)\s*([CIS])\b", cell)}
    if not found:
        return None
    return found.get("C", 0), found.get("I", 0), found.get("S", 0)


def parse_leading_int(cell: str) -> int | None:
    """`23 (Read 10, Bash 8)` → 23."""
    m = re.match(r"\s*(\d+)", cell)
    return int(m[1]) if m else None


def count_insights(cell: str) -> int:
    """`I1 (x), I4 (y)` → 2: items separated by commas or semicolons outside parentheses; the
    findings named as re-raised (`; re-raised from round 1: I2 (z)`) are not counted."""
    text = _RERAISED.split(cell, maxsplit=1)[0].strip()
    if not text or text.lower() in {"-", "—", "none", "n/a"}:
        return 0
    leading = parse_leading_int(text)
    if leading is not None and re.fullmatch(r"\d+(\s*\(.*\))?", text):
        return leading
    return _count(_items(text))


def _count(items: list[str]) -> int:
    """Items, a range of IDs (`I9–I20`) counting as the IDs it stands for."""
    return sum(len(expand_id_range(item) or (item,)) for item in items)


def count_reraised(cell: str) -> int | None:
    """`S1 (x); re-raised from round 1: I1 (y), I3 (z)` → 2; None when the cell names no
    re-raised finding (a report from before they were told apart may count them as unique)."""
    parts = _RERAISED.split(cell, maxsplit=1)
    if len(parts) < 2:
        return None
    return _count(_items(_FROM_ROUND.sub(";", f"{RERAISED}{parts[1]}")))


def insight_ids(cell: str) -> tuple[str, ...] | None:
    """The finding IDs the Unique insights cell lists as unique insights (`I1 (x), S2 (y)` →
    I1, S2; a range `I9–I11` → I9, I10, I11); None when an item names no ID (a cell written
    by hand)."""
    text = _RERAISED.split(cell, maxsplit=1)[0].strip()
    if re.fullmatch(r"0(?:\s*\([^()]*\))?|—|-|none", text, re.IGNORECASE):
        return ()
    out: list[str] = []
    for item in _items(text):
        run = expand_id_range(item)
        m = _INSIGHT_ID.match(item)
        if run is None and m is None:
            return None
        out.extend(run if run is not None else [m[1]] if m else [])
    return tuple(out)


def _items(text: str) -> list[str]:
    """The items of `text` separated by commas or semicolons outside parentheses."""
    depth, items, current = 0, [], ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [item.strip() for item in items if item.strip()]


def parse_process_notes(lines: list[str]) -> tuple[ProcessNotes, LeadInfo | None]:
    skill: list[str] = []
    repo: list[str] = []
    panel: list[str] = []
    github: list[str] = []
    target: list[str] | None = None
    lead = None
    current: list[str] | None = None
    for line in lines:
        footer = LEAD_FOOTER.match(line.strip())
        if footer:
            lead = parse_lead_footer(footer.group("body"))
            continue
        h = _NOTES_HEADING.match(line.strip())
        if h:
            title = h.group("title").lower()
            by_title = {"panel choice": panel, "github": github, "repo context updates": repo}
            target = by_title.get(title, skill)
            current = None
            continue
        m = _BULLET.match(line)
        if m and target is not None:
            target.append(m.group("text"))
            current = target
        elif current is not None and line.strip() and line.startswith((" ", "\t")):
            current[-1] = current[-1] + "\n" + line
    return ProcessNotes(tuple(skill), tuple(repo), tuple(panel), tuple(github)), lead


_LEAD = re.compile(
    r"^(?P<seat>[\w.-]+)(?: \((?P<model>[^)]*)\))?(?:, (?P<status>failed|fallback|none))?"
    r"(?: — (?P<stats>.*))?$"
)


def parse_lead_footer(body: str) -> LeadInfo | None:
    """`claude (Opus 4.6) — 45 s, 12 tool calls, 1200 tokens in, 300 tokens out, $0.12`."""
    m = _LEAD.match(body.strip())
    if not m:
        return None
    seat = m.group("seat")
    status: Literal["ok", "failed", "fallback", "none"] = "ok"
    if m.group("status") in ("failed", "fallback", "none"):
        status = m.group("status")  # type: ignore[assignment]
    stats = m.group("stats") or ""
    run = SeatRun(
        seat=seat,
        model=m.group("model"),
        duration_s=parse_duration(stats.split(",")[0]) if stats else None,
        tool_calls=_int(r"(\d+) tool calls?", stats) or 0,
        tokens_in=_int(r"(\d+) tokens in", stats),
        tokens_out=_int(r"(\d+) tokens out", stats),
        cost_usd=_float(r"\$(\d+(?:\.\d+)?)", stats),
    )
    return LeadInfo(seat=seat, status=status, run=run)


def _int(rx: str, text: str) -> int | None:
    m = re.search(rx, text)
    return int(m.group(1)) if m else None


def _float(rx: str, text: str) -> float | None:
    m = re.search(rx, text)
    return float(m.group(1)) if m else None
