"""`parse_review`: one seat's review text -> `AgentReview`.  Pure, and never raises.

The text is split into blocks at recognised headings (`blocks.py`), each block goes to its
section parser (`review_parts.py`). A review written twice over (the same run of top-level
sections again to its end: `drafts.py`) is read from its last draft; other sections that appear
twice are merged: every distinct item is kept once.  What cannot be placed lands in
`unparsed` with a warning.

Deviations handled (see `tests/fixtures/reviews/` for one review per style):
- heading levels: `## Findings` + `### Critical Issues`, `### Findings` + `**Critical Issues**`,
  `### Critical Issues` alone, `Concerns:` label lines;
- finding lines: `C1.`, `C1:`, `I-1`, `**C1.**`, `**C1. Title**`, `### C1. Title`, `1.` under a
  severity heading (numbering may continue across sections), `**[CRITICAL] path:line — title**`,
  `**CRITICAL** path:line — Title` + `Classification:` line (IDs assigned by order), rows of a
  findings table; tag before or after the location or reviewers, or absent (severity from the
  heading, then the ID letter);
- free-form reviews that ignore our format: `### 1. Title` + `**Severity:** High` lines (also
  as top-level headings with no findings section: `review_parts._heading_is_a_finding`), a
  numbered list of `**[Medium] Title**` items, one table with a Severity column under any
  heading (not one with a Status column: that tracks earlier rounds); severity words from
  `levels.py` (High/Medium/Low, Blocker/Major/Minor, Warning/Info, P0-P3), `High` ranked
  below Critical when the review also says critical; items led by their severity
  (`🔴 **Critical — Title**`, `**Nit:** x`, `(Medium): x`, `### Warning: Title` in any
  section); `**1. Title** (High)`; a level written as a phrase after the title (`— severity:
  high.`, `(medium priority)`, a closing `… error. Severity: important.`: `closing_level.py`),
  with a kind (`**Bug (high):** text`), or alone at the end
  (`- [ ] **Title** (`a.py:3`) — High`, task-list items too); plain `Issue 2 (High): Title at
  a.py:4` lines; a table whose line has its own column, or one after a list of findings in
  the same section (`later_tables.py`, each row at its own level); `**Suggestions:** None` on
  one line;
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
  inside a code block (kept, with a warning), a complete second draft (the later one is read:
  `drafts.py`), a second draft of only some sections (merged; a finding ID seen twice counts
  once and the more complete version wins; for a file listed twice in the coverage the later
  entry wins), coverage as a table or as bullets.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from deepreview.findings.answered_questions import answered_problems
from deepreview.findings.asked_changes import asked_changes
from deepreview.findings.assemble import (
    assemble,
    overruled_ids,
    renumbered_ids,
    unrated_ids,
)
from deepreview.findings.badge_levels import badge_levels
from deepreview.findings.blocks import Block, build_blocks, rank_levels
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.drafts import earlier_drafts
from deepreview.findings.file_names import known_files as reading_files
from deepreview.findings.finding_draft import is_rule, one_line
from deepreview.findings.finding_line import is_severity_heading, is_strong_start
from deepreview.findings.footnote_findings import footnote_findings
from deepreview.findings.foreign_markup import as_markdown
from deepreview.findings.gave_up import gave_up
from deepreview.findings.hashtag_levels import hashtag_levels
from deepreview.findings.image_levels import image_levels
from deepreview.findings.json_review import json_copy_of, json_review, split_json_copy
from deepreview.findings.level_ranks import rank_circles, rank_cool_titles, rank_high
from deepreview.findings.loose import placed_concerns
from deepreview.findings.margin_lists import margin_lists
from deepreview.findings.nested_numbers import nested_items
from deepreview.findings.next_line_levels import next_line_levels
from deepreview.findings.opened_up import opened_up
from deepreview.findings.opening_file import placed_by_opening
from deepreview.findings.ordinal_letter import letter_findings
from deepreview.findings.place_level_headings import place_level_headings
from deepreview.findings.prose_problems import (
    opened_quotes,
)
from deepreview.findings.quoted_text import held_lines
from deepreview.findings.readable import (
    unparseable_reason,
)
from deepreview.findings.reasoning import without_reasoning
from deepreview.findings.relative_places import place_relative
from deepreview.findings.repeats import (
    in_summary,
    level_repeats,
    one_line_item,
    recap_list,
    recap_table,
    summary_repeats,
)
from deepreview.findings.review_parts import (
    ReviewParts,
    longest,
    merge_assessments,
    read_block,
    take_verdicts,
)
from deepreview.findings.section_titles import (
    FINDING_KINDS,
    Kind,
    is_recap,
    says_high,
)
from deepreview.findings.sign_off import is_sign_off
from deepreview.findings.spaced_names import quote_spaced_files
from deepreview.findings.template_echo import unfilled_sections, without_templates
from deepreview.findings.unfinished import cut_off
from deepreview.findings.unread_prose import unread_beside_findings, unread_without_findings
from deepreview.findings.unwrap import unwrap_review
from deepreview.findings.withdrawn import withdrawn
from deepreview.findings.zero_counts import counts_match
from deepreview.model import AgentReview, Finding
from deepreview.untrusted_text import without_escapes

BOM = "\ufeff"
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
    repository: Collection[str] = (),
) -> AgentReview:
    """Parse a seat's review.  Never raises: a parser bug keeps the whole text as unparsed.

    `known_files`: the change's files, places whatever their names look like (`.env:1`,
    `Procfile:1`, `CODEOWNERS:1`). `repository`: the files and folders at the review SHA
    (`targets.tree.paths_at`), places outside the change (`ops/bootstrap:3`); empty for a
    text parsed on its own (`deep-review parse`)."""
    raw = _as_text(text)
    try:
        with reading_files(known_files, repository):
            answer = without_reasoning(raw)  # (a reasoning model's thinking is no review)
            review = _parse(answer, seat, pass_no, tuple(worktree_prefixes or ()))
            if answer is raw:
                return review
            note = "the model's thinking before its answer was not read as the review"
            return replace(review, raw=raw, warnings=(note, *review.warnings))
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


def _about_own_findings(text: str, ids: frozenset[str]) -> bool:
    """`text` (unread findings text) is only closing words about the review's own findings."""
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip() and not is_rule(p)]
    return bool(ids) and bool(paras) and all(is_sign_off(p, ids) for p in paras)


