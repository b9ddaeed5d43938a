"""Which comments on the PR this token wrote: only those count as ours.

Our hidden markers (`<!-- deep-review:summary -->`, `…:finding FP -->`, `…:verdict round=N -->`,
`…:declined -->`)
say what a comment is, not who wrote it: anyone who may comment on the PR can start a comment
with one. Trusted blindly, a look-alike summary would be edited in our name, a look-alike inline
comment would stop ours for a real finding (`inline_already`), and our verdict reply would go on
someone else's comment, or be skipped for a look-alike reply. So a marked comment is ours only
when its author is the token's login (GraphQL `viewer`, asked once per publication and only
when some comment carries a marker). When GitHub will not say who the token is, a Bot's comment
laid out as we write that kind of comment is taken for ours, never a person's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from deepreview.publish.declined import has_declined_layout, is_declined_reply
from deepreview.publish.followup import has_verdict_layout, verdict_round
from deepreview.publish.inline import has_inline_layout
from deepreview.publish.safe import marker_fingerprint


def author(comment: Mapping[str, Any]) -> tuple[str, str]:
    """(login, type) of a comment's author as GitHub gives them (`User`, `Bot`)."""
    user = comment.get("user")
    if not isinstance(user, dict):
        return "", ""
    return str(user.get("login") or ""), str(user.get("type") or "")


def written_by(
    comment: Mapping[str, Any], viewer: str | None, *, layout: Callable[[str], bool]
) -> bool:
    """Whether the token (`viewer`, its login) wrote `comment`; without the login, whether it
    is a Bot's comment whose body has our `layout`."""
    login, kind = author(comment)
    if viewer is not None:
        return _same_login(login, viewer, bot=kind == "Bot")
    return kind == "Bot" and layout(str(comment.get("body") or ""))


def own_review_comments(
    comments: Sequence[Any], viewer: Callable[[], str | None]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(ours, others) among the PR's review comments that carry a finding, verdict or declined
    marker; unmarked ones are neither. `viewer` is asked only when some comment is marked."""
    marked: list[tuple[dict[str, Any], Callable[[str], bool]]] = []
    for c in comments:
        if not isinstance(c, dict):
            continue
        body = str(c.get("body") or "")
        if marker_fingerprint(body) is not None:
            marked.append((c, has_inline_layout))
        elif verdict_round(body) is not None:
            marked.append((c, has_verdict_layout))
        elif is_declined_reply(body):
            marked.append((c, has_declined_layout))
    if not marked:
        return [], []
    login = viewer()
    ours: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for c, layout in marked:
        (ours if written_by(c, login, layout=layout) else others).append(c)
    return ours, others


def _same_login(login: str, viewer: str, *, bot: bool) -> bool:
    if login.casefold() == viewer.casefold():
        return True
    # A bot's login reads `NAME[bot]` in REST and may read `NAME` in GraphQL; a person's
    # login cannot hold brackets, so only a Bot's comment matches without the suffix.
    return bot and login.casefold().removesuffix("[bot]") == viewer.casefold().removesuffix("[bot]")


__all__ = ["author", "own_review_comments", "written_by"]
