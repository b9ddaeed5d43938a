"""Ctrl-C while a `--seat-only` seat runs: the seat result keeps what the seat had written.

No `resume` reruns a seat-only seat, so its result folder is all that is left of it: the fake
`claude` prints the first sections of its review, then a tool call it waits on forever; SIGINT
to the real process once that is in the seat's transcript. The folder must hold its raw stream
and the review text so far (redacted), marked interrupted, and `finish` must show that text as
a failed seat's, not read for findings — as a review keeps a timed-out seat's. Before, the
review file of an agent seat stopped by Ctrl-C was empty (a command seat's already kept its
stdout)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from scale_kit import RANGE, finish

from fakebin.harness import AGENT_AUTH, Fakes
from support.repos import make_repo

pytestmark = pytest.mark.slow  # two real `deep-review` runs, one of them a subprocess

SECRET = AGENT_AUTH["claude"][1]  # in the seat's environment (`Fakes.env(agents=True)`)
WRITTEN = (
    "## Executive Summary\n\nThe change adds `sub`; it is wrong.\n\n## Findings\n\n"
    "### Critical Issues\n\n1. **`sub` adds instead of subtracting** — `calc.py:5`: "
    f"`sub(3, 1)` returns 4 (the key is {SECRET}).\n"
)


def _assistant(content: dict[str, Any]) -> dict[str, Any]:
    message = {"id": "m", "role": "assistant", "model": "claude-opus-4-6", "content": [content]}
    return {"type": "assistant", "message": message, "parent_tool_use_id": None}


def _interrupted_seat_only(tmp_path: Path, fakes: Fakes, repo: Path, out: Path) -> str:
    """`review RANGE --seat-only claude --out OUT`, SIGINT once the seat printed its tool call;
    its stderr."""
    call = {"type": "tool_use", "id": "t1", "name": "Bash", "input": {"command": "git log"}}
    events = [
        {"type": "system", "subtype": "init", "model": "claude-opus-4-6"},
        _assistant({"type": "text", "text": WRITTEN}),
        _assistant(call),
    ]
    stream = tmp_path / "stream.jsonl"
    stream.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    fakes.agent("claude", {"transcript_file": str(stream), "hang_after": True})
    fakes.write_config({})
    args = ["review", RANGE, "--agents", "claude", "--seat-only", "claude", "--out", str(out)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "deepreview", *args],
        cwd=repo,
        env=fakes.env(agents=True),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    transcript = out / "transcript-claude-pass-1.jsonl"
    try:
        deadline = time.monotonic() + 60
        while not (transcript.is_file() and "git log" in transcript.read_text(encoding="utf-8")):
            assert proc.poll() is None, "the run ended before its seat printed"
            assert time.monotonic() < deadline, "the seat never printed its tool call"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = err.decode(errors="replace")
    assert proc.returncode == 130, stderr
    return stderr


def test_ctrl_c_keeps_what_the_seat_had_written_and_finish_shows_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "runner")
    fakes = Fakes(tmp_path)
    out = tmp_path / "claude-result"
    stderr = _interrupted_seat_only(tmp_path, fakes, repo, out)
    assert "[claude] interrupted" in stderr, stderr
    assert fakes.survivors() == []

    record = json.loads((out / "seat-result.json").read_text(encoding="utf-8"))
    assert (record["status"], record["reason"]) == ("interrupted", "interrupted")
    assert record["run"]["status"] == "interrupted"
    # Its raw stream and the review text it had written, both redacted, both hashed for finish.
    transcript = (out / "transcript-claude-pass-1.jsonl").read_text(encoding="utf-8")
    assert "`sub` adds instead of subtracting" in transcript and "git log" in transcript
    review = (out / "review-claude-pass-1.md").read_text(encoding="utf-8")
    assert review.startswith("## Executive Summary"), review
    assert "`sub` adds instead of subtracting" in review
    assert "(the key is [REDACTED])" in review
    assert SECRET not in transcript + review
    assert set(record["file_sha256"]) >= {
        "review-claude-pass-1.md",
        "transcript-claude-pass-1.jsonl",
    }

    res = finish(fakes, repo, "--from", str(out))
    assert res.returncode == 3, res.stderr  # its only seat did not finish its review
    (seat,) = res.json()["seats"]
    assert (seat["status"], seat["reason"]) == ("failed", "interrupted on its runner")
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["findings"] == []  # shown, not read for findings
    appendix = md.split("## Appendix", 1)[1]
    assert "`sub` adds instead of subtracting" in appendix
    assert "not read for findings" in appendix
    assert SECRET not in md
