"""A command seat whose program prints its review in UTF-16 or UTF-32 (PowerShell's default,
`iconv -t UTF-16`), with the byte order mark that says so: read as UTF-8 with replacement
characters it was "unparseable review", quoting mojibake. Its review is read as what it is;
output that is no text at all still fails, with a reason a person can read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli

REVIEW = (
    "## Executive Summary\n\nBroken add — naïve.\n\n## Findings\n\n### Critical Issues\n\n"
    "- **C1** `calc.py:2` — add subtracts instead of adding, every caller gets the wrong sum."
    "\n\n### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n"
)


def _review_printing(tmp: Path, data: bytes):  # type: ignore[no-untyped-def]
    """`review --json` of the demo repository by one command seat printing `data` as is:
    (the command's JSON output, the stored report's JSON or {}, its Markdown or "")."""
    out = tmp / "seat.out"
    out.write_bytes(data)
    argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'"]
    (tmp / "user-config.toml").write_text(f"[seats.bot]\nargv = {json.dumps(argv)}\n")
    repo = make_repo(tmp)
    res = run_cli(
        ["review", "--agents", "bot", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp)
    )
    result = res.json()
    paths = result["paths"]
    report = json.loads(Path(paths["json"]).read_text()) if paths.get("json") else {}
    md = Path(paths["md"]).read_text(encoding="utf-8") if paths.get("md") else ""
    return result, report, md


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_a_review_with_a_byte_order_mark_is_read_in_its_encoding(
    tmp_path: Path, codec: str
) -> None:
    data = REVIEW.encode(codec)
    if codec.endswith("-be"):  # (Python's -be codecs write no byte order mark)
        data = "\ufeff".encode(codec) + data
    result, report, md = _review_printing(tmp_path, data)
    assert [(s["status"], s["reason"]) for s in result["seats"]] == [("ok", None)]
    findings = report["findings"]
    assert [(f["id"], f["severity"]) for f in findings] == [("C1", "critical")]
    assert "Broken add — naïve." in md
    assert "\ufeff" not in md and "\ufffd" not in md


def test_output_that_is_no_text_fails_with_a_reason_to_read(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\xff\xd8\xc0\x00" * 8
    result, _report, md = _review_printing(tmp_path, png)
    [seat] = result["seats"]
    assert seat["status"] == "failed"
    reason = seat["reason"]
    assert reason.startswith("unparseable review: ")
    assert "not text" in reason and "\ufffd" not in reason
    assert "\ufffd" not in md.split("## Appendix", 1)[0]


def test_a_byte_order_mark_before_bytes_of_no_such_text_says_so(tmp_path: Path) -> None:
    # a UTF-16 byte order mark, then an odd number of bytes: no UTF-16 text ends there
    data = b"\xff\xfe" + REVIEW.encode("utf-16-le") + b"\x0a"
    result, _report, _md = _review_printing(tmp_path, data)
    [seat] = result["seats"]
    assert seat["status"] == "failed"
    assert seat["reason"].startswith("unparseable review: ")
    assert "UTF-16" in seat["reason"] and "\ufffd" not in seat["reason"]
