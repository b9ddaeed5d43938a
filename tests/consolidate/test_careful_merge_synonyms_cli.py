"""Through the real `deep-review review` with command seats: one failure told in other words is
one finding when both titles name it, in the claim vocabulary's words (`consolidate/claims.py`),
at one line and graded alike (tm64); two failures of that vocabulary at one line stay two.

- "Path traversal when saving uploads" (2-3) / "a name with dot-dot segments escapes the
  storage root" (3), both critical: one; "Saved files are world-writable" beside the traversal
  at those lines: two (a path escaping its folder, permissions open to every user). The same
  two when one places it on the whole function (2-5) and the other on its line (3): one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

SAVE = (
    "import os\n"  # 1
    "def save(root, name, data):\n"  # 2
    "    path = os.path.join(root, name)\n"  # 3
    "    with open(path, 'wb') as fh:\n"  # 4
    "        fh.write(data)\n"  # 5
    "    os.chmod(path, 0o777)\n"  # 6
)
TRAVERSAL = (
    "## Findings\n\n### Critical Issues\n\n#### C1. Path traversal when saving uploads\n\n"
    "**File:** `store/save.py:2-3`\n\nA crafted file name writes anywhere the service can.\n"
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"store/save.py": SAVE}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_path_escaping_its_folder_in_other_words_is_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=TRAVERSAL,
        bravo="- [P0] store/save.py:3 — a name with dot-dot segments escapes the storage root.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_open_permissions_beside_the_traversal_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=TRAVERSAL,
        bravo="- [P0] store/save.py:3 — saved files end up world-writable.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_the_line_inside_the_block_another_seat_names_is_one(tmp_path: Path) -> None:
    # one seat places the traversal on the function's body (2-5), the other on its line (3)
    got = _credited(
        tmp_path,
        alpha=TRAVERSAL.replace("store/save.py:2-3", "store/save.py:2-5"),
        bravo="- [P0] store/save.py:3 — a name with dot-dot segments escapes the storage root.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


PRICES = (
    '"""Prices, cached per process."""\n'  # 1
    "_CACHE = {}\n"  # 2
    "def price(sku):\n"  # 3
    "    return _CACHE.setdefault(sku, load(sku))\n"  # 4
)


def test_a_stale_docstring_and_a_stale_cached_price_at_one_place_stay_two(
    tmp_path: Path,
) -> None:
    """ "Stale" of a doc is a doc saying what the code no longer does; of a cache, a copy an
    update misses: two problems, though both titles say "stale" at one place, graded alike."""
    found: list[dict[str, Any]] = findings_of_change(
        tmp_path,
        {"shop/prices.py": PRICES},
        {
            "alpha": "- [P1] shop/prices.py:1-3 — the module docstring is stale.\n",
            "bravo": "- [P1] shop/prices.py:3 — readers get stale prices after an update.\n",
        },
    )
    assert sorted(sorted(f["reviewers"]) for f in found) == [["Alpha"], ["Bravo"]], found
