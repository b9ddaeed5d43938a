"""`decline`, `declines`, `undecline`: findings the author declined on purpose."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from deepreview.cli.options import confirmed, repo_option, series_option, store_option
from deepreview.cli.store_cmd import _repo_opt, _store
from deepreview.errors import UsageError
from deepreview.untrusted_text import clean_text

if TYPE_CHECKING:
    from deepreview.pipeline.memory import ContextPlan
    from deepreview.store.declines import Decline


@click.command()
@click.argument("review_id")
@click.argument("finding")
@click.option("--reason", required=True, help='Why, e.g. "by design: retries are idempotent".')
@click.option(
    "--series", help="Refuse unless the finding belongs to this series (123, #123, a branch)."
)
@store_option
@_repo_opt
def decline(
    review_id: str, finding: str, reason: str, series: str | None, store: str | None, repo: str
) -> None:
    """Decline FINDING of REVIEW_ID: later rounds list it under "Declined in prior rounds"."""
    from pathlib import Path

    from deepreview.pipeline.memory import decline as decline_

    key = series_option(series)
    if not finding.strip():
        raise UsageError(
            "FINDING is empty; give a finding's ID such as C1 or I2 "
            "(`deep-review show REVIEW_ID` lists them)"
        )
    d, before = decline_(
        _store(store, repo, writes=True), review_id, finding, reason, series=key, repo=Path(repo)
    )
    # Declining it again replaces the reason: the earlier one is said, not silently lost.
    was = (
        f" (replaced reason: {_one_line(before.reason)})"
        if before and before.reason != d.reason
        else ""
    )
    click.echo(
        f"Declined {d.finding_id} ({d.title}) of {d.review_id} for {d.series}: "
        f"{_one_line(d.reason)}{was}"
    )


def _one_line(reason: str) -> str:
    """A reason written over several lines, on one: each decline is one line of the listing
    (`--json` keeps the reason as written)."""
    return " ".join(reason.split())


@click.command()
@click.option("--series", help="Only this series: 123, #123, or a branch name (pr:N, branch:B).")
@click.option(
    "--repo-wide",
    is_flag=True,
    help="Every repository in the store (default: the current repository's declines).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the declines as JSON on stdout (with schema_version).",
)
@store_option
@_repo_opt
def declines(
    series: str | None, repo_wide: bool, as_json: bool, store: str | None, repo: str
) -> None:
    """Declined findings: series, repository, review, finding, location, reason."""
    from dataclasses import asdict

    from deepreview.cli.scope import store_and_repository
    from deepreview.pipeline.memory import (
        current_findings,
        finding_ids,
        repository_labels,
        shown_locations,
    )
    from deepreview.pipeline.memory import declines as declines_
    from deepreview.runmodel import SCHEMA_VERSION

    key = series_option(series)
    st, here = store_and_repository(store, repo)
    found = declines_(st, key, None if repo_wide else here)
    current = current_findings(st, found)  # (each report read once)
    now = finding_ids(current)
    if as_json:
        # `current_finding_id`: the finding's ID in its review's report now (a relead may have
        # renumbered it); null when the report holds it no more, or cannot be read.
        listed = [{**asdict(d), "current_finding_id": now.get(d)} for d in found]
        data = {"schema_version": SCHEMA_VERSION, "declines": listed}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
        return
    if not found:
        where = f" of repository {here.name}" if here and not repo_wide else ""
        what = f" in series {key}" if key else ""
        click.echo(f"No declined findings{what}{where}.")
        return
    labels = repository_labels(found)
    # where its report shows the finding (the decline is keyed by the place that sorts first)
    places = shown_locations(found, current)
    for d in found:
        click.echo(
            f"{d.series}  {labels[d]}  {d.review_id} {d.finding_id}{_renumbered(d, now)}  "
            f"{places[d]}  {d.title} — {_one_line(d.reason)}"
        )


def _renumbered(d: Decline, now: dict[Decline, str | None]) -> str:
    """What a relead made of the ID the decline was recorded under, if it changed."""
    if d not in now or now[d] == d.finding_id:
        return ""
    return f" (now {now[d]})" if now[d] else " (no longer in its report)"


@click.command()
@click.argument("review_id")
@click.argument("finding")
@store_option
@_repo_opt
def undecline(review_id: str, finding: str, store: str | None, repo: str) -> None:
    """Remove the decline of FINDING of REVIEW_ID: later rounds report it again."""
    from deepreview.pipeline.memory import undecline as undecline_

    d = undecline_(_store(store, repo, writes=True), review_id, finding)
    click.echo(f"Removed the decline of {d.finding_id} ({d.title}) from {review_id}.")


@click.group()
def context() -> None:
    """The repo's `deep-review-context.md`: what every reviewer should know."""


