"""What a failure reason quotes from a CLI's stderr (`agents._stderr`)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from deepreview.agents._stderr import stderr_retries, stderr_tail
from deepreview.agents.opencode_log import _FIELD, log_retries


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Warning: colours\nfatal: no such model\n", "fatal: no such model"),
        ("Error: bad\nin `providers`\n\n", "Error: bad | in `providers`"),
        ("Error: boom\n    at f (x.js:1:2)\n    at g (x.js:3:4)\n", "Error: boom"),
        ("Ripgrep is not available.\nerror: quota exceeded\n", "error: quota exceeded"),
        ("Failed: 429.\n    at f (x.js:1:2)\n  status: 429\n}\n", "Failed: 429. | status: 429"),
        ("", ""),
        # a line that says nothing gives way to the one before it, unless it is all there is
        ("Error: no quota left\nAn unexpected critical error occurred:[object Object]\n",
         "Error: no quota left"),
        ("An unexpected critical error occurred:[object Object]\n",
         "An unexpected critical error occurred:[object Object]"),
    ],
)  # fmt: skip
def test_stderr_tail(tmp_path: Path, text: str, want: str) -> None:
    path = tmp_path / "stderr.log"
    path.write_text(text, encoding="utf-8")
    assert stderr_tail(path) == want


def test_stderr_retries(tmp_path: Path) -> None:
    path = tmp_path / "stderr.log"
    path.write_text("Ripgrep is not available.\n  status: 429\n", encoding="utf-8")
    assert stderr_retries(path) is None
    path.write_text(
        "Attempt 1 failed with status 503. Retrying with backoff...\n"
        "Attempt 2 failed. Retrying with backoff... Error: fetch failed\n",
        encoding="utf-8",
    )
    assert str(stderr_retries(path)) == "fetch failed, 2 retries"
    path.write_text("Retrying request (HTTP 500)\n", encoding="utf-8")
    assert str(stderr_retries(path)) == "HTTP 500 server error, 1 retry"
    assert stderr_retries(tmp_path / "missing.log") is None


def test_opencode_log_retries(tmp_path: Path) -> None:
    """opencode's logfmt lines: quoted values unescaped, the title request's failures left
    out, a network error named as the stderr reader names it; no log folder, no retries."""
    assert log_retries(tmp_path / "missing") is None
    line = (
        'level=ERROR message="stream error" small={small} error.error="AI_APICallError: {text}"\n'
    )
    (tmp_path / "opencode.log").write_text(
        line.format(small="true", text="title failed")
        + line.format(small="false", text=r"bad \"key\"")
        + line.format(small="false", text="Cannot connect: fetch failed"),
        encoding="utf-8",
    )
    assert str(log_retries(tmp_path)) == "fetch failed, 2 retries"
    (tmp_path / "opencode.log").write_text(line.format(small="false", text=r"bad \"key\""))
    assert str(log_retries(tmp_path)) == 'bad "key", 1 retry'


def test_opencode_log_line_of_one_long_key_run_is_read(tmp_path: Path) -> None:
    """A 200 KB run of key characters without `=` (each try once scanned the rest of the run:
    quadratic) leaves the line's fields as they are; the fields match the former regex's."""
    run = "." * 100_000 + "a" * 100_000
    (tmp_path / "opencode.log").write_text(
        f'level=ERROR message="stream error" {run} small=false error.error="AI_X: boom {run}"\n',
        encoding="utf-8",
    )
    retries = log_retries(tmp_path)
    assert retries is not None and retries.count == 1
    assert retries.message == f"boom {run}"[:300]
    old = re.compile(r'([\w.]+)=("(?:[^"\\]|\\.)*"|\S*)')
    for text in map("".join, itertools.product(["a", ".", "=", '"', "\\", " ", "-"], repeat=6)):
        assert _FIELD.findall(text) == old.findall(text), repr(text)
