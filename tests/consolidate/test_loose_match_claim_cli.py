"""Through the real `deep-review review --lead none`: "prefix-unsafe" and "substring match"
name one failure, a name matched by a part of it (`claims.py`, *loose match*). Told a few
lines apart in one function, the check and the cleanup that trusts it, they are one problem
(`nearby.same_failure_nearby`), however differently each reviewer words and grades it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

PROCS = "".join(f"line_{n} = {n}\n" for n in range(1, 31))

ALPHA = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Instance check is prefix-unsafe** — `app/procs.py:20` (suggestion)\n\n"
    "`owns(pid, name)` tests `name in cmdline`, so instance `web` also owns the process of "
    "instance `web2`; the stop path then signals a process that is not its own.\n"
)


def _credited(tmp: Path, bravo: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(
        tmp, {"app/procs.py": PROCS}, {"alpha": ALPHA, "bravo": bravo}
    )
    return sorted(sorted(f["reviewers"]) for f in found)


def test_prefix_unsafe_and_substring_match_are_one_failure(tmp_path: Path) -> None:
    bravo = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **Substring match in `owns` lets cleanup kill another instance** — "
        "`app/procs.py:12-13` (important, gap)\n\n"
        "With instances `db` and `db2`, a recycled pid of `db2` passes the `owns` check for "
        "`db` and the cleanup kills it.\n"
    )
    assert _credited(tmp_path, bravo) == [["Alpha", "Bravo"]]


def test_another_failure_of_the_same_check_stays_apart(tmp_path: Path) -> None:
    bravo = (
        "## Findings\n\n### Important Issues\n\n"
        "I1. **`owns` reads the command line after the process may have exited** — "
        "`app/procs.py:12-13` (important, gap)\n\n"
        "Between the `owns` check and the signal the pid can be recycled; check again "
        "right before the kill.\n"
    )
    assert _credited(tmp_path, bravo) == [["Alpha"], ["Bravo"]]
