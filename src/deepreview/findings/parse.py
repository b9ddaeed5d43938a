"""`parse_review`: one seat's review text -> `AgentReview`.  Pure, and never raises.

The text is split into blocks at recognised headings (`blocks.py`), each block goes to its
section parser, and sections that appear twice (an agent that wrote its tail twice) are merged:
every distinct item is kept once.  What cannot be placed lands in `unparsed` with a warning.

Deviations handled (see `tests/fixtures/reviews/` for one review per style):
- heading levels: `## Findings` + `### Critical Issues`, `### Findings` + `**Critical Issues**`,
  `### Critical Issues` alone, `Concerns:` label lines;
- finding lines: `C1.`, `C1:`, `I-1`, `**C1.**`, `**C1. Title**`, `### C1. Title`, `1.` under a
  severity heading (numbering may continue across sections), `**[CRITICAL] path:line — title**`,
  `**CRITICAL** path:line — Title` + `Classification:` line (IDs assigned by order), rows of a
  findings table; tag before or after the location or reviewers, or absent (severity from the
  heading, then the ID letter);
- free-form reviews that ignore our format: `### 1. Title` + `**Severity:** High` lines (also
  as top-level headings with no findings section: `_heading_is_a_finding`), a
  numbered list of `**[Medium] Title**` items, one table with a Severity column under any
  heading (not one with a Status column: that tracks earlier rounds); severity words from
  `levels.py` (High/Medium/Low, Blocker/Major/Minor, Warning/Info, P0-P3), `High` ranked
  below Critical when the review also says critical; items led by their severity
  (`🔴 **Critical — Title**`, `**Nit:** x`, `(Medium): x`, `### Warning: Title` in any
  section); `**1. Title** (High)`; a level written as a phrase after the title (`— severity:
  high.`, `(medium priority)`, a closing `… error. Severity: important.`: `closing_level.py`),
  with a kind (`**Bug (high):** text`), or alone at the end
  (`- [ ] **Title** (`a.py:3`) — High`, task-list items too); plain `Issue 2 (High): Title at
  a.py:4` lines; a table whose line has its own column; `**Suggestions:** None` on one line;
  a severity section (under a real heading) that is only a list of plain sentences;
  findings grouped under `### `path`` headings by
  `Line 42` (`file_groups.py`), their tag's level in any word (`(bug, high)`); under an Issues
  heading, a bold title with a place and no severity (important, with a warning), and so in a
  review with no findings section at all (`loose.py`), its level from a stressed word
  (`a **critical** bug`); `### 1. **Critical: Title**` headings under `## Review Summary`;
  prose naming problems at places with no finding we can read: unread findings text
  (`prose_problems.py`), never "no issues found";
- Testing / Documentation / Design sections under other names (`### Test coverage`,
  `Documentation:`, `## Design Notes`) or as a bold lead-in after the findings (`**Tests**:
  none added`, `blocks._lead_in_opens`), or a plain `Tests:` label after a list of findings;
- locations: several per line (joined by `,` `+` `vs`), `path` + `line 12`, Markdown links with
  `#L12-L30`, GitHub blob URLs, absolute paths in the seat's `review-<seat>-XXXX/` worktree or
  under `worktree_prefixes`, odd paths inside code spans (``back`tick.py:1``);
- section structure: markdown-it block tokens over the prose (`blocks.heading_lines`), code
  decided by the package's one fence definition (`deepreview.markdown_fence`); setext headings
  (`Critical Issues` + `---`) when their title names a section; severity titles and "none" in
  German, French, Spanish and Japanese (`section_titles`); numbered lists under headings of no
  known section each a list of findings of its own;
- chatter before the review (`preamble`), `**Verdict:**` lines, reviews cut off mid-sentence or
  inside a code block (kept, with a warning), a second draft of some sections (merged; a finding
  ID seen twice counts once and the more complete version wins; for a file listed twice in the
  coverage the later entry wins), coverage as a table or as bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from deepreview.findings.assemble import assemble, unrated_ids
from deepreview.findings.blocks import (
    BOLD_LEVEL,
    Block,
    build_blocks,
    fence_mask,
    rank_levels,
)
from deepreview.findings.design_tone import praises
from deepreview.findings.details import open_details
from deepreview.findings.file_names import known_files as reading_files
from deepreview.findings.finding_line import FIELD_LABELS, is_severity_heading, is_strong_start
from deepreview.findings.findings import (
    SECTION_SEVERITY,
    Draft,
    one_line,
    parse_findings_block,
    rank_circles,
    rank_high,
    strip_rules,
)
from deepreview.findings.gave_up import gave_up
from deepreview.findings.html_lines import blank_breaks
from deepreview.findings.inline_nits import split_inline_nits
from deepreview.findings.json_review import json_copy_of, json_review, split_json_copy
from deepreview.findings.level_lists import open_level_lists
from deepreview.findings.loose import loose_findings, placed_concerns
from deepreview.findings.prose_problems import asks_for_changes, opened_quotes, prose_problems
from deepreview.findings.quoted_text import held_lines
from deepreview.findings.quotes import unquote_findings
from deepreview.findings.readable import unparseable_reason
from deepreview.findings.records import has_records, rewrite_records
from deepreview.findings.repeats import in_summary, level_repeats, summary_repeats
from deepreview.findings.section_titles import (
    DESIGN_KINDS,
    FINDING_KINDS,
    Kind,
    is_recap,
    says_high,
)
from deepreview.findings.sections import (
    Sink,
    parse_assessment,
    parse_coverage,
    parse_observations,
)
from deepreview.findings.template_echo import without_templates
from deepreview.findings.unfinished import cut_off
from deepreview.findings.unwrap import unwrap_review
from deepreview.model import (
    AgentReview,
    Assessment,
    CoverageEntry,
    DesignObservation,
    Section,
)
from deepreview.untrusted_text import without_escapes

BOM = "\ufeff"
_VERDICT = re.compile(
    r"^\s*(?P<b>\*\*|__)?(?:Overall |Final )?Verdict[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|:)[ \t]*(?P<v>\S.*?)\s*$",
    re.IGNORECASE,
)
_VERDICT_KINDS = frozenset(
    {Kind.PREAMBLE, Kind.SUMMARY, Kind.VERDICT, Kind.LIMITATIONS, Kind.COVERAGE, Kind.DOCS}
)
_SECTION_NAMES = {
    Kind.SUMMARY: "Executive Summary",
    Kind.DESIGN: "Design Observations",
    Kind.TESTING: "Testing Assessment",
    Kind.DOCS: "Documentation Assessment",
    Kind.LIMITATIONS: "Acknowledged Limitations",
    Kind.COVERAGE: "Coverage Summary",
    Kind.VERDICT: "Verdict",
}


def parse_review(
    text: str,
    *,
    seat: str = "",
    pass_no: int = 1,
    worktree_prefixes: tuple[str, ...] = (),
    known_files: Iterable[str] = (),
) -> AgentReview:
    """Parse a seat's review.  Never raises: a parser bug keeps the whole text as unparsed.

    `known_files`: the change's files, places whatever their names look like (`.env:1`,
    `Procfile:1`, `CODEOWNERS:1`)."""
    raw = _as_text(text)
    try:
        with reading_files(known_files):
            return _parse(raw, seat, pass_no, tuple(worktree_prefixes or ()))
    except Exception as exc:  # noqa: BLE001 - a parser bug must not lose the seat's review
        return AgentReview(
            seat=seat,
            pass_no=pass_no,
            unparsed=(raw,) if raw.strip() else (),
            warnings=(f"review parser failed ({type(exc).__name__}: {exc}); text kept unparsed",),
            raw=raw,
        )


def unreadable_reason(text: str, *, seat: str = "") -> str | None:
    """Why a seat's text is no review at all (`readable.unparseable_reason` of its parse), or
    None when it is one: how a seat's run is judged (`runner`) and counted (`stats`)."""
    return unparseable_reason(parse_review(text, seat=seat))


