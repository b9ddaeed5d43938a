"""Through the real `deep-review review` with command seats, no lead: two reviewers at one
path check, one saying it turns away paths it should accept ("`inside_root` rejects symlinked
aliases of the root"), the other that it lets through paths it should refuse ("`..` segments
escape the root"), found two problems there: a check too strict and the same check too loose,
whatever code they quote and name in common (`claims.py`, "rejected input" beside "path
traversal"). The same rejection told by a second reviewer in other words is one problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deepreview.consolidate.claims import claims_in
from support.printing_seats import findings_of_change

GUARD = (
    "import os\n"  # 1
    "\n"  # 2
    "def inside_root(root, path):\n"  # 3
    "    full = os.path.normpath(os.path.join(root, path))\n"  # 4
    "    return full.startswith(root)\n"  # 5
)
FILES = {"guard.py": GUARD}
QUOTE = (
    "```python\n    full = os.path.normpath(os.path.join(root, path))\n"
    "    return full.startswith(root)\n```\n\n"
)


def _doc(title: str, body: str) -> str:
    return (
        "## Executive Summary\n\nAdds `inside_root`.\n\n## Findings\n\n### Important Issues\n\n"
        f"1. **{title}** — `guard.py:4-5` (important, regression)\n\n{QUOTE}{body}\n"
    )


TOO_STRICT = _doc(
    "`inside_root` rejects symlinked aliases of the root",
    "`inside_root` compares the joined path with `root` as strings after `normpath`, which "
    "does not resolve symlinks: when `root` is reached through a link, a file under it is "
    "turned away although it is inside the root.",
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_check_too_strict_and_the_same_check_too_loose_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=TOO_STRICT,
        bravo=_doc(
            "Incomplete validation of `path` against directory traversal",
            "`inside_root` compares the joined path with `root` as strings after `normpath`: "
            "a sibling folder whose name starts with the root's name passes the check, so a "
            "caller's path can reach files next to the root.",
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_same_rejection_in_other_words_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=TOO_STRICT,
        bravo=_doc(
            "Files under a symlinked root are refused by `inside_root`",
            "`normpath` does not resolve symlinks, so `inside_root` compares the link's "
            "spelling with the real path and a file inside the root is rejected.",
        ),
    )
    assert got == [["Alpha", "Bravo"]], got


def test_only_a_verb_of_turning_away_names_the_claim() -> None:
    assert "rejected input" in claims_in("Validation rejects symlink aliases of a mount")
    assert "rejected input" in claims_in("Valid tokens are refused after a key rotation")
    # a test of a refusal, an error named rejection, a process that refuses to start
    assert "rejected input" not in claims_in("No test covers the driver's refusal")
    assert "rejected input" not in claims_in("Unhandled promise rejection in `load`")
    assert "rejected input" not in claims_in("The daemon refuses to start without a config")
