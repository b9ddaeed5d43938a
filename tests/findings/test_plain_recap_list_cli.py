"""A seat that closes with `## Summary of findings` listing its findings again as plain items
(`- C1 `a.py:3` crash on empty input`: the ID, the place, a short title; no bold) after telling
each in full. Before, the list was kept as findings text that could not be read: a warning, and
the report's verdict said the seat's "findings could not be read" though every one was read. A
list each of whose items names a finding read above by its ID (at one of its places, when the
item gives one) is that recap; an item naming another ID, or a read ID at another place, is
not, and the list stays unread text as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli

_FINDINGS = """## Executive Summary

Two problems in the loader.

## Findings

### Critical Issues

C1. **Crash on an empty manifest** — `loader/manifest.py:14`

`load` reads `entries[0]` before checking that the manifest lists anything.

### Important Issues

I1. **Checksum compared as text** — `loader/verify.py:40`

The digest is compared with `==` on hex strings of different case, so valid files fail.

## Summary of findings

"""


def _read(tmp_path: Path, recap: str) -> tuple[list[str], list[str]]:
    parsed = parsed_by_cli(tmp_path, _FINDINGS + recap)
    return [f["id"] for f in parsed["findings"]], parsed["unread_findings"]


def test_a_plain_recap_of_the_findings_is_not_unread_text(tmp_path: Path) -> None:
    ids, unread = _read(
        tmp_path,
        "- C1 `loader/manifest.py:14` crash on an empty manifest\n"
        "- I1 `loader/verify.py:40` checksum compared as text\n",
    )
    assert (ids, unread) == (["C1", "I1"], [])


def test_a_recap_by_id_alone_is_not_unread_text(tmp_path: Path) -> None:
    ids, unread = _read(tmp_path, "1. C1: crash on an empty manifest\n2. I1: checksum as text\n")
    assert (ids, unread) == (["C1", "I1"], [])


@pytest.mark.parametrize(
    "other",
    [
        "- I2 `loader/fetch.py:9` no timeout on the download\n",  # an ID no finding has
        "- I1 `loader/cache.py:88` cache key ignores the version\n",  # a read ID elsewhere
    ],
)
def test_an_item_that_is_no_finding_read_keeps_the_list_unread(tmp_path: Path, other: str) -> None:
    ids, unread = _read(
        tmp_path, "- C1 `loader/manifest.py:14` crash on an empty manifest\n" + other
    )
    assert ids == ["C1", "I1"] and len(unread) == 1