@context.command("show")
@repo_option("The repository whose deep-review-context.md to print")
def context_show(repo: str) -> None:
    """Print the working tree's deep-review-context.md."""
    from pathlib import Path

    from deepreview.pipeline.context_file import read_context
    from deepreview.pipeline.memory import context_path
    from deepreview.targets.repo_root import find_repo_root

    path = context_path(find_repo_root(Path(repo)))
    text = read_context(path)  # never through a link the reviewed change committed
    if text is None:
        click.echo(
            f"No {path.name} in {path.parent} yet; `deep-review context apply ID` can start one."
        )
        return
    # The checkout's file may be a reviewed change's: its escape sequences do not run here
    click.echo(clean_text(text), nl=False)


@context.command("apply")
@click.argument("review_id")
@click.option("--yes", is_flag=True, help="Write without asking.")
@click.option("--force", is_flag=True, help="Write even if the file has uncommitted changes.")
@store_option
@repo_option("The repository whose deep-review-context.md to update, and whose store to use")
def context_apply(review_id: str, yes: bool, force: bool, store: str | None, repo: str) -> None:
    """Show REVIEW_ID's proposed context updates as a diff; write them after confirmation."""
    import os
    from pathlib import Path

    from deepreview.pipeline.memory import context_plan, write_context
    from deepreview.store.earlier_keys import with_earlier_keys
    from deepreview.store.repository import Repository
    from deepreview.targets.repo_root import find_repo_root

    root = find_repo_root(Path(repo))
    # Which repository the file is written into, as a review of it records it (`GH_REPO` too).
    st = _store(store, repo)
    # ... and by the keys its reviews had before it lost its GitHub origin
    here = with_earlier_keys(st, Repository.of_checkout(root, dict(os.environ)))
    plan = context_plan(st, root, here, review_id, force=force)
    for item in plan.skipped:
        click.echo(f"note: skipped {item}", err=True)
    if not plan.diff:
        click.echo(_nothing_to_write(review_id, plan))
        return
    # what is confirmed is what shows: no escape sequence of the file hides or redraws a line
    click.echo(clean_text(plan.diff), nl=False)
    if plan.from_declines:
        # part of what is confirmed: the report's "no context updates" was the lead's word only
        n = plan.from_declines
        click.echo(
            f'({n} "by design" decline{"s" if n > 1 else ""} of this series, '
            "from `deep-review declines`, proposed as context beside the lead's updates)"
        )
    if not confirmed(yes, f"Write {plan.path}?", f"writing {plan.path.name}", "write"):
        click.echo("Nothing written.", err=True)
        return
    write_context(plan)
    click.echo(f"Wrote {plan.path} (not committed): {plan.summary}.")


def _nothing_to_write(review_id: str, plan: ContextPlan) -> str:
    """Why `context apply` writes nothing: no proposal at all, or proposals the file has
    already (said so, not "proposes no changes"), or ones that cannot be written."""
    name, already, other = plan.path.name, plan.already, len(plan.skipped) - plan.already
    total = already + other + plan.written
    if not total:
        return f"Review {review_id} proposes no changes to {name}."
    if already == total:
        verb = "is" if total == 1 else "are"
        return (
            f"Review {review_id}: its {_updates(total)} {verb} already in {name}; nothing to write."
        )
    see = f"see the note{'s' if len(plan.skipped) > 1 else ''} above"
    if not already and other == total:
        verb = "was" if total == 1 else "were"
        return (
            f"Review {review_id}: nothing to write to {name} "
            f"(its {_updates(total)} {verb} skipped: {see})."
        )
    return (
        f"Review {review_id}: nothing to write to {name} ({_updates(already)} already in it, "
        f"{other} skipped: {see})."
    )


def _updates(n: int) -> str:
    return f"{n} update{'s' if n != 1 else ''}"
