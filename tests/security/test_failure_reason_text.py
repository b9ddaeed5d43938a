"""Trial 50b #1 and #5: why a seat failed quotes what it said (the last line of its stderr, its
CLI's error result), and that quote is text from outside like its review. It is cleaned where
the reason is made, so the terminal, run.json and every report get the same clean line: no
escape sequence, bell or NUL, bidi controls written as their code points. It is one short line
too, however long the line the seat printed: the whole of it stays in the seat's stderr log."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from deepreview.runmodel import REASON_MAX_CHARS
from fakebin.harness import Fakes, run_json
from support.json_strings import json_strings
from support.repos import CliResult, make_repo, run_cli

# C0 controls but tab and newline, DEL, C1 controls; and the bidi controls that reorder text.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
TITLE = "\x1b]0;SEAT-SET-THIS-TITLE\x07"


def _failing_seat(stderr: bytes, code: int) -> dict[str, list[str]]:
    """A command seat that prints `stderr` on its stderr and exits with `code`."""
    script = f"import sys; sys.stderr.buffer.write({stderr!r}); sys.exit({code})"
    return {"argv": [sys.executable, "-c", script]}


def _review(
    fakes: Fakes, repo: Path, agents: str, env: dict[str, str] | None = None
) -> tuple[CliResult, Path, dict[str, str]]:
    """A review as a person runs it (no --json: the terminal's seat lines are printed): its
    result, its review folder and its stored texts (the reports and run.json) by name."""
    res = run_cli(
        ["review", "--lead", "none", "--agents", agents], cwd=repo, env=env or fakes.env()
    )
    assert res.returncode == 0, res.stderr
    (review_dir,) = [p for p in fakes.store.iterdir() if p.is_dir()]
    texts = {
        fmt: (fakes.store / f"{review_dir.name}.{fmt}").read_text(encoding="utf-8")
        for fmt in ("md", "html", "json")
    }
    texts["run.json"] = (review_dir / "run.json").read_text(encoding="utf-8")
    return res, review_dir, texts


def _reasons(review_dir: Path) -> dict[str, str]:
    return {seat: s["reason"] for seat, s in run_json(review_dir)["seats"].items()}


def _assert_clean(texts: dict[str, str], terminal: str) -> None:
    for name, text in texts.items():
        assert not CONTROLS.search(text), (name, CONTROLS.findall(text))
        assert not BIDI.search(text), name
        if name.endswith("json"):
            strings = json_strings(json.loads(text))
            assert not [s for s in strings if CONTROLS.search(s) or BIDI.search(s)], name
    assert not CONTROLS.search(terminal.replace("\n", "")), CONTROLS.findall(terminal)
    assert not BIDI.search(terminal)


def test_a_failed_seats_stderr_line_reaches_no_report_or_terminal_raw(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    escapes = f"Error: {TITLE}boom \x1b[2J\x1b[31mred\x1b[0m \u202egnp.exe\n".encode()
    fakes.write_config(
        {
            "esc": _failing_seat(escapes, 1),
            "nul": _failing_seat(b"fatal: half\x00way \x07rang\n", 2),
            "good": fakes.seat("ok"),
        }
    )
    res, review_dir, texts = _review(fakes, repo, "esc,nul,good")
    clean = "exited with code 1: Error: boom red ⟨U+202E⟩gnp.exe"
    assert _reasons(review_dir)["esc"] == clean
    assert _reasons(review_dir)["nul"] == "exited with code 2: fatal: half\ufffdway \ufffdrang"
    _assert_clean(texts, res.stdout + res.stderr)
    assert f"Seat Esc failed: {clean}" in texts["md"]
    assert f"esc: failed: {clean}" in res.stdout + res.stderr
    # the seat's stderr log keeps what it printed
    assert (review_dir / "stderr-esc-pass-1.log").read_bytes() == escapes


def test_an_agent_clis_error_result_is_cleaned_as_its_reason(tmp_path: Path) -> None:
    """Claude Code's error result (`is_error`), the reason of its failure, is the CLI's text;
    so are the causes of its API retries, which its run records beside the reason."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    events = [
        {"type": "system", "subtype": "init", "model": "claude-opus-4-6", "session_id": "s"},
        # its retry's error word is the CLI's text too (the report's "1 API retry (…)")
        {
            "type": "system",
            "subtype": "api_retry",
            "attempt": 1,
            "error_status": 401,
            "error": f"auth {TITLE}\x1b[2Jfailed",
        },
        {
            "type": "result",
            "subtype": "error_during_execution",
            "is_error": True,
            "result": f"API Error: {TITLE}\x1b[2Jkey \u202eexe.txt rejected",
            "session_id": "s",
        },
    ]
    stream = tmp_path / "claude-stream.jsonl"
    stream.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    fakes.agent("claude", {"transcript_file": str(stream), "exit_after": 1})
    fakes.write_config({"good": fakes.seat("ok")})
    res, review_dir, texts = _review(fakes, repo, "claude,good", env=fakes.env(agents=True))
    assert run_json(review_dir)["seats"]["claude"]["status"] == "failed"
    assert _reasons(review_dir)["claude"] == "API Error: key ⟨U+202E⟩exe.txt rejected"
    assert "1 API retry (auth failed (HTTP 401))" in texts["md"]
    _assert_clean(texts, res.stdout + res.stderr)


def test_a_huge_stderr_line_is_quoted_as_one_short_line(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    line = b"Error: " + b"x" * 300_000 + b"\n"
    script = (
        "import sys; sys.stderr.buffer.write(b'Error: ' + b'x' * 300_000 + b'\\n'); sys.exit(1)"
    )
    fakes.write_config({"long": {"argv": [sys.executable, "-c", script]}, "good": fakes.seat("ok")})
    res, review_dir, texts = _review(fakes, repo, "long,good")
    reason = _reasons(review_dir)["long"]
    assert reason.startswith("exited with code 1: "), reason[:80]
    assert "x" * 100 in reason
    assert reason.endswith("…")
    assert len(reason) <= REASON_MAX_CHARS, len(reason)
    for name, text in texts.items():
        assert "x" * REASON_MAX_CHARS not in text, name
    assert f"Seat Long failed: {reason}" in texts["md"]
    assert len(texts["md"].encode()) < 30_000  # (266 KB before: the line four times over)
    terminal = (res.stdout + res.stderr).splitlines()
    (seat_line,) = [ln for ln in terminal if ln.strip().startswith("long:")]
    assert len(seat_line) < REASON_MAX_CHARS + 100, len(seat_line)
    # the whole line is in the seat's stderr log, which the report's note names
    assert (review_dir / "stderr-long-pass-1.log").read_bytes() == line
    assert "stderr-long-pass-1.log" in texts["md"]
