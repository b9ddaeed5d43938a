"""The keys a repository's reviews were stored under while its checkout was known by another.

A review records which repository it is of (`targets.identity`): a checkout with a GitHub
`origin` (or a `GH_REPO`) by that, one without by its git folder's path, and a review keyed by
the GitHub repository also records that path among its `repo_aliases`. So a checkout that
*gains* an origin knows its earlier key (its folder) from git alone. One that *loses* it again
(`git remote remove origin`, GH_REPO unset) does not: git no longer says what it was. The store
does: the reviews whose run.json recorded this checkout's folder as their alias are of this
repository, and so is every review stored under their key — its rounds and declines go on.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from deepreview.runfiles import RUN_JSON
from deepreview.store.repository import Repository

if TYPE_CHECKING:
    from pathlib import Path

    from deepreview.store.store import Store
    from deepreview.targets.target import Target


def with_earlier_keys(store: Store, repo: Repository) -> Repository:
    """`repo` with, among its aliases, each key of `store` under which a review recorded one
    of `repo`'s own keys as its alias. Only reviews of other keys are looked at, each run.json
    first searched for those keys' text (most are of other repositories) and parsed only when
    it holds one; a key already found is not looked at again."""
    if not repo.key:
        return repo  # a review stored before keys: as it was then
    mine = {repo.key, *repo.aliases}
    needles = [json.dumps(k, ensure_ascii=False).encode("utf-8") for k in mine]
    found: list[str] = []
    for row in store.rows():
        key = row.repo_key
        if not key or key in mine or key in found:
            continue
        if _recorded_aliases(store.root / row.id / RUN_JSON, needles) & mine:
            found.append(key)
    if not found:
        return repo
    return dataclasses.replace(repo, aliases=(*repo.aliases, *found))


def target_with_earlier_keys(store: Store, target: Target) -> Target:
    """`target` with `with_earlier_keys`' aliases (run.json records them: a `resume` or
    `relead` of its review counts the same rounds)."""
    repo = with_earlier_keys(store, Repository.of_target(target))
    if repo.aliases == target.repo_aliases:
        return target
    return dataclasses.replace(target, repo_aliases=repo.aliases)


def _recorded_aliases(run_json: Path, needles: list[bytes]) -> set[str]:
    try:
        data = run_json.read_bytes()
        if not any(n in data for n in needles):
            return set()
        aliases = json.loads(data)["target"]["repo_aliases"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {a for a in aliases if isinstance(a, str)} if isinstance(aliases, list) else set()
