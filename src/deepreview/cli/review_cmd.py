"""`review`, `resume` and `relead`."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from deepreview.agents.registry import PREFERRED_LEADS, lead_agents
from deepreview.cli.options import store_option
from deepreview.cli.progress import Progress
from deepreview.config import CliOverrides
from deepreview.errors import UsageError
from deepreview.formats import DEFAULT_FORMATS, FORMATS
from deepreview.model import EFFORTS, SCHEMA_VERSION
from deepreview.pipeline.review import ReviewOutcome, ReviewRequest, execute, prepare
from deepreview.pipeline.review import resume as resume_review

F = TypeVar("F", bound=Callable[..., Any])


def _overrides(
    *,
    agents: str | None,
    lead: str | None,
    timeout: float | None,
    effort: str | None,
    models: tuple[str, ...],
    store: str | None,
    formats: tuple[str, ...],
    allow_exec: bool | None,
    config: str | None,
    yes_trust: bool,
) -> CliOverrides:
    """The options every run command shares (`_common`), as one CliOverrides."""
    parsed = []
    for item in models:
        seat, sep, model = item.partition("=")
        if not sep or not seat or not model:
            raise UsageError(f"--model {item!r}: use SEAT=MODEL, e.g. --model claude=opus")
        parsed.append((seat.strip(), model.strip()))
    return CliOverrides(
        agents=tuple(a.strip() for a in agents.split(",") if a.strip())
        if agents is not None
        else None,
        lead=lead,
        timeout=timeout,
        effort=effort,
        models=tuple(parsed),
        store=store,
        formats=formats or None,
        allow_exec=allow_exec,
        config_path=Path(config) if config else None,
        yes_trust_repo_config=yes_trust,
    )


class _LeadOption(click.Option):
    """`--lead`, whose help lists the registry's lead agents: computed only when help is
    shown (naming them imports every adapter, which a review run may not need)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = (
            f"{'|'.join([*lead_agents(), 'none'])} "
            f"(default: first usable of {', '.join(PREFERRED_LEADS)})."
        )
        return super().get_help_record(ctx)