def _as_text(text: object) -> str:
    """The text, without a UTF-8 byte order mark: invisible in every editor, it would make the
    first heading a line of text (the summary lost to the preamble, the appendix heading left at
    its level); and without terminal escape sequences (a tool that colours its output): a
    coloured `### Critical Issues` or `calc.py:5` is that heading, that place."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    elif not isinstance(text, str):
        text = "" if text is None else str(text)
    return without_escapes(text.removeprefix(BOM)).removeprefix(BOM)


@dataclass
class _State:
    prefixes: tuple[str, ...]
    sink: Sink = field(default_factory=Sink)
    preamble: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    verdicts: list[str] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    observations: list[DesignObservation] = field(default_factory=list)
    observation_keys: set[tuple[str, str]] = field(default_factory=set)
    testing: list[Assessment] = field(default_factory=list)
    documentation: list[Assessment] = field(default_factory=list)
    limitations: list[str] = field(default_factory=list)
    coverage: dict[str, CoverageEntry] = field(default_factory=dict)
    others: list[Section] = field(default_factory=list)
    design_kind: Literal["concern", "strength"] = "concern"
    unread: list[str] = field(default_factory=list)
    prose: bool = False  # no findings section: the review tells its findings in prose
    summary_level: int | None = None  # inside the summary's section (its heading's level)
    from_summary: set[int] = field(default_factory=set)  # `id()`s of the summary's drafts


def _parse(raw: str, seat: str, pass_no: int, prefixes: tuple[str, ...]) -> AgentReview:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    unwrapped = unwrap_review(lines, is_strong_start)
    if unwrapped is not None:
        lines = unwrapped
        text = "\n".join(lines)
    opened, quoted = _opened_up(lines)
    unquoted = opened_quotes(lines, opened)
    if opened is not lines:
        lines, text = opened, "\n".join(opened)
    mask = fence_mask(lines)
    # (the passes keep lines in place, so text quoted before them is still quoted after them;
    # a finding they opened, from a quote or a fold, may quote text of its own)
    held = [a or b for a, b in zip(quoted, held_lines(lines, mask), strict=True)]
    blocks = build_blocks(lines, mask, is_strong_start, is_severity_heading, held=held)
    rank_levels(blocks)
    placed_concerns(blocks, prefixes)
    st = _State(prefixes, prose=not any(b.kind in FINDING_KINDS for b in blocks))
    if unwrapped is not None:
        st.sink.warnings.append("review wrapped in a Markdown code block; unwrapped")
    seen: dict[Kind, int] = {}
    for block in blocks:
        seen[block.kind] = seen.get(block.kind, 0) + 1
        _take_verdicts(block, st)
        try:
            st.summary_level = in_summary(block.kind is Kind.SUMMARY, block.level, st.summary_level)
            before = len(st.drafts)
            _dispatch(block, st)
            if (st.summary_level is not None and block.kind is not Kind.SUMMARY) or is_recap(
                block.title
            ):
                # the summary's list, or a recap after the findings (`## Next steps`): an item
                # a finding holds (same title, or its places) is that finding told again
                st.from_summary.update(id(d) for d in st.drafts[before:])
        except Exception as exc:  # noqa: BLE001 - one odd section must not lose the others
            if block.text.strip():
                st.sink.unparsed.append(block.text.strip("\n"))
            st.sink.warnings.append(
                f"section {block.title or block.kind.value!r} not understood "
                f"({type(exc).__name__}); kept unparsed"
            )
    if len(set(st.verdicts)) > 1:
        # Keep the agent's last word as the verdict, the earlier ones as unparsed text.
        st.sink.unparsed.extend(v for v in st.verdicts[:-1] if v != st.verdicts[-1])
        st.sink.warnings.append(f"{len(st.verdicts)} verdict lines; kept the last")
    rank_high(
        st.drafts,
        critical_section=any(b.kind is Kind.CRITICAL and not says_high(b.title) for b in blocks),
    )
    rank_circles(st.drafts)
    st.drafts, echoes = without_templates(st.drafts)
    st.sink.warnings.extend(echoes)
    # A review with no findings of its own: its findings may be a JSON block (in the preamble,
    # or as the unread text of a `Findings:` section).
    if not st.drafts and (st.unread or {b.kind for b in blocks} <= {Kind.PREAMBLE, Kind.OTHER}):
        as_json = json_review(raw, seat=seat, pass_no=pass_no, prefixes=prefixes)
        if as_json is not None:
            return as_json
    copied = split_json_copy(st.drafts)
    if copied is not None:
        st.sink.unparsed.append(copied)
    for copy in [u for u in st.unread if st.drafts and json_copy_of(u, st.drafts)]:
        # the Markdown findings again as data: kept as unparsed text, but neither unread
        # findings text nor a warning about it
        st.unread.remove(copy)
        unread_warning = f"text in a findings section is not a finding: {one_line(copy)}"
        st.sink.warnings = [w for w in st.sink.warnings if w != unread_warning]
    st.drafts, repeat_warnings = summary_repeats(st.drafts, st.from_summary)
    findings, finding_warnings = assemble(st.drafts)
    findings, unrated, finding_warnings = level_repeats(
        findings, unrated_ids(st.drafts, findings), finding_warnings
    )
    warnings = list(st.sink.warnings) + repeat_warnings + finding_warnings
    if not findings and not st.unread:
        # no finding read (no findings section, or severity sections that all say "None"), but
        # sentences that name problems at places (the summary, `## Observations`): findings
        # that could not be read, never a review that found nothing
        st.unread.extend(prose_problems(blocks, st.prefixes, unquoted))
        verdict = st.verdicts[-1] if st.verdicts else None
        if not st.unread and asks_for_changes(verdict) and verdict is not None:
            st.unread.append(verdict)  # it asks for changes and names none we could read
        if st.unread:
            warnings.append(
                f"problems named in prose but no finding could be read: {one_line(st.unread[0])}"
            )
    for kind, n in seen.items():
        if n > 1 and kind in _SECTION_NAMES:
            warnings.append(f"section {_SECTION_NAMES[kind]} appears {n} times; merged")
    warnings.extend(_shape_warnings(text, blocks, bool(findings)))
    unfinished = (
        cut_off(lines, mask, blocks, findings) or gave_up(blocks, st.coverage.values())
        if text.strip()
        else ""
    )
    if unfinished:
        warnings.append(unfinished)
    return AgentReview(
        seat=seat,
        pass_no=pass_no,
        preamble="\n".join(st.preamble).strip("\n"),
        executive_summary=_longest(st.summaries),
        verdict_line=st.verdicts[-1] if st.verdicts else None,
        findings=tuple(findings),
        design_observations=tuple(st.observations),
        testing=_merge_assessments(st.testing),
        documentation=_merge_assessments(st.documentation),
        limitations=_longest(st.limitations),
        coverage=tuple(st.coverage.values()),
        other_sections=tuple(st.others),
        unparsed=tuple(st.sink.unparsed),
        warnings=tuple(dict.fromkeys(warnings)),
        raw=raw,
        unread_findings=tuple(st.unread),
        cut_off=unfinished,
        unrated=unrated,
    )


def _opened_up(lines: list[str]) -> tuple[list[str], list[bool]]:
    """The review with findings written in shapes the section parser does not read, rewritten
    in place (line for line) into ones it does: folded in `<details>` blocks, in blockquotes
    (`> [!WARNING]` alerts, `> **Warning** — …`), as `**File:**` / `**Severity:**` /
    `**Issue:**` records, nested under `- **Critical**` items; `<br>` lines are blank.
    Text quoted inside a finding is left as written: the lines it is on come back too."""
    held = held_lines(lines, fence_mask(lines))
    lines = open_details(lines, held) or lines
    lines = blank_breaks(lines) or lines

    def code(lines: list[str]) -> list[bool]:
        return [a or b for a, b in zip(fence_mask(lines), held, strict=True)]

    split = split_inline_nits(lines, code(lines))
    if split is not None:
        lines = split  # (a line split in three: the quoted lines are found again)
        held = held_lines(lines, fence_mask(lines))
    # (each step looks for its shape first: most reviews have none, and pay no fence scan)
    if any(line.lstrip().startswith(">") for line in lines):
        lines = unquote_findings(lines, code(lines), is_strong_start) or lines
    if has_records(lines):
        lines = rewrite_records(lines, code(lines)) or lines
    if any(line.lstrip().startswith(("- **", "* **", "+ **")) for line in lines):
        lines = open_level_lists(lines, code(lines)) or lines
    return lines, held


def _take_verdicts(block: Block, st: _State) -> None:
    """Lift `**Verdict:** ...` lines out of the prose sections into `verdict_line`."""
    if block.kind not in _VERDICT_KINDS:
        return
    keep_lines: list[str] = []
    keep_fenced: list[bool] = []
    for line, fenced in zip(block.lines, block.fenced, strict=True):
        m = None if fenced else _VERDICT.match(line)
        if m:
            v = m.group("v").strip()
            if m.group("b") and v.endswith(m.group("b")) and v.count(m.group("b")) == 1:
                v = v[: -len(m.group("b"))].rstrip()
            st.verdicts.append(v)
            continue
        keep_lines.append(line)
        keep_fenced.append(fenced)
    block.lines, block.fenced = keep_lines, keep_fenced


def _dispatch(block: Block, st: _State) -> None:
    k = block.kind
    if k is Kind.OTHER and _heading_is_a_finding(block, st):
        return
    if k in (Kind.PREAMBLE, Kind.OTHER):
        whole = (block.lines, block.fenced)
        drafts, block.lines, block.fenced = loose_findings(
            block.title, block.lines, block.fenced, st.prefixes, prose=st.prose
        )
        st.drafts.extend(drafts)
        if k is Kind.OTHER and is_recap(block.title):
            block.lines, block.fenced = whole  # a recap keeps its words as written
        elif drafts and not any(line.strip() for line in block.lines):
            return  # `## Details` held only findings: no empty section is left behind
    body = "\n".join(strip_rules(block.lines)).strip("\n").rstrip()
    if k is Kind.PREAMBLE:
        if body:
            st.preamble.append(body)
    elif k is Kind.SUMMARY:
        if body:
            st.summaries.append(body)
    elif k is Kind.VERDICT:
        first = body.split("\n\n", 1)
        if first[0].strip():
            st.verdicts.append(first[0].strip())
        if len(first) > 1 and first[1].strip():
            st.others.append(Section(block.title or "Verdict", first[1].strip()))
    elif k in FINDING_KINDS:
        res = parse_findings_block(
            block.lines,
            block.fenced,
            SECTION_SEVERITY.get(k.value),
            st.prefixes,
            held=block.held if len(block.held) == len(block.lines) else None,
            section_high=k is Kind.CRITICAL and says_high(block.title),
            # `Optional:` under a Testing Assessment is a label, not a Suggestions heading
            sentences=0 < block.level < BOLD_LEVEL,
        )
        st.drafts.extend(res.drafts)
        st.unread.extend(res.unread)
        st.sink.unparsed.extend(res.unparsed)
        st.sink.warnings.extend(res.warnings)
    elif k in DESIGN_KINDS:
        _design(block, st)
    elif k is Kind.TESTING:
        st.testing.append(parse_assessment(block.lines, block.fenced))
    elif k is Kind.DOCS:
        st.documentation.append(parse_assessment(block.lines, block.fenced))
    elif k is Kind.LIMITATIONS:
        if body:
            st.limitations.append(body)
    elif k is Kind.COVERAGE:
        for entry in parse_coverage(block.lines, block.fenced, st.prefixes, st.sink):
            # A path listed twice (a second draft): the later entry is the agent's last word;
            # it keeps the first one's position.
            old = st.coverage.get(entry.path)
            if old is not None and old.status != entry.status:
                st.sink.warnings.append(
                    f"coverage of {entry.path} given twice ({old.status!r}, then "
                    f"{entry.status!r}); kept the later"
                )
            st.coverage[entry.path] = entry
    else:
        _other(block, body, st)


def _heading_is_a_finding(block: Block, st: _State) -> bool:
    """A review with no findings section may give each finding its own top-level heading
    (`### 1. Title` + `**Severity:** High`): the heading and its section are one finding when
    they read as exactly one finding with its own severity, and the section's lines hold no
    finding with a level of its own."""
    if not block.title or _tracks_earlier_items(block):
        return False
    own = parse_findings_block(block.lines, block.fenced, None, st.prefixes)
    if any(
        d.head.severity is not None and d.head.title.strip("*_: ").lower() not in FIELD_LABELS
        for d in own.drafts
    ):
        # `## Code Review` + `* **Severity: High** - `a.py:7`: title`: the items under the
        # heading carry their own levels, each a finding; the heading is only their section
        # (its "severity line" is the first of them)
        return False
    heading = f"{'#' * max(block.level, 1)} {block.title}"
    res = parse_findings_block([heading, *block.lines], [False, *block.fenced], None, st.prefixes)
    if res.first != 0 or len(res.drafts) != 1 or res.drafts[0].head.severity is None:
        return False
    st.drafts.extend(res.drafts)
    return True


# A finding's own title may well say "status", "resolved" or "since" (`Unchecked
# `Status.Namespace``): only a title that *starts* like an earlier round's item, or a body that
# tracks one (`**Status:** fixed`), is not this review's finding.
_EARLIER_ITEM = re.compile(
    r"^(?:\W*\d+[.)]\s*)?\W*(?:prior|previous|earlier|round|resolved|fixed|addressed|carried|"
    r"feedback|thread)\b",
    re.IGNORECASE,
)
_STATUS_LABEL = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*|__)?(?:status|fix verdict|verdict)(?:\*\*|__)?\s*:", re.IGNORECASE
)


def _tracks_earlier_items(block: Block) -> bool:
    if _EARLIER_ITEM.match(block.title):
        return True
    return any(
        not fenced and _STATUS_LABEL.match(line)
        for line, fenced in zip(block.lines, block.fenced, strict=True)
    )


def _design(block: Block, st: _State) -> None:
    if block.kind is Kind.DESIGN or block.kind is Kind.CONCERNS:
        st.design_kind = "concern"
    else:
        st.design_kind = "strength"
    for obs in parse_observations(block.lines, block.fenced, st.design_kind):
        if block.kind is Kind.DESIGN and praises(obs.text):
            # no Concerns/Strengths label: praise is a strength (`design_tone`)
            obs = replace(obs, kind="strength")
        key = (obs.kind, _norm(obs.text))
        if key not in st.observation_keys:
            st.observation_keys.add(key)
            st.observations.append(obs)


def _other(block: Block, body: str, st: _State) -> None:
    title = block.title or "Untitled"
    for i, sec in enumerate(st.others):
        if sec.title == title:
            if body != sec.body:
                st.sink.warnings.append(f"section {title!r} appears twice; kept the longer")
            if len(body) > len(sec.body):
                st.others[i] = Section(title, body)
            return
    st.others.append(Section(title, body))


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _longest(texts: list[str]) -> str:
    """Repeated prose sections: the more complete (longer) version wins."""
    return max(texts, key=len) if texts else ""


def _merge_assessments(parts: list[Assessment]) -> Assessment:
    if not parts:
        return Assessment()
    intro = _longest([p.intro for p in parts if p.intro])
    items: list[str] = []
    seen: set[str] = set()
    for p in parts:
        for item in p.items:
            if _norm(item) not in seen:
                seen.add(_norm(item))
                items.append(item)
    return Assessment(intro=intro, items=tuple(items))


def _shape_warnings(text: str, blocks: list[Block], found: bool) -> list[str]:
    out: list[str] = []
    if not text.strip():
        return ["empty review"]
    kinds = {b.kind for b in blocks}
    if kinds == {Kind.PREAMBLE} and not found:
        # (findings read from a review with no section headings: not an unparseable review)
        out.append("no review sections recognised; the whole text is in the preamble")
    elif Kind.SUMMARY not in kinds:
        out.append("no Executive Summary section")
    return out
