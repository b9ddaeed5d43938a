"""What a finding ID's number looks like, one pattern for every parser that reads IDs, and the
ranges (`I9–I20`) long lists of IDs are written with.

Three digits were once the limit: a generated review of 2000 findings had I1000 read as part of
I999's text. Five digits hold any review a model writes, while a longer run of digits after a
letter (`C20260101`, a hash) stays a word, not an ID.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

ID_NUMBER: Final = r"\d{1,5}"
# `C2`, `I-12`: a level letter, an optional hyphen and the number.
FINDING_ID: Final = rf"[CIS]-?{ID_NUMBER}"

# A run of IDs written as a range, as the retro's lists write a long one: `I9–I20`.
_RANGE: Final = re.compile(rf"^\s*([CIS])({ID_NUMBER})\s*[–-]\s*\1?({ID_NUMBER})\s*$")


def id_runs(ids: Sequence[str]) -> list[str]:
    """`ids` with each run of three or more consecutive IDs of one level written as a range
    (`I1, I2, I3, S4` -> `I1–I3`, `S4`): a review of 2000 findings listed every one."""
    out: list[str] = []
    run: list[str] = []

    def close() -> None:
        out.extend([f"{run[0]}–{run[-1]}"] if len(run) >= 3 else run)
        run.clear()

    for i in ids:
        if run and not _follows(run[-1], i):
            close()
        run.append(i)
    close()
    return out


def expand_id_range(item: str) -> list[str] | None:
    """The IDs an `id_runs` range stands for (`I9–I11` -> I9, I10, I11); None when `item` is
    no range."""
    m = _RANGE.match(item)
    if m is None or int(m[3]) < int(m[2]):
        return None
    return [f"{m[1]}{n}" for n in range(int(m[2]), int(m[3]) + 1)]


def _follows(before: str, after: str) -> bool:
    a, b = _ID.match(before), _ID.match(after)
    return a is not None and b is not None and a[1] == b[1] and int(b[2]) == int(a[2]) + 1


_ID: Final = re.compile(rf"^([CIS])({ID_NUMBER})$")
