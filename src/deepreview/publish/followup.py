"""A later round on its pull request: what the summary says about the round before (its number,
what the previous round's findings became, the seats' word on the PR's unresolved threads), and
a reply on each inline comment the previous round posted for a finding this round found fixed.

Pure builders; `publisher` reads GitHub and sends. The seats' words (evidence) and PR logins
are untrusted text and go through `safe`. A reply starts with a hidden marker naming its round,
so publishing the same round again does not repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from deepreview.consolidate.fingerprint import known_fingerprints
from deepreview.model import FixVerdict, Report
from deepreview.publish.safe import code_span, inline_text, marker_fingerprint

VERDICT_MARKER: Final = "<!-- deep-review:verdict round={n} -->"
_VERDICT_MARKER: Final = re.compile(r"^<!-- deep-review:verdict round=(\d+) -->$")
# What a reply says, by the round's consolidated verdict; a thread is resolved only when the
# finding is gone (a partly fixed one is still open, under this round's ID).
_SAID: Final = {
    "fixed": "Fixed",
    "no longer applies": "No longer applies",
    "partially fixed": "Partly fixed",
}
RESOLVES: Final = frozenset({"fixed", "no longer applies"})


def verdict_round(body: str) -> int | None:
    """The round a comment body's first line names, when it is one of our verdict replies."""
    first = body.lstrip().split("\n", 1)[0].strip()
    m = _VERDICT_MARKER.match(first)
    return int(m.group(1)) if m else None


# What `plan_replies` writes: the marker, the verdict line, ..., the credit line last.
_LAYOUT: Final = re.compile(
    r"<!-- deep-review:verdict round=\d+ -->\n\n"
    r"\*\*(?:Fixed|No longer applies|Partly fixed) in round \d+\*\*"
    r"[^\n]*\n(?:.*\n)*?<sub>Deep Review · review `[^`\n]+`</sub>\Z"
)


def has_verdict_layout(body: str) -> bool:
    """Whether `body` is laid out as `plan_replies` writes a verdict reply."""
    return bool(_LAYOUT.match(body))


def _word(fv: FixVerdict) -> str:
    """The verdict as published: the report's own word (`FixVerdict.status`, as its Fix
    Verdicts table and the carried finding's tag say it). A finding carried into this round is
    still open, so it never reads fixed or gone."""
    return fv.status


def _by(fv: FixVerdict) -> str:
    """The seats whose word is the verdict ("Claude, Codex"); for a fix claimed on unchanged
    code, the seats that claimed it."""
    word = "fixed" if fv.code_unchanged else fv.status
    names = [s.seat for s in fv.seats if word is not None and s.verdict == word]
    return ", ".join(inline_text(n) for n in dict.fromkeys(names))


def round_lines(report: Report) -> list[str]:
    """The summary's lines on round N >= 2 (none on a first round): one per finding of round
    N-1 with what it became, then one per unresolved PR thread with the seats' word."""
    info = report.round_info
    out: list[str] = []
    if info is not None and info.fix_verdicts:
        # Not "round N-1": a round that got its number and never completed leaves a gap.
        out.append("\n### The previous round's findings")
        for fv in info.fix_verdicts:
            word = _word(fv)
            by = _by(fv)
            now = f", still open as **{fv.carried_as}**" if fv.carried_as else ""
            where = f" — {code_span(fv.location)}" if fv.location else ""
            said = f"{word} ({by})" if by else word
            out.append(f"- **{fv.prior_id}** {inline_text(fv.title)}{where}: {said}{now}")
    if report.unresolved_feedback:
        out.append("\n### Unresolved PR feedback")
        for tv in report.unresolved_feedback:
            t = tv.thread
            where = f" {code_span(t.location)}" if t.location else ""
            who = f" ({inline_text(t.author)})" if t.author else ""
            out.append(f"- **{t.ref}**{where}{who}: {tv.verdict or 'no verdict'}")
    return out


def may_reply(report: Report) -> bool:
    """Whether this round found any previous finding fixed (or partly, or gone): only then
    are the PR's review comments read for `plan_replies`."""
    info = report.round_info
    return info is not None and any(_word(fv) in _SAID for fv in info.fix_verdicts)


