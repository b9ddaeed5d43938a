"""A later round on its pull request, for the findings a maintainer declined (`deep-review
decline`): the summary lists them as left out, and the inline comment of each gets one reply
with the maintainer's reason, its thread resolved — the PR otherwise shows an open thread
nobody answered.

Pure builders; `publisher` reads GitHub and sends. The reason is the maintainer's text, but
goes through `safe` as any text we post. A reply starts with a hidden marker, so neither a
publication again nor a later round (which lists the decline again) repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from deepreview.model import DeclinedFinding, Report
from deepreview.publish.followup import Reply, ours_by_fingerprint
from deepreview.publish.safe import code_span, inline_text

DECLINED_MARKER: Final = "<!-- deep-review:declined -->"

# What `plan_declined` writes: the marker, the reason line, the credit line last.
_LAYOUT: Final = re.compile(
    r"<!-- deep-review:declined -->\n\n\*\*Declined by the maintainer:\*\*[^\n]*\n\n"
    r"<sub>Deep Review · review `[^`\n]+`</sub>\Z"
)


def is_declined_reply(body: str) -> bool:
    """Whether a comment body's first line is our declined-reply marker."""
    return body.lstrip().split("\n", 1)[0].strip() == DECLINED_MARKER


def has_declined_layout(body: str) -> bool:
    """Whether `body` is laid out as `plan_declined` writes a reply."""
    return bool(_LAYOUT.match(body))


def left_out(report: Report) -> tuple[DeclinedFinding, ...]:
    """The declined findings this round leaves out (one whose code changed and that a seat
    raised again is an open finding again)."""
    info = report.round_info
    return tuple(d for d in info.declined if not d.reopened) if info is not None else ()


def declined_lines(report: Report) -> list[str]:
    """The summary's lines on the declined findings left out (none when there are none)."""
    out: list[str] = []
    declined = left_out(report)
    if declined:
        out.append("\n### Declined")
        for d in declined:
            where = f" — {code_span(d.location)}" if d.location else ""
            out.append(
                f"- **{d.prior_id}** {inline_text(d.title)}{where}: declined in round "
                f"{d.declined_round} ({inline_text(d.reason)}), left out"
            )
    return out


def plan_declined(
    report: Report,
    comments: Sequence[Mapping[str, Any]],
    fingerprints: Mapping[tuple[int, str], frozenset[str]],
    review_id: str,
) -> tuple[Reply, ...]:
    """A reply for each declined finding left out whose inline comment is among `comments`
    (the PR's review comments the token wrote) and has no declined reply yet.
    `fingerprints`: by (round, finding ID), the fingerprints a finding had (`lineage`)."""
    by_fp = ours_by_fingerprint(comments)
    replied = {
        c.get("in_reply_to_id") for c in comments if is_declined_reply(str(c.get("body") or ""))
    }
    replies: list[Reply] = []
    for d in left_out(report):
        fps = fingerprints.get((d.declined_round, d.prior_id), frozenset())
        for cid in sorted({by_fp[fp] for fp in fps if fp in by_fp}):
            if cid in replied:
                continue
            body = "\n\n".join(
                [
                    DECLINED_MARKER,
                    f"**Declined by the maintainer:** {inline_text(d.reason)}",
                    f"<sub>Deep Review · review {code_span(review_id)}</sub>",
                ]
            )
            replies.append(Reply(d.prior_id, cid, body, resolve=True))
    return tuple(replies)


__all__ = [
    "DECLINED_MARKER",
    "declined_lines",
    "has_declined_layout",
    "is_declined_reply",
    "left_out",
    "plan_declined",
]
