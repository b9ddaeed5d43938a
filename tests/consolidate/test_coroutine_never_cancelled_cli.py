"""Through the real `deep-review consolidate --format json`: a coroutine "never cancelled" that
"outlives the screen" is a leak (`failure_kinds`, as a goroutine that is never reaped is; merge
case 67), so it is one finding with "`GlobalScope.launch` leaks the collector" at that line. A
request "never cancelled" when the user types again is no lifetime of a coroutine: it stays apart
from the leak.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import ONE, TWO, bullet_finding, reviewer_sets

_LEAK = bullet_finding(
    "app/prices/PriceViewModel.kt:12", "GlobalScope.launch leaks the collector, use viewModelScope"
)


def _reviewers(tmp: Path, codex: str) -> list[list[str]]:
    return reviewer_sets(tmp, {"claude": _LEAK, "codex": codex})


def test_a_coroutine_never_cancelled_is_the_leak_at_its_launch(tmp_path: Path) -> None:
    never = bullet_finding(
        "app/prices/PriceViewModel.kt:11-16",
        "the coroutine started by `watch` is never cancelled: it outlives the screen and still "
        "writes `state` after the ViewModel is cleared",
    )
    assert _reviewers(tmp_path, never) == ONE


def test_a_request_never_cancelled_is_not_a_leak(tmp_path: Path) -> None:
    request = bullet_finding(
        "app/prices/PriceViewModel.kt:11-16",
        "the previous price request is never cancelled when the user picks another product, so "
        "an older answer can replace the newer one on screen",
    )
    assert _reviewers(tmp_path, request) == TWO
