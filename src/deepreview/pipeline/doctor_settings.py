"""The settings `doctor` reports on: exactly those a `deep-review review` here would use.

A review reads the repository's `.deep-review.toml` from the base revision under the trust
rules; `doctor` must too, or it names a panel the review will not run (or one it refuses).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from deepreview.config import (
    REPO_CONFIG_NAME,
    CliOverrides,
    Settings,
    build_settings,
    settings_for_repo,
)
from deepreview.config_copy import work_tree_copy_note
from deepreview.errors import (
    ConfigError,
    GitError,
    NoBranchHereError,
    ShallowCloneError,
    UnknownSeatError,
    UsageError,
)
from deepreview.pipeline.prepare import ReviewRequest, resolve
from deepreview.pipeline.seats import check_agents, check_lead, lead_source
from deepreview.targets.default_base import current_branch_base
from deepreview.targets.git import Git
from deepreview.targets.repo_root import find_repo_root


@dataclass(frozen=True)
class DoctorSettings:
    settings: Settings
    refused: str | None  # why a review here would stop at its config, with how to fix it
    # False outside a git repository: a review refuses to start (`refused` says so), and
    # `settings` are the user's alone, what a review in a repository starts from
    in_repository: bool = True
    # the work tree's repo config is not the copy a review reads (as `review` says it)
    copy_note: str | None = None


def review_settings(
    cwd: Path, env: Mapping[str, str], cli: CliOverrides | None = None
) -> DoctorSettings:
    """The settings of a review of the current branch in `cwd` (the user file alone outside a
    repository), given `cli` (`doctor --config FILE`); when the repository file would stop
    that review, the user file's settings and the review's own error message."""
    cli = cli or CliOverrides()
    # A broken user file (or --config file) stops every review: it stays an error (exit 2).
    without_repo = build_settings(cli, env=env, repo_config_text=None, repo_config_file=None)
    try:
        root = find_repo_root(cwd)
    except GitError as exc:
        return DoctorSettings(without_repo, exc.message, in_repository=False)
    try:
        settings, note = _settings_in(cwd, root, env, cli)
        # A seat list naming no seat, or an unknown one (`DEEP_REVIEW_AGENTS=bogus`), stops
        # the review before its first seat: the panel line must not promise it.
        check_agents(settings)
        if settings.lead not in (None, "none"):  # a misspelt `lead` stops it as well
            check_lead(settings, env, where=lead_source(settings, env))
        return DoctorSettings(settings, None, copy_note=note)
    except (ConfigError, UsageError) as exc:
        return DoctorSettings(without_repo, exc.message)


def _settings_in(
    cwd: Path, root: Path, env: Mapping[str, str], cli: CliOverrides
) -> tuple[Settings, str | None]:
    """The settings, and the note on the work tree's copy of the repo config if it is not
    the one read."""
    try:
        r = resolve(ReviewRequest(cwd=cwd, env=env, cli=cli))
        return r.settings, r.copy_note
    except (ConfigError, UnknownSeatError, ShallowCloneError, NoBranchHereError):
        # (a shallow clone stops a review of any target here, not only this one; with no
        # commits, an unborn branch or a detached HEAD there is no current branch to review)
        raise
    except (UsageError, GitError):
        pass  # nothing to review here (e.g. on the base branch itself): see below
    # The file a review of a branch from here would read: at the merge-base with the default
    # base branch, else at HEAD (a repository with no commits has none).
    git = Git(root)
    base = current_branch_base(root)
    rev = base[1] if base else "HEAD"
    steering = git.show_files(rev, [REPO_CONFIG_NAME], follow_links=True) if git.rev(rev) else {}
    head_text = git.show_file("HEAD", REPO_CONFIG_NAME) if git.rev("HEAD") else None
    try:
        work_text: str | None = (root / REPO_CONFIG_NAME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        work_text = None
    note = work_tree_copy_note(
        work_text,
        steering.get(REPO_CONFIG_NAME),
        base_label=f"{rev[:7]} on {base[0]}" if base else "HEAD",
        base_branch=base[0] if base else None,
        head_text=head_text,
    )
    at = (rev, base[0]) if base else None
    return settings_for_repo(cli, env, root, steering, at), note
