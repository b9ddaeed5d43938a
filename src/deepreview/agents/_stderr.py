"""What a CLI's stderr says about why it failed: its last message, and its API retries.

A CLI's own words are often the only cause on record (no transcript, or a timeout), but its
stderr is noisy: Node stack frames after the message, a message wrapped onto a second line
("Error loading config.toml: …" then "in `model_providers`"), one retry line per attempt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.runmodel import REASON_MAX_CHARS

_TAIL_BYTES: Final = 8192
_RETRY_SCAN_BYTES: Final = 1 << 20
_MAX_LINES: Final = 3
_MAX_CHARS: Final = REASON_MAX_CHARS
# Stack frames and the closing lines of a dumped object say nothing a reader can act on.
_NOISE = re.compile(r"^(at\s|[}\])]+,?$|\.\.\. \d+ more)")
# What a CLI prints whatever happens, never why it failed: Node's process warnings (the Gemini
# CLI, its telemetry file on, warns of a deprecated OpenTelemetry option at start) with their
# "(Use `node --trace-warnings ...`" hint, and the OpenTelemetry SDK's own status lines. (An
# older Node's UnhandledPromiseRejectionWarning is the error itself: kept.)
_NOT_A_CAUSE = re.compile(
    r"^(\(node:\d+\) (\[\w+\] )?(?!UnhandledPromiseRejection)\w*Warning:"
    r"|\(Use `node --trace-|OpenTelemetry SDK\b)"
)
# A line that names an error but says nothing of it: Node printing an error object as a string
# (Gemini CLI's "An unexpected critical error occurred:[object Object]" after the API error).
_SAYS_NOTHING = re.compile(r"\[object Object\]$")
# A line that continues the one before it rather than starting a message ("in `x`"), unlike
# a lowercase message with its own label ("error: …", "fatal: …").
_FRAGMENT = re.compile(r"^(?![a-z]+:\s)[a-z`'\"(\[{|,.;-]")

# One line per failed attempt. Gemini: "Attempt 3 failed with status 429. Retrying with
# backoff..." or "Attempt 1 failed. Retrying with backoff... Error: … fetch failed …";
# other CLIs: a retry/attempt word with an HTTP status or a network error on the same line.
_RETRY = re.compile(r"\b(retry|retrying|attempt|reconnecting)\b", re.IGNORECASE)
_STATUS = re.compile(r"\b(?:status|HTTP|code)[\s:=\"]*(429|5\d\d)\b", re.IGNORECASE)
_NETWORK = re.compile(
    r"\b(fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|socket hang up)\b"
)
_STATUS_WORDS: Final = {
    429: "rate limited",
    500: "server error",
    502: "bad gateway",
    503: "service unavailable",
    504: "gateway timeout",
    529: "overloaded",
}


def read_tail(path: Path, size: int) -> str:
    """The last `size` bytes of `path` as text; empty when it cannot be read."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            end = fh.tell()
            fh.seek(max(0, end - size))
            return fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def stderr_tail(path: Path) -> str:
    """The CLI's last message on stderr, stack frames and lines that say nothing left out.

    One line, unless that line is the fragment of a message wrapped onto several lines: then
    the lines before it, up to three, are joined with " | "."""
    lines = read_tail(path, _TAIL_BYTES).splitlines()
    # (text, indented): an indented line belongs to the one above it (a dumped object's
    # `  status: 429`), like a lowercase continuation does
    kept = [(ln.strip(), ln[:1].isspace()) for ln in lines if ln.strip()]
    kept = [
        (text, indented)
        for text, indented in kept
        if not _NOISE.match(text) and not _NOT_A_CAUSE.match(text)
    ]
    # the line before one that says nothing, unless nothing else was said
    kept = [line for line in kept if not _SAYS_NOTHING.search(line[0])] or kept[-1:]
    if not kept:
        return ""
    start = len(kept) - 1
    while start > 0 and len(kept) - start < _MAX_LINES and _continues(*kept[start]):
        start -= 1
    return " | ".join(text for text, _ in kept[start:])[:_MAX_CHARS]


def _continues(text: str, indented: bool) -> bool:
    return indented or bool(_FRAGMENT.match(text))


@dataclass(frozen=True)
class Retries:
    """The API retries a CLI reported on stderr: how many, and the last one's cause."""

    count: int
    status: int | None  # the last HTTP status, when the last failure had one
    network: str | None  # else the last network error ("fetch failed")
    # else the last failure's own words, where the CLI logs them without a status (opencode)
    message: str | None = None

    @property
    def cause(self) -> str:
        """The last failure in words: "HTTP 429 rate limited", "fetch failed"."""
        if self.status is not None:
            words = _STATUS_WORDS.get(self.status, "server error")
            return f"HTTP {self.status} {words}"
        return self.network or self.message or "API error"

    def __str__(self) -> str:
        plural = "retry" if self.count == 1 else "retries"
        return f"{self.cause}, {self.count} {plural}"


def network_error(text: str) -> str | None:
    """The network error `text` names ("fetch failed", "ECONNREFUSED"), if any."""
    found = _NETWORK.search(text)
    return found.group(1) if found else None


def stderr_retries(path: Path) -> Retries | None:
    """The retries in the seat's stderr, or None when it shows none. Its last megabyte is
    read, not a short tail: a stack trace per attempt (about 2 KB for Gemini) pushes the early
    attempts out of any tail, and a CLI flooding stderr must not cost a full read."""
    count, status, network = 0, None, None
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            fh.seek(max(0, fh.tell() - _RETRY_SCAN_BYTES))
            for raw in fh:
                line = raw.decode("utf-8", errors="replace")
                if not _RETRY.search(line):
                    continue
                code, net = _STATUS.search(line), _NETWORK.search(line)
                if code is None and net is None:
                    continue
                count += 1
                status = int(code.group(1)) if code else None
                network = net.group(1) if net and code is None else None
    except OSError:
        return None
    return Retries(count, status, network) if count else None