@dataclass(frozen=True)
class Reply:
    prior_id: str  # the finding's ID in the previous round
    comment_id: int  # our inline comment of that finding
    body: str
    resolve: bool  # the finding is gone: its thread can be resolved
    # This round's reply is on the PR already (a publication that stopped, or could not
    # resolve, after sending it): only its thread is left to resolve.
    sent: bool = False


def ours_by_fingerprint(comments: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Our top-level inline comments (the first per fingerprint), by fingerprint; `comments`
    are the token's own (`authorship.own_review_comments`): anyone may write our marker."""
    by_fp: dict[str, int] = {}
    for c in comments:
        if c.get("in_reply_to_id") or not isinstance(c.get("id"), int):
            continue
        fp = marker_fingerprint(str(c.get("body") or ""))
        if fp is not None:
            by_fp.setdefault(fp, c["id"])
    return by_fp


def plan_replies(
    report: Report,
    previous: Report | None,
    comments: Sequence[Mapping[str, Any]],
    review_id: str,
    last_word: Mapping[int, int] | None = None,
    earlier: Mapping[str, frozenset[str]] | None = None,
) -> tuple[Reply, ...]:
    """A reply for each finding of `previous` (round N-1's report) that this round found fixed
    (or partly fixed, or no longer applying) and that has an inline comment among `comments`
    (the PR's review comments that the token wrote) without a reply of this round yet; where
    that reply was sent already, a `sent` one that only resolves the thread, when the finding
    is gone and the reply is still the thread's last comment (`last_word`: our inline
    comment's ID -> the ID of the newest comment anyone wrote in its thread). `earlier`: by
    finding ID of `previous`, the fingerprints it had in the rounds it was carried from
    (`lineage`): its inline comment may carry any of them, and each such comment gets the
    reply (one posted twice before this was known is closed too)."""
    last_word = last_word or {}
    earlier = earlier or {}
    info = report.round_info
    if info is None or previous is None:
        return ()
    by_fp = ours_by_fingerprint(comments)
    replied = {
        c.get("in_reply_to_id"): c.get("id")
        for c in comments
        if verdict_round(str(c.get("body") or "")) == info.number
    }
    findings = {f.id: f for f in previous.findings}
    own = known_fingerprints(previous.findings)
    replies: list[Reply] = []
    for fv in info.fix_verdicts:
        finding = findings.get(fv.prior_id)
        word = _word(fv)
        if word not in _SAID or finding is None:
            continue
        fps = own[finding.id] | earlier.get(finding.id, frozenset())
        for cid in sorted({by_fp[fp] for fp in fps if fp in by_fp}):
            if cid in replied:
                # Its thread may still be open: resolving failed, or stopped, after the reply
                # went out. Resolved again only while our reply is the thread's last word:
                # whoever answers it (and may reopen it) is not overruled by a retry.
                reply_id = replied[cid]
                if (
                    word in RESOLVES
                    and isinstance(reply_id, int)
                    and last_word.get(cid) == reply_id
                ):
                    replies.append(Reply(fv.prior_id, cid, "", resolve=True, sent=True))
                continue
            by = _by(fv)
            lines = [
                VERDICT_MARKER.format(n=info.number),
                f"**{_SAID[word]} in round {info.number}**"
                + (f" (verdict by {by})" if by else "")
                + (f"; still open as **{fv.carried_as}**" if fv.carried_as else ""),
            ]
            evidence = next((s.evidence for s in fv.seats if s.verdict == word), "")
            if evidence.strip():
                lines.append(f"> {inline_text(evidence)}")
            lines.append(f"<sub>Deep Review · review {code_span(review_id)}</sub>")
            replies.append(Reply(fv.prior_id, cid, "\n\n".join(lines), resolve=word in RESOLVES))
    return tuple(replies)


def last_words(comments: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Every PR review comment (anyone's) -> a thread's first comment ID -> the ID of its
    newest reply (IDs grow with time)."""
    last: dict[int, int] = {}
    for c in comments:
        parent, cid = c.get("in_reply_to_id"), c.get("id")
        if isinstance(parent, int) and isinstance(cid, int):
            last[parent] = max(last.get(parent, cid), cid)
    return last


__all__ = [
    "RESOLVES",
    "VERDICT_MARKER",
    "Reply",
    "has_verdict_layout",
    "last_words",
    "may_reply",
    "ours_by_fingerprint",
    "plan_replies",
    "round_lines",
    "verdict_round",
]
