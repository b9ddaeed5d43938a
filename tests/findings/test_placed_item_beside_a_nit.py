"""A review that is a plain list with no headings: an item led by its place with a line but with
no fault word (`` `app/cache.py:40` — the TTL is read once at import, so … needs a restart``) was
dropped in silence when a `Nit:` item stood beside it (ps75b): above the nit it stayed in the
preamble, below it became the nit's text. In a list the seat rates item by item, a place-led
sibling with no level of its own is a finding all the same (important, listed as unrated); one
that says the spot is fine, or praises it, is no finding, and the review says so in a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, run_cli

_TTL = (
    "- `app/cache.py:40` — the TTL is read once at import, so changing the setting needs a restart"
)
_BATCH = "- `app/worker.py:18` — the batch size comes from the environment on every loop"
_NIT = "- Nit: `app/cache.py:52` — typo in the log message"


def _parse(tmp_path: Path, *lines: str) -> dict[str, object]:
    (tmp_path / "review.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run_cli(["parse", "review.md", "--format", "json"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    parsed = json.loads(res.stdout)
    assert isinstance(parsed, dict)
    return parsed


def _rows(parsed: dict[str, object]) -> list[tuple[str, str, int]]:
    findings = parsed["findings"]
    assert isinstance(findings, list)
    return sorted(
        (f["severity"], f["locations"][0]["path"], f["locations"][0]["start"]) for f in findings
    )


_TTL_ROW = ("important", "app/cache.py", 40)
_NIT_ROW = ("suggestion", "app/cache.py", 52)
_BATCH_ROW = ("important", "app/worker.py", 18)


@pytest.mark.parametrize(
    ("lines", "rows"),
    [
        ((_TTL, _NIT), [_TTL_ROW, _NIT_ROW]),
        ((_NIT, _TTL), [_TTL_ROW, _NIT_ROW]),
        ((_TTL, _BATCH, _NIT), [_TTL_ROW, _BATCH_ROW, _NIT_ROW]),
        ((_TTL, _NIT.replace("Nit:", "Nit -")), [_TTL_ROW, _NIT_ROW]),
        ((_TTL, _NIT.replace("Nit:", "nit:")), [_TTL_ROW, _NIT_ROW]),
        ((_TTL, _NIT.replace("Nit:", "Minor:")), [_TTL_ROW, _NIT_ROW]),
        (
            ("Some notes on this change:", "", _TTL, _NIT, "", "Otherwise fine."),
            [_TTL_ROW, _NIT_ROW],
        ),
    ],
    ids=[
        "nit-after",
        "nit-first",
        "two-then-nit",
        "nit-hyphen",
        "lower-nit",
        "minor",
        "with-prose",
    ],
)
def test_a_placed_item_beside_a_nit_is_a_finding(
    tmp_path: Path, lines: tuple[str, ...], rows: list[tuple[str, str, int]]
) -> None:
    parsed = _parse(tmp_path, *lines)
    assert _rows(parsed) == rows
    texts = [f["body"] for f in parsed["findings"]]  # type: ignore[union-attr]
    assert not any("TTL" in t or "batch size" in t for t in texts)  # never the nit's text
    assert parsed["unrated"] != []  # the level it has is a default, and the review says so


@pytest.mark.parametrize(
    "remark",
    [
        "- `app/cache.py:40` — the TTL is read once at import, which is fine here",
        "- `app/cache.py:40` — nice use of a frozen dataclass for the settings",
    ],
    ids=["fine", "praise"],
)
@pytest.mark.parametrize("nit_first", [False, True], ids=["remark-first", "nit-first"])
def test_a_placed_remark_is_no_finding_but_is_told(
    tmp_path: Path, remark: str, nit_first: bool
) -> None:
    parsed = _parse(tmp_path, *((_NIT, remark) if nit_first else (remark, _NIT)))
    assert _rows(parsed) == [_NIT_ROW]
    assert parsed["findings"][0]["body"] == ""  # type: ignore[index]
    warnings = parsed["warnings"]
    assert isinstance(warnings, list)
    assert any("app/cache.py:40" in w and "not read as a finding" in w for w in warnings)


def test_a_strengths_list_with_places_stays_out(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        "## Strengths",
        "",
        "- `app/cache.py:10` — the loader is cleanly separated from the store",
        "",
        "## Issues",
        "",
        _NIT,
        _TTL,
    )
    assert _rows(parsed) == [_TTL_ROW, _NIT_ROW]


def test_a_summary_list_that_repeats_them_is_not_counted_twice(tmp_path: Path) -> None:
    parsed = _parse(
        tmp_path,
        _TTL,
        _NIT,
        "",
        "Summary:",
        "",
        "- `app/cache.py:40` — TTL read once at import",
        "- `app/cache.py:52` — typo",
    )
    assert _rows(parsed) == [_TTL_ROW, _NIT_ROW]
