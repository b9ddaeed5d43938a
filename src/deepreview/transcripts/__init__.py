"""Transcript parsing: what each agent CLI's JSONL stdout says about its run.

Each format is a `StreamParser` subclass (`ClaudeParser`, ...), an incremental parser
(`feed(line)`, `tool_call_count`, `last_tool`, `result()`) for live progress. Which agent
writes which format is said by the agent's adapter (`transcript_parser`), not here: a new
agent brings its parser. `parse_text` / `parse_file` parse a whole transcript with a given
parser class. The only I/O here is `parse_file`, which streams the file line by line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from deepreview.errors import ParseError
from deepreview.transcripts.claude import ClaudeParser
from deepreview.transcripts.codex import (
    CodexParser,
    CodexRolloutParser,
    parse_codex_rollout,
    with_rollout,
)
from deepreview.transcripts.gemini import GeminiParser, parse_gemini_output_json
from deepreview.transcripts.opencode import OpencodeParser
from deepreview.transcripts.shell import command_label
from deepreview.transcripts.stats import SHELL_TOOLS, ToolCall, TranscriptStats
from deepreview.transcripts.stream import StreamParser
from deepreview.transcripts.summary import (
    highlights,
    highlights_from_counts,
    table_cell,
    table_cell_from_counts,
)

__all__ = [
    "MAX_LINE_BYTES",
    "SHELL_TOOLS",
    "ClaudeParser",
    "CodexParser",
    "CodexRolloutParser",
    "GeminiParser",
    "OpencodeParser",
    "StreamParser",
    "ToolCall",
    "TranscriptStats",
    "command_label",
    "highlights",
    "highlights_from_counts",
    "parse_codex_rollout",
    "parse_codex_rollout_file",
    "parse_file",
    "parse_gemini_output_json",
    "parse_text",
    "table_cell",
    "table_cell_from_counts",
    "with_rollout",
]

# One line above this is dropped (and counted malformed) instead of held in memory whole.
MAX_LINE_BYTES = 64 * 1024 * 1024


def parse_text(parser_cls: type[StreamParser], text: str) -> TranscriptStats:
    parser = parser_cls()
    for line in text.split("\n"):
        parser.feed(line)
    return parser.result()


def parse_file(
    parser_cls: type[StreamParser], path: Path, *, max_line_bytes: int = MAX_LINE_BYTES
) -> TranscriptStats:
    """Stream a transcript file (any size, any bytes) through a `parser_cls` parser."""
    parser = parser_cls()
    with _open(path) as fh:
        for line in _lines(fh, max_line_bytes):
            if line is None:
                parser.note_malformed()
            else:
                parser.feed(line)
    return parser.result()


def parse_codex_rollout_file(
    path: Path, *, max_line_bytes: int = MAX_LINE_BYTES
) -> tuple[ToolCall, ...]:
    parser = CodexRolloutParser()
    with _open(path) as fh:
        for line in _lines(fh, max_line_bytes):
            if line is not None:
                parser.feed(line)
    return parser.calls()


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise ParseError(
            f"cannot read transcript {path}: {exc.strerror or exc}; check that the file exists"
        ) from exc


def _lines(fh: BinaryIO, max_line_bytes: int) -> Iterator[bytes | None]:
    """The file's lines; None for a line longer than `max_line_bytes` (its bytes are skipped)."""
    while True:
        line = fh.readline(max_line_bytes)
        if not line:
            return
        if len(line) < max_line_bytes or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):  # drain the rest of the overlong line
            line = fh.readline(max_line_bytes)
        yield None
