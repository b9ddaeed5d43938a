"""The store a reading command uses, and the repository it is scoped to (`stats`, `declines`):
a store may hold many repositories (`DEEP_REVIEW_STORE`, a CI artifact)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from deepreview.errors import GitError, MissingFolderError, UnsafeRepositoryError

if TYPE_CHECKING:
    from deepreview.store.repository import Repository
    from deepreview.store.store import Store


def store_and_repository(store: str | None, repo: str) -> tuple[Store, Repository | None]:
    """The store to read (as every store command finds it: `pipeline.store_here`) and the
    current repository (None outside a repository: then every repository in the store counts)."""
    from deepreview.config import CliOverrides
    from deepreview.pipeline.reindex import ready
    from deepreview.pipeline.store_here import locate_store
    from deepreview.store.repository import Repository
    from deepreview.targets.repo_root import find_repo_root

    env = dict(os.environ)
    found = locate_store(Path(repo), CliOverrides(store=store), env)
    try:
        here: Repository | None = Repository.of_checkout(find_repo_root(Path(repo)), env)
    except UnsafeRepositoryError:
        raise  # a named store would not make git trust the repository
    except MissingFolderError as exc:
        # A `--repo` that names no folder (a typo) is refused, not read as "outside any
        # repository", which would count every repository's reviews without a word; a current
        # folder removed under the shell still reads a store given by --store.
        if str(exc) != MissingFolderError.CURRENT_GONE:
            raise
        here = None
    except GitError:
        here = None
    found.ensure_readable(named=store is not None)
    ready(found)
    if here is not None:
        from deepreview.store.earlier_keys import with_earlier_keys

        here = with_earlier_keys(found, here)  # keys it had before it lost its origin
    return found, here
