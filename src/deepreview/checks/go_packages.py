"""What plain `go test` (no `-v`, no `-json`) says of a run: one line per package, `ok` or
`FAIL`, and no count of tests (`counts` reads none from it). The packages are the honest count
it gives, which the badge shows in place of the test count `go test -v` would give ("3
packages passed", "1 of 3 packages failed": `checkmodel.FixCheck`).

    ok  	example.com/shop/cart	0.012s
    ok  	example.com/shop/tax	(cached)
    ?   	example.com/shop/cmd	[no test files]
    FAIL	example.com/shop/price	0.004s
    FAIL	example.com/shop/broken [build failed]

A package without test files ran no test: not counted. The bare `FAIL` that closes a failed run
names no package: not counted either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_PACKAGE: Final = re.compile(
    r"^(?P<word>ok|FAIL)[ \t]+(?P<pkg>\S+)[ \t]+"
    r"(?:\d[\d.]*m?s|\(cached\)|\[(?:build|setup) failed\])(?:[ \t].*)?$",
    re.M,
)


@dataclass(frozen=True)
class PackageCounts:
    ran: int  # packages with tests that were built and run (or failed to build)
    failed: int


def go_packages(text: str) -> PackageCounts | None:
    """The packages plain `go test` reported, each once (its last line wins); None when the
    output holds no such line (another runner, or no Go package was tested)."""
    last: dict[str, bool] = {}
    for m in _PACKAGE.finditer(text):
        last[m["pkg"]] = m["word"] == "ok"
    if not last:
        return None
    return PackageCounts(ran=len(last), failed=sum(not ok for ok in last.values()))


__all__ = ["PackageCounts", "go_packages"]
