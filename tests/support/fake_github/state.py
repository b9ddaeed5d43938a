"""What the fake GitHub keeps in memory: its pull requests (`PullState`) and every request it
was sent (`Recorded`), and which lines of a PR's diff a review comment may sit on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


def right_side_lines(patch: str) -> set[int]:
    """New-file line numbers a review comment may sit on (added or context lines)."""
    lines: set[int] = set()
    new = 0
    for raw in patch.splitlines():
        m = _HUNK.match(raw)
        if m:
            new = int(m.group(1))
            continue
        if raw.startswith(("-", "\\")):
            continue
        if raw.startswith(("+", " ")) or raw == "":
            lines.add(new)
            new += 1
    return lines


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any  # parsed JSON, or None

    @property
    def auth(self) -> str:
        return self.headers.get("Authorization", "")


@dataclass
class PullState:
    repo: str
    number: int
    data: dict[str, Any]
    files: list[dict[str, Any]] = field(default_factory=list)
    issue_comments: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    review_comments: list[dict[str, Any]] = field(default_factory=list)
    review_threads: list[dict[str, Any]] = field(default_factory=list)
    files_at: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # earlier heads
    forgotten: set[str] = field(default_factory=set)  # heads a force-push took off the PR
    resolved_threads: set[str] = field(default_factory=set)  # node IDs of resolved threads
    history: list[str] = field(default_factory=list)  # the PR's commits, oldest first

    def commits(self) -> list[str]:
        """`GET pulls/N/commits`, as SHAs: every head the PR had, but those a force-push took
        off, and its head (also when a test moved `data["head"]["sha"]` by hand)."""
        head = self.data["head"]["sha"]
        return [*(s for s in self.history if s != head), head]

    def files_of(self, sha: str) -> list[dict[str, Any]] | None:
        """The PR's files at head commit `sha` (None: the PR never had that head)."""
        return self.files if sha == self.data["head"]["sha"] else self.files_at.get(sha)
