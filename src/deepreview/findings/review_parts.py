"""A review's parts as its blocks are read: each block goes to its section's parser (`read_block`)
and what it holds lands in `ReviewParts` (drafts of findings, design observations, assessments,
coverage, other sections); `**Verdict:**` lines are lifted out of the prose sections first
(`take_verdicts`).  Sections given twice are merged here: a design observation or an
assessment item once, a coverage entry by its later word, another section by its longer text.
`parse.parse_review` drives it and builds the `AgentReview`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from deepreview.findings.blocks import BOLD_LEVEL, Block
from deepreview.findings.design_tone import praises
from deepreview.findings.file_groups import file_heading
from deepreview.findings.finding_draft import Draft, is_rule, strip_rules
from deepreview.findings.finding_line import FIELD_LABELS
from deepreview.findings.findings import SECTION_SEVERITY, FindingsResult, parse_findings_block
from deepreview.findings.heading_places import tells_a_fault
from deepreview.findings.loose import loose_findings
from deepreview.findings.placed_items import placed_section
from deepreview.findings.prose_places import places_in_prose
from deepreview.findings.prose_problems import asks_for_changes
from deepreview.findings.rated_gaps import rated_gaps
from deepreview.findings.recap_items import limitation_faults, recap_problems
from deepreview.findings.section_titles import (
    DESIGN_KINDS,
    FINDING_KINDS,
    Kind,
    is_recap,
    praise_section,
    problem_section,
    says_high,
)
from deepreview.findings.sections import Sink, parse_assessment, parse_coverage, parse_observations
from deepreview.findings.sign_off import is_sign_off, verdict_alone
from deepreview.findings.strength_faults import praise_kind, strength_faults
from deepreview.findings.summary_tables import summary_tables
from deepreview.model import Assessment, CoverageEntry, DesignObservation, Section

_VERDICT = re.compile(
    r"^\s*(?P<b>\*\*|__)?(?:Overall |Final )?Verdict[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|:)[ \t]*(?P<v>\S.*?)\s*$",
    re.IGNORECASE,
)
# `**Recommendation:** Approve.` closing a findings section: a verdict only when its words are
# one (`**Recommendation:** Add a lock` is a finding's fix, told where we cannot read it).
_LABELLED_VERDICT = re.compile(
    r"^\s*(?P<b>\*\*|__)?(?:Overall |Final )?(?:Recommendation|Decision)[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|:)[ \t]*(?P<v>(?:\*\*|__)?"
    r"(?:approved?|merge|lgtm|ship|ready|request(?:ing)?\s+changes|changes\s+requested|"
    r"needs?\s+(?:changes|work|fixes)|reject|do\s+not\s+merge|don['’]t\s+merge)\b.*?)\s*$",
    re.IGNORECASE,
)
# `Overall: request changes.` closing a free-form review: a verdict only when that is all it
# says (`Overall: the retry logic is sound` is prose).
_OVERALL_VERDICT = re.compile(
    r"^\s*(?P<b>\*\*|__)?Overall[ \t]*(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|:)[ \t]*"
    r"(?P<v>(?:\*\*|__)?(?:approved?|lgtm|merge\s+as[- ]is|ready\s+to\s+merge|"
    r"request(?:ing)?\s+changes|changes\s+requested|needs?\s+(?:changes|work|fixes)|reject|"
    r"do\s+not\s+merge|don['’]t\s+merge)[ \t]*[.!]?(?:\*\*|__)?)\s*$",
    re.IGNORECASE,
)
_VERDICT_KINDS = frozenset(
    {Kind.PREAMBLE, Kind.SUMMARY, Kind.VERDICT, Kind.LIMITATIONS, Kind.COVERAGE, Kind.DOCS}
)


@dataclass
class ReviewParts:
    """What the blocks read so far hold, and where the reading is (`summary_level`)."""

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
    # only a lesser level's section (`Minor:` + items): the main findings may be told in prose
    # above it, as in a review with no findings section
    lesser_only: bool = False
    summary_level: int | None = None  # inside the summary's section (its heading's level)
    from_summary: set[int] = field(default_factory=set)  # `id()`s of the summary's drafts


def take_verdicts(block: Block, st: ReviewParts) -> None:
    """Lift `**Verdict:** ...` lines out of the prose sections into `verdict_line`."""
    if block.kind in FINDING_KINDS or block.kind is Kind.OTHER:
        # (a section of the seat's own naming, `## Review` + its prose + `Verdict: request
        # changes`: the closing line is the seat's verdict, as under a findings heading)
        _closing_verdict(block, st)
    if block.kind not in _VERDICT_KINDS:
        return
    keep_lines: list[str] = []
    keep_fenced: list[bool] = []
    for line, fenced in zip(block.lines, block.fenced, strict=True):
        m = None if fenced else (_VERDICT.match(line) or _OVERALL_VERDICT.match(line))
        if m:
            v = m.group("v").strip()
            if m.group("b") and v.endswith(m.group("b")) and v.count(m.group("b")) == 1:
                v = v[: -len(m.group("b"))].rstrip()
            st.verdicts.append(v)
            continue
        keep_lines.append(line)
        keep_fenced.append(fenced)
    block.lines, block.fenced = keep_lines, keep_fenced


def _closing_verdict(block: Block, st: ReviewParts) -> None:
    """`**Verdict:** Merge as-is.` as the last line of the last findings section (no heading
    of its own; a sign-off may follow it): the review's verdict, not findings text. Only there:
    a `Verdict:` line inside a finding is that finding's text."""
    ends = [
        i
        for i, line in enumerate(block.lines)
        if line.strip() and not is_rule(line) and not block.fenced[i]
    ]
    paras = [i for i in ends if i == ends[0] or not block.lines[i - 1].strip()]
    if not paras:
        return
    last = ends[-1]
    if len(paras) > 1 and is_sign_off("\n".join(block.lines[paras[-1] :])):
        last = max(i for i in ends if i < paras[-1])  # `**Verdict:** …` + `Hope this helps!`
    line = block.lines[last]
    m = _VERDICT.match(line) or _LABELLED_VERDICT.match(line) or _OVERALL_VERDICT.match(line)
    if m is None or (block.held and block.held[last]) or line[:1].isspace():
        return
    v = m.group("v").strip()
    if m.group("b") and v.endswith(m.group("b")) and v.count(m.group("b")) == 1:
        v = v[: -len(m.group("b"))].rstrip()
    if not verdict_alone(v, asks_for_changes(v)):
        return  # `**Verdict:** Merge as-is. The export drops …`: findings text, unread
    st.verdicts.append(v)
    for column in (block.lines, block.fenced, block.held):
        if len(column) > last:
            del column[last]


