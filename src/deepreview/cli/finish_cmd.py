"""`finish --from DIR...`: the report from seat results gathered from several runners."""

from __future__ import annotations

import dataclasses
import shlex
from pathlib import Path
from typing import Any

import click

from deepreview.cli.hints import with_store
from deepreview.cli.options import (
    MODEL_HELP,
    config_option,
    github_api_option,
    github_env,
    given_repo,
    refuse_empty,
    store_option,
    yes_trust_option,
)
from deepreview.cli.posting import (
    conclude,
    fail_on_option,
    post_options,
    refuse_inline_alone,
    require_credentials,
)
from deepreview.cli.progress import Progress
from deepreview.cli.review_cmd import _LeadOption, _overrides
from deepreview.config_seats import seat_list
from deepreview.errors import UsageError
from deepreview.formats import FORMATS


@click.command()
@click.argument("more_dirs", nargs=-1, type=click.Path(file_okay=False), metavar="[DIR...]")
@click.option(
    "--from",
    "from_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    callback=refuse_empty("--from", "give a seat result folder (the --out DIR of a seat run)"),
    metavar="DIR",
    help="A seat result folder (`review --seat-only NAME --out DIR`); `--from d1 d2 d3` and "
    "repeating --from both work.",
)
@click.option(
    "--expect",
    help="Comma-separated seats the review should have (default: the panel the results "
    "recorded, which must be the same in all of them); a seat without a result is shown as "
    "failed (with no --from at all: every seat, for the PR of a GitHub Actions run).",
)
@click.option(
    "--as-first-round",
    "as_first_round",
    is_flag=True,
    help="When the review store lacks the previous round the seats were asked about, finish "
    "as a first round (the report says so) instead of refusing.",
)
@click.option("--lead", cls=_LeadOption)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    help="Report format to store (repeatable); the JSON report is always stored, and md and "
    "html unless one of them is named (--format sarif adds SARIF to them).",
)
@click.option("--model", "models", multiple=True, metavar="SEAT=MODEL", help=MODEL_HELP)
@store_option
@config_option
@yes_trust_option
@post_options
@fail_on_option
@github_api_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@click.option(
    "--repo",
    "repo",
    type=click.Path(file_okay=False),
    callback=given_repo,
    default=".",
    help="A checkout holding the reviewed commits (default: current directory).",
)
def finish(
    more_dirs: tuple[str, ...],
    from_dirs: tuple[str, ...],
    expect: str | None,
    as_first_round: bool,
    as_json: bool,
    repo: str,
    post: bool,
    inline: bool,
    fail_on: str | None,
    github_api: str | None,
    **opts: Any,
) -> int:
    """Consolidate seat results made on other machines into one stored review.

    Every result must be for the same base and head SHAs (and diff); a seat the review
    expected that has no result, or whose run failed, is shown as failed.
    """
    from deepreview.pipeline.finish_from import FinishRequest, execute_finish, prepare_finish
    from deepreview.pipeline.finish_rerun import earlier_outcome, finished_before

    if more_dirs and not from_dirs:
        given = " ".join(shlex.quote(d) for d in more_dirs)
        raise UsageError(
            f"finish reads seat results after --from: `deep-review finish --from {given}`"
        )
    refuse_inline_alone(post, inline)
    cli = _overrides(
        agents=None,
        lead=opts["lead"],
        timeout=None,
        effort=None,
        models=opts["models"],
        store=opts["store"],
        formats=opts["formats"],
        allow_exec=None,
        config=opts["config"],
        yes_trust=opts["yes_trust"],
    )
    cli = dataclasses.replace(cli, fail_on=fail_on)
    env = github_env(github_api)
    # Checked as --agents is (the same names, the same words): a seat name becomes a file name.
    expected = seat_list(expect, "--expect") if expect is not None else None
    if expected == ():
        raise UsageError("--expect is empty; name at least one seat (e.g. --expect claude,codex)")
    req = FinishRequest(
        cwd=Path(repo),
        folders=tuple(Path(d) for d in (*from_dirs, *more_dirs)),
        expect=expected,
        as_first_round=as_first_round,
        cli=cli,
        env=env,
    )
    plan = prepare_finish(req)
    target = plan.prepared.target
    if post and target.pr is None:
        raise UsageError(
            f"--post publishes on a pull request, and the seats reviewed {target.label()}; "
            "run them on the PR (`review 123 --seat-only NAME`) or drop --post"
        )
    if post:
        # As `review --post` before its seats: without credentials the post would fail only
        # after the lead and the report, so it is refused before either (exit 2).
        require_credentials(env, Path(repo))
    for note in plan.prepared.warnings:
        click.echo(with_store(f"note: {note}"), err=True)
    earlier = finished_before(plan)
    if earlier is not None:
        click.echo(
            with_store(
                f"note: these seat results were already finished as review {earlier}; using "
                f"it (`deep-review relead {earlier}` reruns its lead)"
            ),
            err=True,
        )
        outcome = earlier_outcome(plan, earlier)
    else:
        got = ", ".join(f"{r.record.seat} ({r.record.status})" for r in plan.results)
        got = got or "no seat results (every seat failed)"
        click.echo(
            f"Finishing {plan.prepared.target.label()} from {got}; lead: {plan.prepared.lead}",
            err=True,
        )
        with Progress([]) as progress:
            outcome = execute_finish(plan, on_progress=progress)
    return conclude(
        outcome,
        as_json=as_json,
        cwd=Path(repo),
        post=post,
        inline=inline,
        report_url=plan.prepared.settings.report_url,
        threshold=plan.prepared.settings.fail_on,
        env=env,
    )


__all__ = ["finish"]
