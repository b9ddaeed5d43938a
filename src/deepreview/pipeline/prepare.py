"""Before a review writes anything: the target resolved, its settings read (the base
revision's config, which config copy was read when it fails), the seats and lead chosen and the
store made ready (`prepare`). Every check that can fail on bad input happens here, so bad input
leaves nothing half-written; `review`, `resume`, `finish --from`, `--seat-only` and `doctor`
resolve through the same steps."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from deepreview.config import (
    REPO_CONFIG_NAME,
    CliOverrides,
    Settings,
    settings_for_repo,
)
from deepreview.config_copy import work_tree_copy_note
from deepreview.errors import (
    ConfigError,
    UnknownSeatError,
)
from deepreview.pipeline import reindex, rounds_prompt_step
from deepreview.pipeline.context import Prepared
from deepreview.pipeline.panel import auto_panel, check_panel_options
from deepreview.pipeline.runstate import (
    SettingsRecord,
)
from deepreview.pipeline.seats import (
    check_model_seats,
    check_review_models,
    choose_lead,
    choose_seats,
)
from deepreview.prompts.inline import omission_note
from deepreview.prompts.review import (
    diff_plan,
    read_steering_files,
)
from deepreview.store.earlier_keys import target_with_earlier_keys
from deepreview.store.leftovers import sweep_killed
from deepreview.store.location import left_behind_note, review_store_root
from deepreview.store.repository import Repository
from deepreview.store.store import Store
from deepreview.targets.git import Git
from deepreview.targets.repo_root import find_repo_root
from deepreview.targets.resolve import resolve_target
from deepreview.targets.target import Target
from deepreview.workspace.lfs import require_lfs_content


@dataclass(frozen=True)
class ReviewRequest:
    cwd: Path
    target: str | None = None
    base: str | None = None
    uncommitted: bool = False
    exact_range: bool = False  # `A..B` as git's literal tree diff, even when A moved on
    cli: CliOverrides = dataclasses.field(default_factory=CliOverrides)
    env: Mapping[str, str] = dataclasses.field(default_factory=dict)
    panel: str | None = None  # "auto": choose the seats from the store's history
    budget_usd: float | None = None  # with panel="auto"


def load_settings_for(
    target: Target, cli: CliOverrides, env: Mapping[str, str], steering: Mapping[str, str]
) -> Settings:
    """Settings for reviewing `target`; `steering` is `read_steering_files(target)`."""
    return settings_for_repo(cli, env, target.repo_root, steering, _steering_base(target))


def _steering_base(target: Target) -> tuple[str, str | None]:
    """The commit the repository's config is read at, and the branch it is on: a branch's or a
    PR's base branch. A range's base is whatever the user typed (`HEAD~1`, a SHA), and its
    steering commit may be another one (`targets.steering`): named by its commit alone."""
    ranged = target.kind in ("range", "uncommitted") or target.steering_sha
    branch = None if ranged else target.base_ref
    return target.steering_rev, (branch if branch and branch != "HEAD" else None)


def config_copy_note(target: Target, cli: CliOverrides, steering: Mapping[str, str]) -> str | None:
    """When the work tree's repo config is not the one this review reads: what to do about it."""
    work_file = target.repo_root / REPO_CONFIG_NAME
    if cli.config_path is not None and cli.config_path.resolve() == work_file.resolve():
        return None  # the user passed it explicitly: it is read (and trusted) as given
    try:
        work_text: str | None = work_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        work_text = None
    base_text = steering.get(REPO_CONFIG_NAME)
    if work_text is None or work_text == base_text:
        return None
    # The copy committed at the reviewed head is the change's own; uncommitted edits are the
    # user's (an --uncommitted review's head is a synthetic commit of the work tree).
    head_text = None
    if target.kind != "uncommitted":
        head_text = Git(target.repo_root).show_file(target.head_sha, REPO_CONFIG_NAME)
    label = target.steering_rev[:7]
    base_branch = None if target.steering_sha else target.base_ref  # then read off the base
    if base_branch and base_branch != "HEAD":
        label = f"{label} on {base_branch}"
    return work_tree_copy_note(
        work_text, base_text, base_label=label, base_branch=base_branch, head_text=head_text
    )