def read_block(block: Block, st: ReviewParts) -> None:
    k = block.kind
    if _read_for_findings(block, st):
        return
    if k is Kind.SUMMARY:  # `### Review summary` + a table of placed, rated rows: findings
        rows, block.lines, block.fenced = summary_tables(block.lines, block.fenced, st.prefixes)
        st.drafts.extend(rows)
        st.from_summary.update(map(id, rows))
    body = "\n".join(strip_rules(block.lines)).strip("\n").rstrip()
    if k is Kind.PREAMBLE:
        if body:
            st.preamble.append(body)
    elif k is Kind.SUMMARY:
        if body:
            st.summaries.append(body)
    elif k is Kind.VERDICT:
        _verdict_section(block, body, st)
    elif k in FINDING_KINDS:
        _findings_section(block, st)
    elif k in DESIGN_KINDS:
        _design(block, st)
    elif k in (Kind.TESTING, Kind.DOCS) and (
        rated := rated_gaps(block.lines, block.fenced, st.prefixes)
    ):
        st.drafts.extend(rated)  # `## 2. Tests` + `1. **No test for …** (`t.py`) … Severity: …`
    elif k is Kind.TESTING:
        st.testing.append(parse_assessment(block.lines, block.fenced))
    elif k is Kind.DOCS:
        st.documentation.append(parse_assessment(block.lines, block.fenced))
    elif k is Kind.LIMITATIONS:
        _limitations(block, body, st)
    elif k is Kind.COVERAGE:
        _coverage(block, st)
    else:
        _other(block, body, st)