@dataclass
class _Text:
    """The review's lines once the passes that rewrite shapes in place have run."""

    text: str
    lines: list[str]
    mask: list[bool]
    held: list[bool]  # quoted inside a finding: its text, opening nothing
    unquoted: frozenset[str]  # (`opened_quotes`)
    unwrapped: bool  # the review came wrapped in a Markdown code block


def _rewritten(raw: str) -> _Text:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = as_markdown(text)  # (reStructuredText, org-mode, a drawn table: `foreign_markup`)
    lines = text.split("\n")
    unwrapped = unwrap_review(lines, is_strong_start)
    if unwrapped is not None:
        lines = unwrapped
        text = "\n".join(lines)
    opened, quoted = opened_up(lines)
    unquoted = opened_quotes(lines, opened)
    if opened is not lines:
        lines, text = opened, "\n".join(opened)
    mask = fence_mask(lines)
    set_in = badge_levels(margin_lists(lines, mask), mask)  # (`MUST FIX:` + `  * a.py#L45`;
    # `### `a.ts:3` ![severity](…/badge/severity-major-orange)`)
    if set_in is not lines:
        lines, text = set_in, "\n".join(set_in)
    quoted_names = quote_spaced_files(lines, mask)
    if quoted_names != lines:
        lines, text = quoted_names, "\n".join(quoted_names)
    by_opening = placed_by_opening(lines, mask)  # (`Looking at a.py:` + `- line 13: …`)
    by_opening = nested_items(by_opening, mask)  # (`1.1 **Title** …` under `## 1. Area`)
    if by_opening != lines:
        lines, text = by_opening, "\n".join(by_opening)
    # (the passes keep lines in place, so text quoted before them is still quoted after them;
    # a finding they opened, from a quote or a fold, may quote text of its own)
    held = [a or b for a, b in zip(quoted, held_lines(lines, mask), strict=True)]
    return _Text(text, lines, mask, held, unquoted, unwrapped is not None)


