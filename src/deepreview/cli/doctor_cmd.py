"""`doctor` and `trust`: what a review here would run, and trusting a repository's config.

Their own module, apart from the offline tools (`parse`, `render`, `consolidate`): a CI job
asks `doctor --npm-packages` which CLIs to install before anything else, and the parser,
merging and renderers it would otherwise import cost a `deep-review` start ~0.25 s of CPU.
The table (rich) and the script notes (the command seat's parser) load only when used.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deepreview.agents.base import SeatSettings
from deepreview.agents.registry import PREFERRED_LEADS
from deepreview.cli.options import config_file, repo_option
from deepreview.config import REPO_CONFIG_NAME, load_file, trust_repo_file
from deepreview.config_trust import dangerous_keys
from deepreview.errors import ConfigError, NotARepositoryError, UsageError
from deepreview.pipeline.seats import choose_lead, default_panel, npm_packages, plan_seat
from deepreview.pipeline.seats import doctor as check
from deepreview.runmodel import SCHEMA_VERSION
from deepreview.targets.repo_root import find_repo_root
from deepreview.workspace.workroot import work_root

if TYPE_CHECKING:
    from deepreview.agents.base import Availability
    from deepreview.config import Settings


@click.command()
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the seats as JSON on stdout (with schema_version).",
)
@repo_option("The repository whose seats and config to check")
@click.option(
    "--npm-packages",
    "npm_for",
    metavar="SEATS",
    help="Only print the npm packages of these comma-separated seats' CLIs, space-separated "
    "(for `npm install -g $(deep-review doctor --npm-packages claude,codex)`).",
)
@click.option(
    "--config",
    "config",
    type=click.Path(),
    help="The extra config file a review would be given (`review --config FILE`).",
)
def doctor(as_json: bool, repo: str, npm_for: str | None, config: str | None) -> None:
    """Every known seat: found or not, version, authenticated, usable, and why not."""
    from deepreview.config import CliOverrides
    from deepreview.pipeline.doctor_settings import review_settings

    env = dict(os.environ)
    # The settings a review here would use: the base revision's repository file included
    # (its command seats are seats `--npm-packages` knows, with no package to install), and
    # the `--config` file that review would be given.
    cli = CliOverrides(config_path=config_file(config))
    found = review_settings(Path(repo), env, cli)
    settings, refused = found.settings, found.refused
    if npm_for is not None:
        names = [s.strip() for s in npm_for.split(",") if s.strip()]
        click.echo(" ".join(npm_packages(names, settings, refused)))
        return
    rows = check(settings, env)
    if settings.agents is not None:
        panel = list(settings.agents)
    else:
        panel, _ = default_panel(settings, rows)
    usable = {a.name for a in rows if a.usable}
    try:
        lead = choose_lead(settings, env, None, check=False, usable=usable)
    except UsageError as exc:  # a misspelt `lead` (the refusal says so): the table still shows
        lead, refused = "none", refused or exc.message
    refused = refused or _named_but_unusable(settings.agents, lead, rows)
    script_notes = _script_notes(settings.seats, Path(repo)) if found.in_repository else []
    work = work_root(env)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "schema_version": SCHEMA_VERSION,
                    "seats": [
                        {
                            "name": a.name,
                            "usable": a.usable,
                            "found": a.found,
                            "version": a.version,
                            "authenticated": a.authenticated,
                            "reason": a.reason,
                            "binary": a.binary,
                            "install_hint": a.install_hint,
                            "model_backed": a.model_backed,
                        }
                        for a in rows
                    ],
                    "default_panel": None if refused else panel,
                    "default_lead": None if refused else lead,
                    "review_refused": refused,
                    "config_note": found.copy_note,
                    "script_notes": script_notes,
                    "work_dir": {"path": str(work.path), "note": work.note},
                },
                indent=2,
                allow_nan=False,
            )
        )
        return
    from rich.markup import escape
    from rich.table import Table

    from deepreview.cli.tables import out_console, print_table

    table = Table(title="Deep Review seats")
    for col in ("Seat", "Usable", "Found", "Version", "Auth", "Notes"):
        table.add_column(col)
    for a in rows:
        auth = {True: "yes", False: "no", None: "-"}[a.authenticated]
        note = a.reason
        if not a.found and a.install_hint and a.install_hint not in note:
            note = f"{note}; install: {a.install_hint}" if note else f"install: {a.install_hint}"
        cells = (
            a.name,
            "yes" if a.usable else "no",
            "yes" if a.found else "no",
            a.version or "-",
            auth,
            note,
        )
        # Text such as "[seats.claude]" must not be read as rich markup and vanish.
        table.add_row(*(escape(c) for c in cells))
    print_table(out_console(piped_width=140), table)
    if not any(a.usable and a.model_backed for a in rows):
        # What a review runs then, as the panel line below says it: command seats run too.
        others = [p for p in panel if p != "static"]
        alone = f"run only {', '.join(others)}" if others else "use the static seat"
        if others and "static" in panel:
            alone += " and the static seat"
        if refused and found.in_repository:
            # what a review here would do is the refusal below, not a panel
            click.echo("No model-backed agent is usable.")
        else:
            click.echo(f"No model-backed agent is usable; `deep-review review` will {alone}.")
    for note in script_notes:
        click.echo(f"Note: {note}")
    if work.note is not None:
        # Only when it is not simply the temp dir: where the seats' worktrees go, and why.
        click.echo(f"Note: seat worktrees and homes go in {work.path} ({work.note})")
    source = "" if settings.agents is None else f" (agents from {settings.sources['agents']})"
    if not found.in_repository:
        # `review` here exits 2; what it would run in a repository (by the user's settings
        # alone: a repository's own file may change it) is still worth saying.
        click.echo(
            f"A review here would refuse to start: {refused}; in a repository it would run: "
            f"{', '.join(panel)}; lead: {lead}{source}"
        )
        return
    if refused:
        click.echo(f"A review now would refuse to start: {refused}")
        return
    lead_hint = _unpicked_leads(settings, lead, rows)
    click.echo(f"A review now would run: {', '.join(panel)}; lead: {lead}{source}{lead_hint}")
    if found.copy_note:
        # `review` and `trust` say it too: "from repo config" is the base revision's copy
        click.echo(f"Note: {found.copy_note}")


def _unpicked_leads(settings: Settings, lead: str, rows: Sequence[Availability]) -> str:
    """Why `lead: none` while a seat that can lead is usable: only the default leads are
    tried when none is named, so that seat leads only when named."""
    if lead != "none" or settings.lead == "none":
        return ""
    others = [
        a.name
        for a in rows
        if a.usable and a.name != "static" and plan_seat(a.name, settings).agent.can_lead
    ]
    if not others:
        return ""
    return (
        f" (none of the default leads ({', '.join(PREFERRED_LEADS)}) is usable; "
        f"`--lead {others[0]}` makes {others[0]} the lead)"
    )


def _named_but_unusable(
    agents: Sequence[str] | None, lead: str, rows: Sequence[Availability]
) -> str | None:
    """`review`'s refusal of a seat (named by `--agents`, `DEEP_REVIEW_AGENTS` or a config) or
    a lead that cannot run here, in its words: doctor says what a review would do."""
    by_name = {a.name: a for a in rows}
    named = [("seat", n) for n in agents or ()] + [("lead", lead)]
    for role, name in named:
        a = by_name.get(name)
        if a is not None and not a.usable:
            return f"{role} {name!r} cannot run here: {a.reason or 'not usable'}"
    return None


@click.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@repo_option("The repository whose .deep-review.toml to trust")
def trust(path: str | None, repo: str) -> None:
    """Trust the repository's .deep-review.toml as it is now (re-run after any change)."""
    root = find_repo_root(Path(repo)) if path is None else None
    file = Path(path) if path else find_repo_root(Path(repo)) / REPO_CONFIG_NAME
    if not file.is_file():
        raise ConfigError(f"{file}: no such file; nothing to trust")
    record = trust_repo_file(dict(os.environ), file)
    cfg = load_file(file)
    keys = dangerous_keys(cfg)
    click.echo(f"Trusted {record.path} (sha256 {record.sha256[:12]}…)")
    if keys:
        click.echo(f"It may now run: {', '.join(keys)}")
    seats = {
        n: SeatSettings(argv=tuple(s.argv or ())) for n, s in (cfg.seats if cfg else {}).items()
    }
    for script_note in _script_notes(seats, root or file.resolve().parent):
        click.echo(f"Note: {script_note}")
    if root is not None:
        note = _base_copy_note(root, file)
        if note:
            click.echo(note)