def _read_for_findings(block: Block, st: ReviewParts) -> bool:
    """A prose section's (or the preamble's) findings taken out of it; True when the block
    was all findings (the heading one, or a section that held only findings), so no section
    is left behind."""
    k = block.kind
    if k is Kind.OTHER and _heading_is_a_finding(block, st):
        return True
    if k is Kind.OTHER and praise_section(block.title):
        # `## What looks good`: its items are praise, but for the faults it tells among them
        faults, block.lines, block.fenced = strength_faults(block.lines, block.fenced, st.prefixes)
        st.drafts.extend(faults)
        return bool(faults) and not any(line.strip() for line in block.lines)
    if k in (Kind.PREAMBLE, Kind.OTHER):
        return _loose_in_prose(block, st)
    return False


def _loose_in_prose(block: Block, st: ReviewParts) -> bool:
    """The findings `loose` reads in a prose section; True when it held only findings."""
    k = block.kind
    whole = (block.lines, block.fenced)
    # (a recap named for problems, `## Action items`: its placed items are findings as in
    # a review told in prose, unless a finding holds them: `repeats.summary_repeats`)
    told = (
        st.prose
        or (k is Kind.PREAMBLE and st.lesser_only)
        or (k is Kind.OTHER and problem_section(block.title) is not None)
    )
    drafts, block.lines, block.fenced, unread = _loose_in_block(block, st, prose=told)
    st.drafts.extend(drafts)
    if unread:
        st.unread.extend(unread)
        st.sink.warnings.append(f"problems named in a list, not as findings: {unread[0]}")
    if k is Kind.OTHER and is_recap(block.title):
        block.lines, block.fenced = whole  # a recap keeps its words as written
        # `2. `a.py:30` leaks the handle — do this before merge.`: a problem only it names
        read = {loc for d in drafts for loc in d.head.locations}
        read_ids = frozenset(d.head.id.replace("-", "") for d in st.drafts if d.head.id)
        st.drafts.extend(
            d
            for d in recap_problems(block.title, *whole, st.prefixes, read_ids)
            if not read & set(d.head.locations)
        )
        return False
    # `## Details` held only findings: no empty section is left behind
    return bool(drafts) and not any(line.strip() for line in block.lines)


def _verdict_section(block: Block, body: str, st: ReviewParts) -> None:
    first = body.split("\n\n", 1)
    if first[0].strip():
        st.verdicts.append(first[0].strip())
    if len(first) > 1 and first[1].strip():
        st.others.append(Section(block.title or "Verdict", first[1].strip()))


def _findings_section(block: Block, st: ReviewParts) -> None:
    k = block.kind
    res = _findings_of(block, block.lines, st)
    if res.unread and k is not Kind.FINDINGS:
        # `## Important` + `### src/user.h` + `- line 4: …`: items led by their lines
        # under a file's heading, each a finding at the section's level
        lines, grouped = places_in_prose(block.lines, block.fenced, st.prefixes)
        again = _findings_of(block, lines, st) if grouped else res
        if len(again.unread) < len(res.unread) and len(again.drafts) > len(res.drafts):
            res = again
    if k is Kind.FINDINGS and res.unread and not res.drafts:
        # `## Findings` + `1. `a.py:31` — the budget is never refilled`: place-led problems,
        # read as they are with no findings section (`placed_items.py`)
        res = placed_section(block.lines, block.fenced, st.prefixes) or res
    st.drafts.extend(res.drafts)
    st.unread.extend(res.unread)
    st.sink.unparsed.extend(res.unparsed)
    st.sink.warnings.extend(res.warnings)


def _limitations(block: Block, body: str, st: ReviewParts) -> None:
    # `- `a.py:12` drops the last row` among them: a fault in the change, a finding
    faults, kept, _ = limitation_faults(block.lines, block.fenced, st.prefixes)
    st.drafts.extend(faults)
    body = "\n".join(strip_rules(kept)).strip("\n").rstrip() if faults else body
    if body:
        st.limitations.append(body)


def _coverage(block: Block, st: ReviewParts) -> None:
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