def _parse(raw: str, seat: str, pass_no: int, prefixes: tuple[str, ...]) -> AgentReview:
    src = _rewritten(raw)
    footnoted, src.lines = footnote_findings(src.lines, src.mask, prefixes)
    src.lines = place_level_headings(src.lines, src.mask, prefixes)  # (``### `a.ts:2` (high)``)
    src.lines = next_line_levels(src.lines, src.mask)  # (`1. `a.go:8` — …` + `   [severity: high]`)
    src.lines = hashtag_levels(src.lines, src.mask)  # (`- `a.py:7` … loops forever #bug #major`)
    src.lines = image_levels(src.lines, src.mask)  # (`![medium](…/medium-priority.svg)`)
    src.text = "\n".join(src.lines)  # (footnotes read are blanked; lines stay in place)
    text, lines, mask, unquoted = src.text, src.lines, src.mask, src.unquoted
    blocks = build_blocks(lines, mask, is_strong_start, is_severity_heading, held=src.held)
    rank_levels(blocks)
    blocks, redrafted = earlier_drafts(blocks, lines, mask)
    placed_concerns(blocks, prefixes)
    kinds = {b.kind for b in blocks if b.kind in FINDING_KINDS}
    st = ReviewParts(prefixes, prose=not kinds, lesser_only=kinds == {Kind.SUGGESTIONS})
    if src.unwrapped:
        st.sink.warnings.append("review wrapped in a Markdown code block; unwrapped")
    if redrafted:
        st.sink.warnings.append(
            f"the review writes its sections twice ({', '.join(redrafted)}); "
            "the later draft is read"
        )
    seen = _read_blocks(blocks, st)
    # (`[^1]: `a.py` line 5 — blocking.`: `footnote_findings`; a footnote giving the place of a
    # finding read above tells that finding again)
    told = {(loc.path, loc.start) for d in st.drafts for loc in d.head.locations}
    st.drafts.extend(
        d for d in footnoted if not {(loc.path, loc.start) for loc in d.head.locations} & told
    )
    if len(set(st.verdicts)) > 1:
        # Keep the agent's last word as the verdict, the earlier ones as unparsed text.
        st.sink.unparsed.extend(v for v in st.verdicts[:-1] if v != st.verdicts[-1])
        st.sink.warnings.append(f"{len(st.verdicts)} verdict lines; kept the last")
    _rank_and_add(st, blocks, unquoted)
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
        _read_after_all(st, copy)
    st.drafts = summary_repeats(st.drafts, st.from_summary)
    findings, finding_warnings = assemble(st.drafts)
    findings, unrated, finding_warnings = level_repeats(
        findings, unrated_ids(st.drafts, findings), finding_warnings
    )
    findings = place_relative(findings)  # `line 16 of the same file`, `… of the controller`
    kept = _without_recaps(st, findings)
    overruled = tuple(o for o in overruled_ids(st.drafts, findings) if o[0] in kept)
    renumbered = tuple(r for r in renumbered_ids(st.drafts, findings) if r[1] in kept)
    warnings = list(st.sink.warnings) + finding_warnings
    if not findings and not st.unread:
        warnings.extend(unread_without_findings(st, blocks, text, unquoted))
    else:
        warnings.extend(unread_beside_findings(st, blocks, findings, unquoted))
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
        executive_summary=longest(st.summaries),
        verdict_line=st.verdicts[-1] if st.verdicts else None,
        findings=tuple(findings),
        design_observations=tuple(st.observations),
        testing=merge_assessments(st.testing),
        documentation=merge_assessments(st.documentation),
        limitations=longest(st.limitations),
        coverage=tuple(st.coverage.values()),
        other_sections=tuple(st.others),
        unparsed=tuple(st.sink.unparsed),
        warnings=tuple(dict.fromkeys(warnings)),
        raw=raw,
        unread_findings=tuple(st.unread),
        cut_off=unfinished,
        unrated=unrated,
        overruled=overruled,
        redrafted=redrafted,
        renumbered=renumbered,
    )


