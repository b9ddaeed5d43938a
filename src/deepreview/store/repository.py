"""`Repository`: which repository a stored review (or decline) is of."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from deepreview.targets.target import Target


class _Row(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def repo(self) -> str: ...
    @property
    def repo_key(self) -> str: ...


@dataclass(frozen=True)
class Repository:
    """Which repository a stored review (or decline) is of. A store may hold many, and a
    series (`branch:feature`, `pr:7`) is one repository's: rounds, declines and `stats` go by
    this. `key` identifies it (`targets.identity`); `name` is what reports call it. A row
    stored before keys were kept got its key when the store was upgraded (migration m009) if
    its repository could be told; one still keyless is of no keyed repository (a name does
    not tell `o1/app` from `o2/app`)."""

    key: str
    name: str
    # Its earlier key, the path of its git folder, before it gained a GitHub `origin`
    # (`targets.identity.repo_aliases`): rows recorded under it are of this repository too.
    aliases: tuple[str, ...] = ()

    @classmethod
    def of_target(cls, target: Target) -> Repository:
        return cls(target.repo_key, target.repo_name, target.repo_aliases)

    @classmethod
    def of_checkout(cls, root: Path, env: Mapping[str, str]) -> Repository:
        """The repository of the checkout at `root`, as a review of it records it."""
        from deepreview.targets.git import Git
        from deepreview.targets.identity import repo_aliases, repo_identity
        from deepreview.targets.remote import local_repo_name

        git = Git(root)
        key = repo_identity(git, env)
        return cls(key, local_repo_name(git, env), repo_aliases(git, key))

    def holds(self, key: str, name: str) -> bool:
        """Whether a row recorded with `key` and `name` is of this repository."""
        if self.key:
            return key == self.key or (bool(key) and key in self.aliases)
        # Only a review itself stored before keys (its `resume`) has none: as it was then.
        return not key and name == self.name

    def would_have_held(self, key: str, name: str) -> bool:
        """A keyless row this repository held by its name before keys were told (m009): one
        that is left out now, which a round says (`rounds.previous.unkeyed_note`)."""
        return bool(self.key) and not key and name == self.name


def repository_labels(rows: Iterable[_Row]) -> dict[str, str]:
    """Review ID -> its repository's name, with its key when two repositories of that name are
    listed (`o1/app` and `o2/app` are both `app` without a GitHub remote): what `list` and the
    index page show, so both tell them apart the same way."""
    rows = list(rows)
    keys: dict[str, set[str]] = {}
    for r in rows:
        keys.setdefault(r.repo, set()).add(r.repo_key)
    return {
        r.id: f"{r.repo} ({r.repo_key})" if len(keys[r.repo]) > 1 and r.repo_key else r.repo
        for r in rows
    }
