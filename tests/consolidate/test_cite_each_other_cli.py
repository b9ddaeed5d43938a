"""Through the real `deep-review review --lead none`: two findings that each cite the other's
place (one at the `Makefile` rule naming the loader's line, the other at the loader naming the
rule) are one problem told from both ends (`consolidate/cross_cited.py`); a citation one way
only is a reviewer's reasoning and counts half. A `Makefile:5-6` in the text is a place, as a
path with an extension is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

FILES = {
    "Makefile": "".join(f"target_{n}:\n\techo {n}\n" for n in range(1, 6)),
    "app/loader.py": "".join(f"step_{n} = {n}\n" for n in range(1, 21)),
}
ALPHA = (
    "## Findings\n\n### Important Issues\n\n"
    "I1. **Standalone tools binary cannot load the image** — `Makefile:5-7` "
    "(important, regression)\n\n"
    "Only `bin/app` gets `-tags images`; `bin/tools` is built by the generic rule, so its copy "
    "of the loader never finds an image and `app/loader.py:12` raises at startup.\n"
)
BRAVO = (
    "## Findings\n\n### Suggestions\n\n"
    "S1. **Missing-image error misleads in the standalone tools binary** — `app/loader.py:12` "
    "(suggestion, regression)\n\n"
    "The message says to run `make app`, but the tools binary is built untagged{cited} and "
    "that command does not rebuild it.\n"
)


def _credited(tmp: Path, cited: str) -> list[list[str]]:
    seats = {"alpha": ALPHA, "bravo": BRAVO.format(cited=cited)}
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_findings_citing_each_others_place_are_one(tmp_path: Path) -> None:
    assert _credited(tmp_path, " (`Makefile:5-6`)") == [["Alpha", "Bravo"]]


def test_a_citation_one_way_only_keeps_them_apart(tmp_path: Path) -> None:
    assert _credited(tmp_path, "") == [["Alpha"], ["Bravo"]]
