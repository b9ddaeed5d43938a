"""`parse -` and `render -` read stdin, as Unix tools do (before: "File '-' does not exist");
binary input is refused in one line instead of being parsed into a review of mojibake."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

REVIEW = (
    "## Review\nI read the change.\n\nThe `load()` helper in store/io.py line 12 crashes on an "
    "empty file because it hands the empty string to `json.loads`.\n"
)
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" * 4


def test_parse_dash_reads_the_review_from_stdin(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    res = run_cli(["parse", "-", "--seat", "alpha"], cwd=tmp_path, env=env, input_=REVIEW.encode())
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["seat"] == "alpha"
    assert [loc["start"] for f in out["findings"] for loc in f["locations"]] == [12]
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    from_file = run_cli(["parse", "alpha.md"], cwd=tmp_path, env=env)
    assert from_file.stdout == res.stdout
    # no --seat: the review is named after where it came from, not "-"
    unnamed = run_cli(["parse", "-"], cwd=tmp_path, env=env, input_=REVIEW.encode())
    assert json.loads(unnamed.stdout)["seat"] == "stdin", unnamed.stdout


def test_empty_stdin_is_refused_as_an_empty_file_is(tmp_path: Path) -> None:
    """(A seat that prints nothing fails: `parse`, its preview, says so rather than print an
    empty review with exit 0, which a pipeline whose agent printed nothing would take as one.)"""
    env = cli_env(tmp_path)
    res = run_cli(["parse", "-"], cwd=tmp_path, env=env, input_=b"")
    assert res.returncode == 2, res.stderr
    assert json.loads(res.stdout)["exit_code"] == 2
    assert "stdin is empty; give an agent's review" in res.stderr


def test_binary_input_is_refused_in_one_line(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    (tmp_path / "logo.png").write_bytes(BINARY)
    for args, data, name in (
        (["parse", "-"], BINARY, "stdin"),
        (["parse", "logo.png"], None, "logo.png"),
    ):
        res = run_cli(args, cwd=tmp_path, env=env, input_=data)
        assert res.returncode == 2, res.stderr
        # parse answers JSON: its error is a JSON document, and the one line on stderr
        assert json.loads(res.stdout)["exit_code"] == 2
        (line,) = res.stderr.strip().splitlines()
        assert f"{name} is binary (a NUL byte at offset 8)" in line, line
        assert "Markdown or JSON" in line, line


def test_utf16_and_utf32_with_their_mark_are_read_as_a_command_seat_reads_them(
    tmp_path: Path,
) -> None:
    """`parse` previews a seat's output: a seat printing UTF-16 (PowerShell's `>`) has its
    review read, so `parse` of the same bytes reads it too, not refuses it; bytes that break
    the encoding their mark names are refused in one line."""
    env = cli_env(tmp_path)
    want = run_cli(["parse", "-"], cwd=tmp_path, env=env, input_=REVIEW.encode())
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        data = REVIEW.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        res = run_cli(["parse", "-"], cwd=tmp_path, env=env, input_=data)
        assert res.returncode == 0, (codec, res.stderr)
        assert res.stdout == want.stdout, codec
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    made = run_cli(["consolidate", "alpha.md", "--format", "json"], cwd=tmp_path, env=env)
    res = run_cli(["render", "-"], cwd=tmp_path, env=env, input_=made.stdout.encode("utf-16"))
    assert res.returncode == 0, res.stderr
    assert "store/io.py:12" in res.stdout
    broken = b"\xff\xfe" + "## Review\n".encode("utf-16-le") + b"\x00\xd8"
    res = run_cli(["parse", "-"], cwd=tmp_path, env=env, input_=broken)
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert "stdin starts with a UTF-16 byte order mark but is no UTF-16 text" in line, line
    assert "save it as UTF-8" in line, line


def test_render_dash_reads_the_report_json_from_stdin(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    made = run_cli(["consolidate", "alpha.md", "--format", "json"], cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    (tmp_path / "report.json").write_text(made.stdout, encoding="utf-8")
    from_file = run_cli(["render", "report.json", "--format", "md"], cwd=tmp_path, env=env)
    res = run_cli(
        ["render", "-", "--format", "md"], cwd=tmp_path, env=env, input_=made.stdout.encode()
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout == from_file.stdout and "store/io.py" in res.stdout

    empty = run_cli(["render", "-"], cwd=tmp_path, env=env, input_=b"")
    assert empty.returncode == 2
    (line,) = empty.stderr.strip().splitlines()
    assert "stdin is empty" in line and "report JSON" in line, line
    binary = run_cli(["render", "-"], cwd=tmp_path, env=env, input_=BINARY)
    assert binary.returncode == 2
    (line,) = binary.stderr.strip().splitlines()
    assert "stdin is binary" in line and "not a report JSON" in line, line
