"""The store a command that finds reviews uses (`list`, `show`, `open`, `resume`, `relead`,
`publish`, `stats`, `declines`, `decline`, `delete`, `context`, ...): found the way `review`
found it when it stored them, from the same settings — `--store`, the config files' `store`
(the repository's `.deep-review.toml` as a review of the current branch reads it: at its base
revision), `DEEP_REVIEW_STORE`, else the repository's default store."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from deepreview.config import REPO_CONFIG_NAME, CliOverrides, Settings, build_settings
from deepreview.errors import GitError, NoCheckoutError, NotARepositoryError, UsageError
from deepreview.store.location import STORE_ENV, store_root
from deepreview.store.store import Store
from deepreview.targets.default_base import current_branch_base
from deepreview.targets.git import Git
from deepreview.targets.repo_root import find_repo_root


def settings_here(cwd: Path, cli: CliOverrides, env: Mapping[str, str]) -> Settings:
    """The settings a command run from `cwd` finds its store with: a review of the current
    branch would read the repository's config file at its base (the merge-base with the
    default branch), so it is read there. Nothing of them runs (no trust gate): only the
    store is taken from them."""
    text, file, at = None, None, None
    try:
        root = find_repo_root(cwd)
    except GitError:
        root = None  # no repository: only a named store can be read (`locate_store`)
    if root is not None and (base := current_branch_base(root)) is not None:
        text = Git(root).show_file(base[1], REPO_CONFIG_NAME)
        file = root / REPO_CONFIG_NAME
        at = (base[1], base[0])
    return build_settings(
        cli, env=env, repo_config_text=text, repo_config_file=file, gate=False, base=at
    )


def locate_store(
    cwd: Path, cli: CliOverrides, env: Mapping[str, str], settings: Settings | None = None
) -> Store:
    """The store of the reviews a command run from `cwd` reads (`settings`: built by the
    caller with `settings_here`, else here)."""
    if settings is None:
        settings = settings_here(cwd, cli, env)
    if settings.store is not None or env.get(STORE_ENV):
        # A named store (`--store`, a config file's `store`, $DEEP_REVIEW_STORE) is where it
        # says, wherever this runs: a store downloaded from CI needs no checkout around it.
        return Store(store_root(settings.store, cwd, env))
    try:
        root = find_repo_root(cwd)
    except NoCheckoutError as e:
        raise UsageError(e.or_store()) from None
    except NotARepositoryError:
        # Reading the store, not reviewing: a named store is the other way out.
        raise UsageError(
            f"{cwd.resolve()} is not inside a git repository, and the default store is per "
            "repository; cd into the reviewed repository (or pass --repo PATH), or pass --store DIR"
        ) from None
    return Store(store_root(None, root, env))
