"""Through the real `deep-review review --lead none`: a function one finding names in its title's
words ("Brightening wraps around", inside `brighten`) and the other calls by its code name at a
call in another file ("`brighten(img, level)` feeds an unbounded integer into 8-bit pixels") is
one finding, as a code name both give is (`nearby.definition_and_call`, merge cases 86-90). A
finding at the call that says "brightening" only in words names no code there: two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

BLEND = (
    "import numpy as np\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def brighten(img, amount):\n"  # 4
    "    return img + np.uint8(amount)\n"  # 5
)
CLI = (
    "import sys\n"  # 1
    "\n"  # 2
    "from imgtools.blend import brighten\n"  # 3
    "\n"  # 4
    "\n"  # 5
    "def main(img, level):\n"  # 6
    "    out = brighten(img, int(level))\n"  # 7
    "    sys.stdout.write(repr(out.shape))\n"  # 8
)
WRAPS = (
    "## Findings\n\n### Important Issues\n\n#### I1. Brightening wraps around instead of "
    "saturating\n\n**File:** `imgtools/blend.py:5`\n\nThe sum is computed in `uint8`, so a pixel "
    "at 250 raised by 10 becomes 4. Widen the type and `np.clip` before casting back.\n"
)


def _reviewers(tmp: Path, bravo: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(
        tmp,
        {"imgtools/__init__.py": "", "imgtools/blend.py": BLEND, "imgtools/cli.py": CLI},
        {"alpha": WRAPS, "bravo": bravo},
    )
    return sorted(sorted(f["reviewers"]) for f in found)


def test_the_function_a_title_names_in_words_and_its_call_by_name_are_one(
    tmp_path: Path,
) -> None:
    got = _reviewers(
        tmp_path,
        "- [P1] imgtools/cli.py:7 — `brighten(img, int(level))` feeds an unbounded integer "
        "into 8-bit pixel arithmetic; values near the top roll over to black.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_call_told_in_words_only_stays_apart(tmp_path: Path) -> None:
    got = _reviewers(
        tmp_path,
        "- [P1] imgtools/cli.py:7 — the level from the command line is never checked before "
        "brightening; a typo like 1O exits with a stack trace.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got
