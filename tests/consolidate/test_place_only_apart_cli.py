"""Through the real `deep-review review` with command seats, no lead: three reviewers agree that
a branch gives every unknown architecture the amd64 image; a fourth, over the same branch,
says something else there (provision scripts are dropped). A careful lead keeps the fourth
apart whether it shares nothing with them but the lines (`place_only`) or also quotes the
branch and explains its own problem at length (`claim_pairs.explained_apart`): such pairs add
nothing to a cluster, so three findings that agree do not take in a fourth that only sits
beside them. A fourth reviewer telling the same fallback in its own words joins them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

BOOT = (
    "def boot_image(config):\n"  # 1
    "    if config.os == 'windows':\n"  # 2
    "        if config.arch == 'aarch64':\n"  # 3
    "            image = 'win-arm64.iso'\n"  # 4
    "        else:\n"  # 5
    "            image = 'win-amd64.iso'\n"  # 6
    "        return build_iso(image)\n"  # 7
    "    return build_cloud_init(config)\n"  # 8
)
FILES = {"boot.py": BOOT}
BRANCH = "```python\n" + "".join(BOOT.splitlines(keepends=True)[1:7]) + "```\n\n"


def _doc(title: str, body: str, *, quote: str = "") -> str:
    return (
        "## Executive Summary\n\nAdds Windows images.\n\n## Findings\n\n### Important Issues\n\n"
        f"1. **{title}** — `boot.py:2-7` (important, gap)\n\n{quote}{body}\n"
    )


FALLBACK = {
    "alpha": (
        "Unknown architectures silently get the amd64 image",
        "Any `config.arch` other than `aarch64` (`riscv64`, `s390x`) falls into the `else` and "
        "boots `win-amd64.iso`, which cannot start on that machine; nothing reports the "
        "unsupported architecture.",
    ),
    "bravo": (
        "`riscv64` falls back to `win-amd64.iso`",
        "The `else` branch treats every `config.arch` but `aarch64` as amd64, so a `riscv64` "
        "or `s390x` guest is handed an image for another architecture without an error.",
    ),
    "charlie": (
        "Architecture check defaults to amd64 instead of refusing",
        "`config.arch` values such as `s390x` reach the `else` and get `win-amd64.iso`; an "
        "explicit error for architectures without a Windows image would say what is wrong.",
    ),
}


def _fallback(*, quote: str = "") -> dict[str, str]:
    return {seat: _doc(title, body, quote=quote) for seat, (title, body) in FALLBACK.items()}


DROPPED_TITLE = "Provision scripts and mounts never reach the Windows image"
DROPPED_BODY = (
    "The Windows path builds its answer ISO and returns straight away, so the provision "
    "scripts and the mounts a user listed never reach the guest, and no warning says so; "
    "someone copying their Linux settings will expect them to run at first boot."
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_another_problem_sharing_only_the_lines_stays_apart(tmp_path: Path) -> None:
    # one title word in common ("image") and nothing else but the lines (`place_only`)
    got = _credited(tmp_path, **_fallback(), delta=_doc(DROPPED_TITLE, DROPPED_BODY))
    assert got == [["Alpha", "Bravo", "Charlie"], ["Delta"]], got


def test_another_problem_quoting_the_branch_stays_apart(tmp_path: Path) -> None:
    # all four quote the branch; the fourth explains another problem at length, its title
    # sharing no word with theirs (`explained_apart`)
    got = _credited(
        tmp_path,
        **_fallback(quote=BRANCH),
        delta=_doc(
            "Provision scripts and mounts are dropped for Windows guests",
            DROPPED_BODY,
            quote=BRANCH,
        ),
    )
    assert got == [["Alpha", "Bravo", "Charlie"], ["Delta"]], got


def test_the_same_fallback_in_other_words_joins_them(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        **_fallback(),
        delta=_doc(
            "Windows guests on `s390x` are given the amd64 image",
            "Only `aarch64` is told apart; `config.arch` `s390x` or `riscv64` boots "
            "`win-amd64.iso` with no error about the architecture.",
        ),
    )
    assert got == [["Alpha", "Bravo", "Charlie", "Delta"]], got
