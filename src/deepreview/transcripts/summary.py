"""The retro's tool-call wording, from a TranscriptStats or from the counts a report stores.

highlights → "23 calls. 10 Read, 8 Bash (7 `git blame`, 1 `git diff`), 5 Grep."
table_cell → "23 (Read 10, Bash 8, Grep 5)"
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deepreview.transcripts.stats import SHELL_TOOLS, TranscriptStats

MAX_TOOLS = 8  # tools named in a highlights line; the rest are summed as "N other"
MAX_LABELS = 5  # shell command labels named in the parenthesised breakdown
MAX_CELL_TOOLS = 3  # tools named in the summary table cell
# A tool name as the CLIs name their tools (`Read`, `mcp__github__get_pr`, `read_file`): shown
# as it is. Any other is the model's own word (a tool it made up), shown as code, not Markdown.
_PLAIN_NAME = re.compile(r"[\w.:-]+")


def highlights(stats: TranscriptStats) -> str:
    return highlights_from_counts(
        len(stats.tool_calls),
        stats.tool_counts,
        stats.shell_breakdown,
        len(stats.permission_denials),
    )


def highlights_from_counts(
    total: int,
    tool_counts: Sequence[tuple[str, int]],
    shell_breakdown: Sequence[tuple[str, int]] = (),
    denials: int = 0,
    *,
    max_tools: int = MAX_TOOLS,
    max_labels: int = MAX_LABELS,
) -> str:
    """`tool_counts` and `shell_breakdown` most used first, as TranscriptStats gives them."""
    text = f"{total} call{'' if total == 1 else 's'}."
    breakdown = _breakdown(shell_breakdown, max_labels)
    placed = not breakdown
    parts: list[str] = []
    for name, count in _shown(tool_counts, max_tools):
        item = f"{count} {_name(name)}"
        if not placed and name in SHELL_TOOLS:
            item += f" ({breakdown})"
            placed = True
        parts.append(item)
    for name, count in _folded(tool_counts, max_tools):
        parts.append(f"{count} {name}")
    if parts:
        text += " " + ", ".join(parts) + "."
    if not placed:  # the shell tool is not among the named ones
        text += f" Shell commands: {breakdown}."
    if denials:
        text += f" {denials} denied."
    return text


def table_cell(stats: TranscriptStats) -> str:
    return table_cell_from_counts(len(stats.tool_calls), stats.tool_counts)


def table_cell_from_counts(
    total: int, tool_counts: Sequence[tuple[str, int]], *, max_tools: int = MAX_CELL_TOOLS
) -> str:
    # the rest as "other N": the named counts add up to the total the cell gives
    parts = [f"{_name(name)} {count}" for name, count in _shown(tool_counts, max_tools)]
    parts += [f"other {count}" for _, count in _folded(tool_counts, max_tools)]
    return f"{total} ({', '.join(parts)})" if parts else str(total)


def _breakdown(shell_breakdown: Sequence[tuple[str, int]], max_labels: int) -> str:
    parts = [f"{count} {_code(label)}" for label, count in _shown(shell_breakdown, max_labels)]
    parts += [f"{count} other" for _, count in _folded(shell_breakdown, max_labels)]
    return ", ".join(parts)


def _shown(counts: Sequence[tuple[str, int]], limit: int) -> Sequence[tuple[str, int]]:
    """The named ones: `limit` of them, or all when only one more would be left ("3 other"
    for a single label hides its name and saves nothing)."""
    return counts if len(counts) <= limit + 1 else counts[:limit]


def _folded(counts: Sequence[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    """The rest, summed as one "N other" entry (empty when `_shown` named them all)."""
    rest = counts[len(_shown(counts, limit)) :]
    return [("other", sum(count for _, count in rest))] if rest else []


def _name(name: str) -> str:
    return name if _PLAIN_NAME.fullmatch(name) else _code(name)


def _code(label: str) -> str:
    if not label:
        return "(empty)"
    if "`" in label:
        return f"`` {label} ``"
    return f"`{label}`"
