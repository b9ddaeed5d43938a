"""Inline review comments: each finding anchored on a RIGHT-side line of the PR diff.

GitHub accepts a review comment only on a line the PR diff shows on its new side (an added or
a context line of a hunk). A finding's own line is used when it is there; when it is not (the
reviewer's line number is off, or points outside the hunks), the finding's quoted code is
searched in the head file and the match nearest the stated line that lies on the diff is used.
A finding that still has no line is left for the summary comment: never an API error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from deepreview.consolidate.fingerprint import (
    distinct_fingerprints,
    fingerprint,
    known_fingerprints,
)
from deepreview.markdown_fence import code_blocks
from deepreview.model import Finding, Severity
from deepreview.publish.credit import found_by
from deepreview.publish.safe import block_text, finding_marker, inline_text

_HUNK: Final = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")
MAX_COMMENT: Final = 16_000  # a finding's body (and its fix) in one inline comment
GITHUB_LIMIT: Final = 65_536  # characters of one comment, as posted


def right_side_lines(patch: str) -> frozenset[int]:
    """New-file line numbers of a unified-diff patch that GitHub can comment on."""
    lines: set[int] = set()
    new = 0
    in_hunk = False
    for raw in patch.splitlines():
        m = _HUNK.match(raw)
        if m:
            new, in_hunk = int(m.group(1)), True
            continue
        if not in_hunk or raw.startswith(("-", "\\")):
            continue
        if raw.startswith(("+", " ")) or raw == "":
            lines.add(new)
            new += 1
    return frozenset(lines)


def diff_lines_by_file(files: Sequence[Mapping[str, Any]]) -> dict[str, frozenset[int]]:
    """`GET pulls/N/files` answers -> path -> its commentable lines (files without a patch,
    binary or too large, have none)."""
    out: dict[str, frozenset[int]] = {}
    for f in files:
        name = f.get("filename")
        patch = f.get("patch")
        if isinstance(name, str):
            out[name] = right_side_lines(patch) if isinstance(patch, str) else frozenset()
    return out


def diff_lines_of(diff: str) -> dict[str, frozenset[int]] | None:
    """A whole `git diff` (the reviewed commit's, from the local clone) -> new-side path -> its
    commentable lines, as `diff_lines_by_file` reads GitHub's file list; None when the text
    cannot be read as a diff."""
    # Imported here: only `publish --inline` of a review whose clone is at hand needs them.
    import unidiff

    from deepreview.agents.static.changes import unquote_git_path

    lines = [part + "\n" for part in diff.split("\n")]
    try:
        patches = unidiff.PatchSet(lines)
    except (unidiff.UnidiffParseError, ValueError):
        return None
    out: dict[str, frozenset[int]] = {}
    for patched in patches:
        name = unquote_git_path(patched.target_file)
        if name == "/dev/null":
            continue  # a deleted file has no new side to comment on
        out[name.removeprefix("b/")] = frozenset(
            line.target_line_no
            for hunk in patched
            for line in hunk
            if (line.is_added or line.is_context) and line.target_line_no is not None
        )
    return out


def quoted_lines(finding: Finding) -> list[str]:
    """The finding's first quoted code block as stripped, non-empty lines; a diff block gives
    its new side (context and `+` lines, markers dropped)."""
    block = next(code_blocks(finding.body), None)
    if block is None:
        return []
    lines = block.body.splitlines()
    if block.info.strip().lower() in ("diff", "patch"):
        lines = [ln[1:] for ln in lines if ln[:1] in ("+", " ") and not ln.startswith("+++")]
    return [ln.strip() for ln in lines if ln.strip()]


def _matches(head: Sequence[str], quoted: Sequence[str]) -> list[int]:
    """1-based line numbers where `quoted` starts in `head` (stripped comparison)."""
    stripped = [ln.strip() for ln in head]
    n = len(quoted)
    return [i + 1 for i in range(len(stripped) - n + 1) if stripped[i : i + n] == list(quoted)]


@dataclass(frozen=True)
class Anchor:
    path: str
    line: int
    moved_from: int | None = None  # the finding's own line, when it was re-anchored
    # The marker the comment carries: the finding's fingerprint among its review's (unique).
    # Not part of where the comment goes, so not compared.
    fingerprint: str = field(default="", compare=False)


def anchor(
    finding: Finding, diff_lines: Mapping[str, frozenset[int]], head_files: Mapping[str, str]
) -> Anchor | None:
    """Where the finding's inline comment goes, or None when no diff line fits."""
    for loc in finding.locations:
        lines = diff_lines.get(loc.path)
        if not lines:
            continue
        if loc.start is not None and loc.start in lines:
            return Anchor(loc.path, loc.start)
        quoted = quoted_lines(finding)
        text = head_files.get(loc.path)
        if not quoted or text is None:
            continue
        head = text.splitlines()
        want = loc.start or 1
        # The quote's occurrence nearest the finding's own line is the code it is about; only
        # when that one touches the diff does the comment move there. Another copy of a common
        # line (`return None`) on the diff, further away, is other code: the finding then goes
        # to the summary, never onto a function it is not about. A finding naming no line
        # names no copy: any on the diff will do, the first one first.
        spans = [range(start, start + len(quoted)) for start in _matches(head, quoted)]
        if not spans:
            continue
        if loc.start is not None:
            nearest = min(_distance(span, want) for span in spans)
            spans = [span for span in spans if _distance(span, want) == nearest]
        candidates = [n for span in spans for n in span if n in lines]
        if candidates:
            best = min(candidates, key=lambda n: (abs(n - want), n))
            return Anchor(loc.path, best, moved_from=loc.start)
    return None


def _distance(span: range, line: int) -> int:
    """How far the lines of `span` are from `line` (0 when it holds it)."""
    return min(abs(n - line) for n in span)


def needs_head_file(finding: Finding, diff_lines: Mapping[str, frozenset[int]]) -> str | None:
    """The path whose head text re-anchoring would search, or None when not needed."""
    for loc in finding.locations:
        lines = diff_lines.get(loc.path)
        if not lines:
            continue
        if loc.start is not None and loc.start in lines:
            return None
        if quoted_lines(finding):
            return loc.path
    return None


def comment_body(finding: Finding, where: Anchor, lead: str = "") -> str:
    """One inline comment: the hidden fingerprint marker, then the finding, within GitHub's
    limit. Escaping can make untrusted text four times longer (`<` is `&lt;`), so the limit is
    checked on the comment as posted, and the text cut shorter until it fits."""
    cut = MAX_COMMENT
    while True:
        body = _comment_body(finding, where, cut, lead)
        if len(body) <= GITHUB_LIMIT or cut <= 0:
            return body
        cut //= 2


def _comment_body(finding: Finding, where: Anchor, cut: int, lead: str) -> str:
    label = {Severity.CRITICAL: "Critical", Severity.IMPORTANT: "Important"}.get(
        finding.severity, "Suggestion"
    )
    parts = [
        finding_marker(where.fingerprint or fingerprint(finding)),
        f"**{finding.id} · {label}** — {inline_text(finding.title)}",
    ]
    if where.moved_from is not None and where.moved_from != where.line:
        parts.append(f"_(the review placed this at line {where.moved_from})_")
    body, fix = finding.body.strip(), finding.fix.strip()
    if body:
        parts.append(block_text(body[:cut]))
    if fix:
        parts.append("**Fix:**\n\n" + block_text(fix[:cut]))
    if len(body) > cut or len(fix) > cut:
        parts.append("_(cut to fit GitHub's comment limit: the whole finding is in the report)_")
    if finding.reviewers:
        parts.append(f"<sub>Deep Review · {found_by(finding.reviewers, lead)}</sub>")
    return "\n\n".join(parts)


# `comment_body`'s first two parts: the marker line, then the finding's ID and severity.
_LAYOUT: Final = re.compile(
    r"<!-- deep-review:finding v\d+:[0-9a-f]{8,64} -->\n\n"
    r"\*\*[A-Za-z0-9]+ · (?:Critical|Important|Suggestion)\*\* — "
)


def has_inline_layout(body: str) -> bool:
    """Whether `body` starts as `comment_body` writes an inline comment."""
    return bool(_LAYOUT.match(body))


@dataclass(frozen=True)
class InlinePlan:
    comments: tuple[tuple[Finding, Anchor], ...]  # to post, in report order
    unanchored: tuple[Finding, ...]  # no diff line fits: shown in the summary instead
    already: tuple[Finding, ...]  # an earlier round's inline comment carries its fingerprint
    notes: tuple[str, ...] = ()  # why a finding may be in the summary for want of a diff


def plan_inline(
    findings: Sequence[Finding],
    diff_lines: Mapping[str, frozenset[int]],
    head_files: Mapping[str, str],
    posted: frozenset[str],
    earlier: Mapping[str, frozenset[str]] | None = None,
) -> InlinePlan:
    """`posted`: the fingerprints our inline comments on the PR carry; `earlier`: by finding
    ID, the fingerprints a finding had in the rounds it was carried from (`lineage`): one
    posted under any of them is there already, though its file or quoted code changed."""
    earlier = earlier or {}
    comments: list[tuple[Finding, Anchor]] = []
    unanchored: list[Finding] = []
    already: list[Finding] = []
    own = known_fingerprints(findings)
    for f, fp in zip(findings, distinct_fingerprints(findings), strict=True):
        if (own[f.id] | earlier.get(f.id, frozenset())) & posted:
            already.append(f)
            continue
        where = anchor(f, diff_lines, head_files)
        if where is None:
            unanchored.append(f)
        else:
            comments.append((f, replace(where, fingerprint=fp)))
    return InlinePlan(tuple(comments), tuple(unanchored), tuple(already))


_URL: Final = re.compile(r"https?://[^\s()<>\[\]]+")


def review_payload(
    comments: Sequence[tuple[Finding, Anchor]],
    head_sha: str | None,
    summary_url: str | None = None,
    lead: str = "",
) -> dict[str, Any]:
    """The body of `POST /repos/o/n/pulls/N/reviews`: a plain COMMENT review, linking the
    summary comment (posted before it) when GitHub gave its address."""
    n = len(comments)
    where = "the summary is in the PR conversation"
    if summary_url is not None and _URL.fullmatch(summary_url):
        where = f"the summary is [in the PR conversation]({summary_url})"
    payload: dict[str, Any] = {
        "event": "COMMENT",
        "body": f"Deep Review: {n} inline comment{'s' if n != 1 else ''}; {where}.",
        "comments": [
            {"path": a.path, "line": a.line, "side": "RIGHT", "body": comment_body(f, a, lead)}
            for f, a in comments
        ],
    }
    if head_sha:
        payload["commit_id"] = head_sha
    return payload


__all__ = [
    "Anchor",
    "InlinePlan",
    "anchor",
    "comment_body",
    "diff_lines_by_file",
    "diff_lines_of",
    "has_inline_layout",
    "needs_head_file",
    "plan_inline",
    "quoted_lines",
    "review_payload",
    "right_side_lines",
]