@contextlib.contextmanager
def explained_config_errors(copy_note: str | None) -> Iterator[None]:
    """A config or seat error also says which config copy was read: the likely cause."""
    try:
        yield
    except (ConfigError, UnknownSeatError) as exc:
        if copy_note is None:
            raise
        raise type(exc)(f"{exc.message}; note: {copy_note}", exit_code=exc.exit_code) from exc


@dataclass(frozen=True)
class Resolved:
    """The target and its settings: what every way of starting a review resolves first."""

    root: Path
    target: Target
    steering: Mapping[str, str]
    settings: Settings
    copy_note: str | None


def resolve(req: ReviewRequest) -> Resolved:
    root = find_repo_root(req.cwd)
    target = resolve_target(
        root,
        req.target,
        base=req.base,
        uncommitted=req.uncommitted,
        env=req.env,
        exact_range=req.exact_range,
    )
    steering = read_steering_files(target)
    copy_note = config_copy_note(target, req.cli, steering)
    with explained_config_errors(copy_note):
        settings = load_settings_for(target, req.cli, req.env, steering)
        check_model_seats(settings, req.cli.models)
    return Resolved(root, target, steering, settings, copy_note)


def check_lfs_content(target: Target, settings: Settings, env: Mapping[str, str]) -> None:
    """The checks run the tests on the change's files, Git LFS ones included: without git-lfs
    that fails after the seats ran, so say it before they start."""
    checks = settings.checks
    if checks.wanted and checks.test and settings.allow_exec:
        require_lfs_content(target.repo_root, target.head_sha, env, checks.flags)


def prepare(req: ReviewRequest) -> Prepared:
    check_panel_options(req.panel, req.budget_usd)
    r = resolve(req)
    target, steering, settings, copy_note = r.target, r.steering, r.settings, r.copy_note
    check_lfs_content(target, settings, req.env)
    with explained_config_errors(copy_note):
        plans, notes = choose_seats(settings, req.env)
        lead = choose_lead(settings, req.env, req.cli.lead)
        check_review_models(settings, req.cli.models, plans, lead)
    store = Store(review_store_root(settings.store, target, req.env))
    store.ensure_writable()
    reindex.ready(store)
    # A checkout that lost its GitHub origin: its reviews from then are its series still.
    target = target_with_earlier_keys(store, target)
    notes = [*target.notes, *notes]
    if inline := omission_note(diff_plan(target, settings.diff_budget), settings.diff_budget):
        notes.append(inline)  # the report, run.json and stderr say what the prompts left out
    if unkeyed := rounds_prompt_step.first_round_note(store, target):
        notes.append(unkeyed)
    left = None if settings.store else left_behind_note(store.root, target.repo_root, req.env)
    warnings = (
        *((copy_note,) if copy_note else ()),
        *((left,) if left else ()),
        *sweep_killed(
            store, seats_next=True
        ),  # what killed reviews' seats left: removed, said once
    )
    panel = None
    if req.panel == "auto":
        plans, settings, panel = auto_panel(
            plans, settings, store, Repository.of_target(target), req.budget_usd, lead
        )
    return Prepared(
        target,
        settings,
        store,
        plans,
        lead,
        notes,
        req.env,
        steering,
        warnings=warnings,
        settings_cli=req.cli,
        panel=panel,
    )


def settings_record(p: Prepared) -> SettingsRecord:
    """What run.json keeps of the settings a review started with (resume reuses them)."""
    return SettingsRecord(
        agents=tuple(plan.seat for plan in p.plans),
        timeout=p.settings.timeout,
        effort=p.settings.effort,
        diff_budget=p.settings.diff_budget,
        allow_exec=p.settings.allow_exec,
        formats=p.settings.formats,
        store=str(p.store.root),
        passes=p.settings.passes,
        checks=p.settings.checks if p.settings.checks.wanted else None,
    )
