"""`consolidate`, `parse` and `render` given saved files of odd bytes or shapes: each reads a file
as `parse` does (UTF-16 with its mark read, a binary refused in one line with exit 2 and nothing
on stdout), says on stderr when bytes were not UTF-8 instead of handing over replacement
characters without a word, and refuses a report JSON that is no report (a list, one without its
findings) with the fix."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

REVIEW = (
    "## Important\n\n"
    "- **Totals drop the last row** (`ledger/sum.py:14`): the loop stops at `len(rows) - 1`, so "
    "the final entry is never added.\n"
    "- **Café names lose their accent** (`ledger/names.py:3`): the export writes ASCII only.\n"
)
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" * 4


def _one_line(stderr: str) -> str:
    (line,) = stderr.strip().splitlines()
    return line


def _titles(report_json: str) -> list[str]:
    return sorted(f["title"] for f in json.loads(report_json)["findings"])


def test_consolidate_reads_utf16_as_parse_does_and_refuses_a_binary(tmp_path: Path) -> None:
    """Before: `consolidate` read every file as UTF-8 with replacement characters, so a review
    saved as UTF-16 (PowerShell's `>`) was a failed seat (exit 3) though `parse` read it, and a
    PNG was "an unparseable review" rather than refused as `parse` refuses it."""
    env = cli_env(tmp_path)
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    (tmp_path / "wide.md").write_bytes(REVIEW.encode("utf-16"))
    want = run_cli(["consolidate", "alpha.md", "--format", "json"], cwd=tmp_path, env=env)
    assert want.returncode == 0, want.stderr
    wide = run_cli(["consolidate", "wide.md", "--format", "json"], cwd=tmp_path, env=env)
    assert (wide.returncode, wide.stderr) == (0, ""), wide.stderr
    assert _titles(wide.stdout) == _titles(want.stdout)
    assert "Café names lose their accent" in _titles(wide.stdout)

    (tmp_path / "logo.png").write_bytes(BINARY)
    res = run_cli(["consolidate", "alpha.md", "logo.png"], cwd=tmp_path, env=env)
    assert (res.returncode, res.stdout) == (2, "")
    line = _one_line(res.stderr)
    assert line.startswith("deep-review: error: logo.png is binary (a NUL byte at offset 8)"), line
    assert "Markdown or JSON" in line, line


def test_bytes_that_are_no_utf8_are_named_on_stderr(tmp_path: Path) -> None:
    """A review saved in Latin-1 is read as a seat's output is (a stray byte replaced, so
    `parse` stays the seat's preview), but the user hears which byte and how to keep the text;
    before, the accent became U+FFFD without a word, exit 0."""
    env = cli_env(tmp_path)
    data = REVIEW.encode("latin-1")
    at = data.index(b"\xe9")
    (tmp_path / "latin.md").write_bytes(data)
    note = (
        f"note: latin.md is not UTF-8: byte 0xE9 at offset {at} read as U+FFFD; "
        "save it as UTF-8 to keep its text"
    )
    for args in (["parse", "latin.md"], ["consolidate", "latin.md", "--format", "json"]):
        res = run_cli(args, cwd=tmp_path, env=env)
        assert res.returncode == 0, res.stderr
        assert _one_line(res.stderr) == note, res.stderr
        assert "Caf\ufffd names" in res.stdout
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    clean = run_cli(["parse", "alpha.md"], cwd=tmp_path, env=env)
    assert (clean.returncode, clean.stderr) == (0, "")


def _report(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    res = run_cli(
        ["consolidate", "alpha.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    report: dict[str, object] = json.loads(res.stdout)
    return report


def test_render_of_a_list_says_what_to_give(tmp_path: Path) -> None:
    """Before: "list.json is not a Deep Review report JSON: not a JSON object" and no fix."""
    env = cli_env(tmp_path)
    report = _report(tmp_path)
    for doc, said in (([report], "a JSON list of 1 item"), ([], "a JSON list of 0 items")):
        (tmp_path / "list.json").write_text(json.dumps(doc), encoding="utf-8")
        res = run_cli(["render", "list.json", "--format", "html"], cwd=tmp_path, env=env)
        assert (res.returncode, res.stdout) == (2, "")
        line = _one_line(res.stderr)
        assert line == (
            f"deep-review: error: list.json is {said}, not a Deep Review report JSON; give one "
            "report object (the store's <ID>.json, or `deep-review consolidate … --format json`)"
        ), line


def test_render_refuses_a_report_without_its_findings(tmp_path: Path) -> None:
    """Every report JSON lists its findings (`[]` when none). One without the list was rendered
    with "None." under every severity beside a verdict naming I1 and I2: a cut or hand-edited
    file read as a clean one."""
    env = cli_env(tmp_path)
    report = _report(tmp_path)
    del report["findings"]
    (tmp_path / "cut.json").write_text(json.dumps(report), encoding="utf-8")
    for fmt in ("md", "html", "sarif", "json"):
        res = run_cli(["render", "cut.json", "--format", fmt], cwd=tmp_path, env=env)
        assert res.returncode == 2, (fmt, res.stdout[:200])
        line = _one_line(res.stderr)
        assert line.startswith(
            "deep-review: error: cut.json is not a Deep Review report JSON: findings: Field "
            "required"
        ), line
    report["findings"] = []
    (tmp_path / "none.json").write_text(json.dumps(report), encoding="utf-8")
    res = run_cli(["render", "none.json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr


def test_an_output_option_says_where_the_report_goes(tmp_path: Path) -> None:
    """`--output FILE`, as other tools take it: the commands print on stdout, and the error
    says to redirect it instead of only "No such option"."""
    env = cli_env(tmp_path)
    (tmp_path / "alpha.md").write_text(REVIEW, encoding="utf-8")
    for command in (["parse", "alpha.md"], ["consolidate", "alpha.md"], ["render", "r.json"]):
        for option in ("--output", "-o"):
            res = run_cli([*command, option, "out/x.html"], cwd=tmp_path, env=env)
            assert res.returncode == 2, res.stdout
            line = _one_line(res.stderr)
            assert line.startswith(
                f"deep-review: error: No such option '{option}': `{command[0]}` prints on "
                f"stdout; redirect it to a file (`deep-review {command[0]} … > FILE`). (see `"
            ), line
            # parse answers in JSON (its default format): the error is a JSON document
            assert not res.stdout or json.loads(res.stdout)["exit_code"] == 2
    assert not (tmp_path / "out").exists()
