"""`deep-review consolidate --changed-files FILE` with a FILE that is not UTF-8 text (a listing
saved in Latin-1, a binary picked by mistake) is bad input: one line naming the file, exit 2.
Before, a UnicodeDecodeError traceback and exit 1."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, run_cli

REVIEW = "## Important Issues\n\n1. `app/io.py:12` — `load()` crashes on an empty file.\n"


def test_a_changed_files_list_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    review = tmp_path / "alpha.md"
    review.write_text(REVIEW, encoding="utf-8")
    listing = tmp_path / "changed.txt"
    listing.write_bytes("app/io.py\nd\xe9j\xe0_vu.py\n".encode("latin-1"))
    res = run_cli(
        ["consolidate", str(review), "--changed-files", str(listing)],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2, (res.returncode, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    (line,) = res.stderr.strip().splitlines()
    assert f"--changed-files {listing}" in line and "UTF-8" in line, line
    assert res.stdout == ""


def test_a_utf8_changed_files_list_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    review = tmp_path / "alpha.md"
    review.write_text(REVIEW, encoding="utf-8")
    listing = tmp_path / "changed.txt"
    listing.write_text("\ufeffapp/io.py\n", encoding="utf-8")  # as Notepad saves it
    res = run_cli(
        ["consolidate", str(review), "--changed-files", str(listing), "--format", "json"],
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    [finding] = res.json()["findings"]
    assert finding["scope"] != "outside this change", finding  # `\ufeffapp/io.py` was