def _findings_of(block: Block, lines: list[str], st: ReviewParts) -> FindingsResult:
    k = block.kind
    return parse_findings_block(
        lines,
        block.fenced,
        SECTION_SEVERITY.get(k.value),
        st.prefixes,
        held=block.held if len(block.held) == len(lines) else None,
        section_high=k is Kind.CRITICAL and says_high(block.title),
        # `Optional:` under a Testing Assessment is a label, not a Suggestions heading
        sentences=0 < block.level < BOLD_LEVEL,
        placed_headings=True,
    )


def _loose_in_block(
    block: Block, st: ReviewParts, *, prose: bool
) -> tuple[list[Draft], list[str], list[bool], list[str]]:
    """`loose_findings` of a prose section; a section headed by a file's name alone (`###
    src/user.h` + `- line 4: the guard is misspelt`) read with its heading, which places the
    items led by their lines (`prose_places`), and given back to the section when no finding
    took it."""
    heading = f"{'#' * max(block.level, 1)} {block.title}"
    if not (prose and 0 < block.level < BOLD_LEVEL and file_heading(heading, st.prefixes)):
        return loose_findings(
            block.title,
            block.lines,
            block.fenced,
            st.prefixes,
            prose=prose,
            warnings=st.sink.warnings,
        )
    drafts, lines, fenced, unread = loose_findings(
        block.title,
        [heading, *block.lines],
        [False, *block.fenced],
        st.prefixes,
        prose=prose,
        warnings=st.sink.warnings,
    )
    if lines[:1] == [heading]:
        lines, fenced = lines[1:], fenced[1:]
    return drafts, lines, fenced, unread


def _heading_is_a_finding(block: Block, st: ReviewParts) -> bool:
    """A review with no findings section may give each finding its own top-level heading
    (`### 1. Title` + `**Severity:** High`): the heading and its section are one finding when
    they read as exactly one finding with its own severity (or, with no findings section, its
    place on the heading and a fault in its text: `_placed`), and the section's lines hold no
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
    if res.first != 0 or len(res.drafts) != 1:
        return False
    found = res.drafts[0]
    if found.head.severity is None and not (st.prose and not own.drafts and _placed(found)):
        return False
    st.drafts.extend(res.drafts)
    return True


def _placed(d: Draft) -> bool:
    """In a review with no findings section, `### Title (`a.py:58`)` + a text that names a
    fault (`Entries are never evicted.`): one finding with no level of its own (important,
    unrated); a heading whose text names none (a walkthrough's `### Parser (`a.py:3`)`) stays
    a section."""
    return any(loc.start is not None for loc in d.head.locations) and tells_a_fault(
        d.head.title, f"{d.body}\n{d.fix}"
    )


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


def _design(block: Block, st: ReviewParts) -> None:
    if block.kind is Kind.DESIGN or block.kind is Kind.CONCERNS:
        st.design_kind = "concern"
    else:
        st.design_kind = "strength"
        # `- 🟡 `a.py:42` retries POST requests too …` among the strengths: a finding
        faults, block.lines, block.fenced = strength_faults(block.lines, block.fenced, st.prefixes)
        st.drafts.extend(faults)
    for obs in parse_observations(block.lines, block.fenced, st.design_kind):
        if block.kind is Kind.DESIGN and praises(obs.text):
            # no Concerns/Strengths label: praise is a strength (`design_tone`)
            obs = replace(obs, kind="strength")
        elif obs.kind == "strength" and praise_kind(obs.text) == "concern":
            obs = replace(obs, kind="concern")  # `🟡 Naming is inconsistent`: no praise
        key = (obs.kind, _norm(obs.text))
        if key not in st.observation_keys:
            st.observation_keys.add(key)
            st.observations.append(obs)


def _other(block: Block, body: str, st: ReviewParts) -> None:
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


def longest(texts: list[str]) -> str:
    """Repeated prose sections: the more complete (longer) version wins."""
    return max(texts, key=len) if texts else ""


def merge_assessments(parts: list[Assessment]) -> Assessment:
    if not parts:
        return Assessment()
    intro = longest([p.intro for p in parts if p.intro])
    items: list[str] = []
    seen: set[str] = set()
    for p in parts:
        for item in p.items:
            if _norm(item) not in seen:
                seen.add(_norm(item))
                items.append(item)
    return Assessment(intro=intro, items=tuple(items))