def _script_notes(seats: Mapping[str, SeatSettings], where: Path) -> list[str]:
    """A note per command seat whose argv names files of the repository at `where`: a review
    runs the reviewed head's copies, which trusting the config does not pin."""
    from deepreview.agents.command import repo_scripts_note

    try:
        root = find_repo_root(where)
    except NotARepositoryError:  # `trust PATH` of a file outside any repository
        root = where
    notes = (repo_scripts_note(name, seat.argv, root) for name, seat in seats.items())
    return [n for n in notes if n]


def _base_copy_note(root: Path, file: Path) -> str | None:
    """Trust pins this content; a review reads the base revision's copy, which may differ."""
    from deepreview.config import REPO_CONFIG_NAME
    from deepreview.config_copy import change_edits_config
    from deepreview.targets.default_base import current_branch_base
    from deepreview.targets.git import Git

    base = current_branch_base(root)
    if base is None:
        return None
    name, sha = base
    git = Git(root)
    base_text = git.show_file(sha, REPO_CONFIG_NAME)
    text = file.read_text(encoding="utf-8")
    if base_text == text:
        return None
    what = "which has no such file" if base_text is None else "which holds a different version"
    if change_edits_config(text, base_text, git.show_file("HEAD", REPO_CONFIG_NAME)):
        # committed on the branch: the change's own config, never to be used for its review
        return (
            f"Note: this change {'adds' if base_text is None else 'edits'} {REPO_CONFIG_NAME}, "
            "and a change never configures its own review: a review of the current branch "
            f"reads the base revision's copy ({sha[:7]} on {name}), {what}, so this trust does "
            "not apply to it."
        )
    return (
        f"Note: a review of the current branch reads {REPO_CONFIG_NAME} from its base revision "
        f"({sha[:7]} on {name}), {what}, so this trust does not apply to it; to use this file, "
        f"commit it to {name} or pass `--config {REPO_CONFIG_NAME}`."
    )
