"""`deep-review stats`: which reviewers earn their seat, from the store's history."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from typing import TYPE_CHECKING, Final

import click

from deepreview.cli.hints import with_store
from deepreview.cli.options import STORE_REPO_HELP, repo_option, series_option, store_option
from deepreview.cli.scope import store_and_repository
from deepreview.errors import UsageError
from deepreview.stats.cells import COLUMNS, no_lead_note, row_cells

if TYPE_CHECKING:
    from deepreview.stats.aggregate import StatsTable
    from deepreview.store.history import History, Scope
    from deepreview.store.store import Store


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip())
        if shaped is not None:
            # written right, yet no calendar has it: "use a date like …" was done already
            raise UsageError(
                f"--since {value!r} is no day of the calendar ({exc}); give a real date"
            ) from exc
        raise UsageError(f"--since {value!r}: use a date like 2026-03-01") from exc


def _unfiltered(st: Store, scope: Scope) -> int:
    """Complete reviews `scope` would count without its --since / --series filters."""
    from deepreview.store.history import Scope

    wider = Scope(repo=scope.repo)
    return sum(1 for row in st.rows() if wider.admits(row))


def _no_match(scope: Scope, held: int) -> str:
    """An empty scope that only its filters emptied: the filters are the fix, not a review."""
    filters = ", ".join(
        part
        for part in (
            f"--since {scope.since}" if scope.since else "",
            f"--series {scope.series}" if scope.series else "",
        )
        if part
    )
    where = f" of repository {scope.repo.name}" if scope.repo else ""
    return (
        f"No review matches {filters}: the store holds {held} complete "
        f"review{'' if held == 1 else 's'}{where}; widen or drop the filter."
    )


def _notes(table: StatsTable, history: History, no_match: str | None) -> list[str]:
    notes: list[str] = []
    if table.reviews == 1:
        notes.append("Only one review in scope: these numbers describe it, not a trend.")
    if not table.reviews:
        notes.append(no_match or "No complete reviews in scope; run `deep-review review` first.")
    no_lead = no_lead_note(table)
    if no_lead:
        notes.append(no_lead)
    if table.reviews and not table.reviews_with_lead:
        notes.append("Survival is n/a: no review in scope had a lead.")
    notes.extend(f"Skipped {line}." for line in history.skipped)
    return notes


def _scope_text(scope: Scope, every: str = "every repository") -> str:
    """`every`: how all repositories read in the line (none found: "any repository")."""
    parts = [f"repository {scope.repo.name}" if scope.repo else every]
    if scope.series:
        parts.append(f"series {scope.series}")
    if scope.since:
        parts.append(f"since {scope.since}")
    return ", ".join(parts)


@click.command()
@store_option
@repo_option(STORE_REPO_HELP)
@click.option("--since", metavar="DATE", help="Only reviews created on or after DATE (YYYY-MM-DD).")
@click.option("--series", metavar="S", help="Only one PR or branch: 123, #123, or a branch name.")
@click.option(
    "--repo-wide",
    is_flag=True,
    help="Every repository in the store (default: the current repository's reviews).",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable, with schema_version.")
@click.option("--csv", "as_csv", is_flag=True, help="One CSV row per seat.")
def stats(
    store: str | None,
    repo: str,
    since: str | None,
    series: str | None,
    repo_wide: bool,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Per seat (name + model): survival, unique insights, cost per surviving finding, ..."""
    from deepreview.runmodel import SCHEMA_VERSION
    from deepreview.stats.aggregate import RECORD_FIELDS, aggregate, seat_record
    from deepreview.store.history import Scope, load_history

    if as_json and as_csv:
        raise UsageError("--json and --csv exclude each other; pick one")
    st, here = store_and_repository(store, repo)
    scope = Scope(
        repo=None if repo_wide else here,
        since=_since(since),
        series=series_option(series),
    )
    history = load_history(st, scope)
    table = aggregate(history.reviews)
    no_match = None
    if not table.reviews and (scope.since or scope.series):
        held = _unfiltered(st, scope)
        no_match = _no_match(scope, held) if held else None
    notes = _notes(table, history, no_match)
    if as_json:
        data = {
            "schema_version": SCHEMA_VERSION,
            "store": str(st.root),
            "scope": {
                "repo": scope.repo.name if scope.repo else None,
                "since": scope.since,
                "series": scope.series,
            },
            "reviews": table.reviews,
            "reviews_with_lead": table.reviews_with_lead,
            "first": table.first,
            "last": table.last,
            "notes": [with_store(n) for n in notes],  # as stderr says them
            "seats": [seat_record(s) for s in table.seats],
        }
        click.echo(json.dumps(data, indent=2, allow_nan=False))
        return
    if as_csv:
        out = io.StringIO()
        records = [seat_record(s) for s in table.seats]
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(RECORD_FIELDS)
        for record in records:
            writer.writerow([_csv_cell(record[f]) for f in RECORD_FIELDS])
        click.echo(out.getvalue(), nl=False)
        # stdout is the table alone (a spreadsheet reads it); what the notes say goes beside it.
        for note in notes:
            click.echo(with_store(f"note: {note}"), err=True)
        return
    _print_table(st, scope, table, notes, no_match)


# What a spreadsheet reads as the start of a formula (or of a DDE command).
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> object:
    """A seat's name or model label may come from the reviewed repository's config: text a
    spreadsheet would run as a formula is written as text, led by `'`. Numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


def _print_table(
    st: Store, scope: Scope, table: StatsTable, notes: list[str], no_match: str | None
) -> None:
    from rich.table import Table
    from rich.text import Text

    from deepreview.cli.tables import out_console, print_table

    # A pipe or a file gets every column unwrapped; a terminal its own width.
    console = out_console(piped_width=240)
    if not table.reviews and no_match is not None:
        console.print(f"{no_match} Store: {st.root}", markup=False, highlight=False)
        return
    if not table.reviews:
        hint = "" if scope.repo is None else " (--repo-wide counts every repository)"
        console.print(
            with_store(
                f"No complete reviews in {st.root} for {_scope_text(scope, 'any repository')}"
                f"{hint}. Run `deep-review review` first; statistics need at least one stored "
                "review."
            ),
            markup=False,
            highlight=False,
        )
        return
    span = f"{(table.first or '')[:10]} to {(table.last or '')[:10]}"
    title = (
        f"Reviewers — {table.reviews} review{'' if table.reviews == 1 else 's'} "
        f"({table.reviews_with_lead} with a lead), {_scope_text(scope)}, {span}"
    )
    # Text, not markup: a repository or model named `x[red]` keeps its `[red]`
    out = Table(title=Text(title), title_justify="left")
    for col in COLUMNS:
        out.add_column(col)
    for s in table.seats:
        out.add_row(*(Text(c) for c in row_cells(s)))
    print_table(console, out)
    for note in notes:
        console.print(f"note: {note}", markup=False, highlight=False)
