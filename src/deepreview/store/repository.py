"""`Repository`: which repository a stored review (or decline) is of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deepreview.targets.target import Target


@dataclass(frozen=True)
class Repository:
    """Which repository a stored review (or decline) is of. A store may hold many, and a
    series (`branch:feature`, `pr:7`) is one repository's: rounds, declines and `stats` go by
    this. `key` identifies it (`targets.identity`); `name` is what reports call it. Rows stored
    before keys were kept have only the name: they are the repository of that name."""

    key: str
    name: str

    @classmethod
    def of_target(cls, target: Target) -> Repository:
        return cls(target.repo_key, target.repo_name)

    def holds(self, key: str, name: str) -> bool:
        """Whether a row recorded with `key` and `name` is of this repository."""
        if key and self.key:
            return key == self.key
        if not key and not name:
            return True  # a decline from before keys whose review was deleted: as it was then
        return name == self.name