def _read_blocks(blocks: list[Block], st: ReviewParts) -> dict[Kind, int]:
    """Each block read by its section's reader; how often each kind of section was seen."""
    seen: dict[Kind, int] = {}
    prev: Kind | None = None
    for block in blocks:
        # `## Summary` + `- **C1** `a.py:3` — crash`: `blocks` opened an untitled findings
        # block for the summary's items; they are still the summary's list (an item with text
        # of its own below it is a finding written there, merged as any finding told twice)
        of_summary = prev is Kind.SUMMARY and block.kind is Kind.FINDINGS and not block.title
        prev = block.kind
        seen[block.kind] = seen.get(block.kind, 0) + 1
        take_verdicts(block, st)
        try:
            st.summary_level = in_summary(block.kind is Kind.SUMMARY, block.level, st.summary_level)
            before = len(st.drafts)
            read_block(block, st)
            if (
                (st.summary_level is not None and block.kind is not Kind.SUMMARY)
                or is_recap(block.title)
                or recap_table(st.drafts[:before], st.drafts[before:])
            ):
                # the summary's list (in its section, `## Summary` with `- **C1** `a.py:3` —
                # crash`, or under it), or a recap after the findings (`## Next steps`): an
                # item a finding holds (same title, or its places) is that finding told again
                st.from_summary.update(id(d) for d in st.drafts[before:])
            elif of_summary or block.kind is Kind.SUMMARY:
                st.from_summary.update(id(d) for d in st.drafts[before:] if one_line_item(d))
        except Exception as exc:  # noqa: BLE001 - one odd section must not lose the others
            if block.text.strip():
                st.sink.unparsed.append(block.text.strip("\n"))
            st.sink.warnings.append(
                f"section {block.title or block.kind.value!r} not understood "
                f"({type(exc).__name__}); kept unparsed"
            )
    return seen


def _rank_and_add(st: ReviewParts, blocks: list[Block], unquoted: frozenset[str]) -> None:
    """The drafts read, ranked against each other, less the withdrawn and the template's echoes,
    plus the problems told in a checklist's answers or asked for in prose."""
    # `I2 is not a problem after all; withdrawn.` in a review written once
    st.drafts, taken_back = withdrawn(blocks, st.drafts)
    st.sink.warnings.extend(taken_back)
    rank_high(
        st.drafts,
        critical_section=any(b.kind is Kind.CRITICAL and not says_high(b.title) for b in blocks),
    )
    rank_circles(st.drafts)
    rank_cool_titles(st.drafts)
    st.unread.extend(unfilled_sections(st.drafts, blocks))  # the layout with nothing filled in
    st.drafts, echoes = without_templates(st.drafts)
    st.sink.warnings.extend(echoes)
    # the answers to a checklist's questions, with problems told inside them
    told_at = {(loc.path, loc.start) for d in st.drafts for loc in d.head.locations}
    st.drafts += answered_problems(blocks, told_at, st.prefixes, unquoted)
    if not st.drafts and not st.unread:
        st.drafts = asked_changes(blocks, st.prefixes, unquoted) or letter_findings(
            blocks, st.prefixes, unquoted
        )  # told in prose, asked for


def _without_recaps(st: ReviewParts, findings: list[Finding]) -> set[str]:
    """The ids of the findings read, once the unread text that only tells of them (a table
    counting them, a closing word on them) is set aside."""
    for table in [u for u in st.unread if counts_match(u, [f.severity for f in findings])]:
        _read_after_all(st, table)  # `| Important | 2 |` …: it counts the findings we read
    for recap in [u for u in st.unread if recap_list(u, findings)]:
        _read_after_all(st, recap)  # `- C1 `a.py:3` crash on empty input`: told again by ID
    kept = {f.id for f in findings}
    for closing in [u for u in st.unread if _about_own_findings(u, frozenset(kept))]:
        # `Overall a solid change; I1 is the only thing blocking`: a closing word on the
        # findings read above, no findings text of its own
        st.unread.remove(closing)
        unread_warning = f"text in a findings section is not a finding: {one_line(closing)}"
        st.sink.warnings = [w for w in st.sink.warnings if w != unread_warning]
    return kept


def _read_after_all(st: ReviewParts, text: str) -> None:
    """`text`, kept as unread findings text, is what the findings read tell again (a JSON copy,
    a table counting them): kept as unparsed text, but neither unread nor warned about."""
    st.unread.remove(text)
    unread_warning = f"text in a findings section is not a finding: {one_line(text)}"
    st.sink.warnings = [w for w in st.sink.warnings if w != unread_warning]


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