def _common(fn: F) -> F:
    options = [
        click.option("--agents", help="Comma-separated seats (default: every usable seat)."),
        click.option("--lead", cls=_LeadOption),
        click.option("--timeout", type=float, help="Per-seat timeout in seconds (default 1800)."),
        click.option("--effort", type=click.Choice(EFFORTS)),
        click.option(
            "--format",
            "formats",
            multiple=True,
            type=click.Choice(FORMATS),
            help=f"Report format to store (repeatable; default: {', '.join(DEFAULT_FORMATS)}). "
            "The JSON report is always stored: `show` renders any other format from it.",
        ),
        click.option("--model", "models", multiple=True, metavar="SEAT=MODEL"),
        store_option,
        click.option(
            "--allow-exec/--no-allow-exec",
            default=None,
            help="Let seats run the project's code/tests (dangerous on untrusted PRs).",
        ),
        click.option(
            "--config",
            "config",
            type=click.Path(dir_okay=False),
            help="Extra config file (trusted: may define commands).",
        ),
        click.option(
            "--yes-trust-repo-config",
            "yes_trust",
            is_flag=True,
            help="Honour commands in the repo's .deep-review.toml without `trust`.",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout."),
        click.option(
            "--repo",
            "repo",
            type=click.Path(file_okay=False),
            default=".",
            help="Repository to review (default: current directory).",
        ),
    ]
    for opt in reversed(options):
        fn = opt(fn)
    return fn


def _emit(outcome: ReviewOutcome, as_json: bool) -> int:
    if as_json:
        data = {
            "schema_version": SCHEMA_VERSION,
            "review_id": outcome.review_id,
            "status": outcome.status,
            "store": str(outcome.store_root),
            "review_dir": str(outcome.review_dir),
            "paths": outcome.paths,
            "verdict": outcome.report.header.verdict.label if outcome.report else None,
            "seats": [
                {
                    "seat": r.seat,
                    "status": r.status,
                    "reason": r.reason,
                    "duration_s": r.duration_s,
                    "tool_calls": r.tool_calls,
                    "modified_worktree": r.modified_worktree,
                }
                for r in outcome.seats
            ],
        }
        click.echo(json.dumps(data, indent=2))
    else:
        for r in outcome.seats:
            line = f"  {r.seat}: {r.status}"
            if r.reason:
                line += f" — {r.reason}"
            if r.modified_worktree:
                line += " [modified its worktree]"
            click.echo(line, err=True)
        if outcome.status == "interrupted":
            click.echo(
                "Interrupted. Finished seats are kept; "
                f"run `deep-review resume {outcome.review_id}`.",
                err=True,
            )
        else:
            assert outcome.report is not None
            v = outcome.report.header.verdict
            click.echo(f"Verdict: {v.label} — {v.reason}", err=True)
            click.echo(f"Review {outcome.review_id} stored:")
            for fmt, path in outcome.paths.items():
                click.echo(f"  {fmt}: {path}")
    return int(outcome.exit_code)


@click.command()
@click.argument("target", required=False)
@click.option(
    "--base",
    help="Base ref for the current branch (default: merge-base with origin/HEAD, main, master).",
)
@click.option(
    "--uncommitted",
    is_flag=True,
    help="Review the work tree (staged, unstaged, untracked) against HEAD.",
)
@click.option(
    "--passes",
    type=click.IntRange(1, 10),
    help="Up to N passes per seat: a seat whose pass found a Critical/Important issue looks "
    "again where it has not looked yet (default: [review] passes, else 1).",
)
@click.option("--thorough", is_flag=True, help="Thorough mode: the same as --passes 3.")
@_common
def review(
    target: str | None,
    base: str | None,
    uncommitted: bool,
    as_json: bool,
    repo: str,
    passes: int | None,
    thorough: bool,
    **opts: Any,
) -> int:
    """Review TARGET: nothing (current branch), A..B, A...B, 123, #123 or a PR URL."""
    if thorough and passes is not None and passes != 3:
        raise UsageError(f"--thorough means --passes 3; drop one of --thorough, --passes {passes}")
    cli = dataclasses.replace(_overrides(**opts), passes=3 if thorough else passes)
    req = ReviewRequest(
        cwd=Path(repo),
        target=target,
        base=base,
        uncommitted=uncommitted,
        cli=cli,
        env=dict(os.environ),
    )
    prepared = prepare(req)
    for note in prepared.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(
        f"Reviewing {prepared.target.label()} ({len(prepared.target.changed_files)} files) with "
        f"{', '.join(p.seat for p in prepared.plans)}; lead: {prepared.lead}",
        err=True,
    )
    with Progress([p.seat for p in prepared.plans]) as progress:
        outcome = execute(prepared, on_progress=progress)
    return _emit(outcome, as_json)


@click.command()
@click.argument("review_id")
@_common
def resume(review_id: str, as_json: bool, repo: str, **opts: Any) -> int:
    """Finish an interrupted review: rerun the seats that did not finish, then the report."""
    cli = _overrides(**opts)
    with Progress([]) as progress:
        outcome = resume_review(
            review_id, cwd=Path(repo), cli=cli, env=dict(os.environ), on_progress=progress
        )
    return _emit(outcome, as_json)


@click.command()
@click.argument("review_id")
@_common
def relead(review_id: str, as_json: bool, repo: str, **opts: Any) -> int:
    """Rerun only the lead (and rendering) on a stored review."""
    # Here, not at the top: it imports the report step, which `review` loads only once its
    # seats have started (benchmarks/bench_overhead.py, first seat spawned).
    from deepreview.pipeline.relead import relead as run_relead

    cli = _overrides(**opts)
    outcome = run_relead(review_id, cwd=Path(repo), cli=cli, env=dict(os.environ))
    return _emit(outcome, as_json)


__all__ = ["relead", "resume", "review"]
