"""`list`, `show`, `open`: read the review store."""

from __future__ import annotations

import json
import os
import tempfile
import webbrowser
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from deepreview.cli.hints import with_store
from deepreview.cli.options import STORE_REPO_HELP, repo_option, store_option
from deepreview.cli.tables import out_console, print_table
from deepreview.config import CliOverrides
from deepreview.errors import StoreError, UsageError
from deepreview.formats import FORMATS, READABLE, renderer
from deepreview.pipeline.memory import row_series
from deepreview.pipeline.store_here import locate_store
from deepreview.runfiles import OPENED_HTML
from deepreview.runmodel import SCHEMA_VERSION
from deepreview.serialize import report_from_data
from deepreview.store.dates import no_date_note, shown_time, utc_time
from deepreview.store.report_files import (
    FILES_MISSING,
    files_missing_error,
    files_missing_line,
    no_report_yet,
    relead_mend,
    report_file_problems,
)
from deepreview.store.repository import repository_labels
from deepreview.store.rows import shown_round
from deepreview.store.runlock import run_status
from deepreview.store.store import Store
from deepreview.untrusted_text import clean_text, escape_json_controls


def _store(store: str | None, repo: str, *, check: bool = True, writes: bool = False) -> Store:
    """The store a reading command uses, checked (`Store.ensure_readable`) and its index
    readable (`pipeline.reindex.ready`; `check=False`: `reindex`, which repairs it).
    `writes`: the command changes it (`delete`, `decline`), refused first for a store a newer
    deep-review wrote."""
    st = locate_store(Path(repo), CliOverrides(store=store), dict(os.environ))
    st.ensure_readable(named=store is not None)
    if writes:
        st.refuse_if_newer()
    if check:
        from deepreview.pipeline.reindex import ready

        ready(st)
    return st


_repo_opt = repo_option(STORE_REPO_HELP)


def sweep_leftovers(st: Store) -> None:
    """Remove what killed reviews' seats left (worktrees, homes), saying so on stderr."""
    from deepreview.store.leftovers import sweep_killed

    for note in sweep_killed(st):
        click.echo(with_store(f"note: {note}"), err=True)


@click.command("list")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the reviews as JSON on stdout (with schema_version).",
)
@store_option
@_repo_opt
def list_(as_json: bool, store: str | None, repo: str) -> None:
    """Stored reviews, newest first: date, review, repository, target, round, verdict, C/I/S,
    reviewers."""
    from deepreview.pipeline.index_step import repair_index
    from deepreview.store.newer import set_newer_notice

    newer: list[str] = []
    if as_json:
        # A store a newer deep-review wrote is said among the JSON's notes, what a script
        # reads, and not on stderr a second time.
        set_newer_notice(newer.append)
    st = _store(store, repo)
    sweep_leftovers(st)
    repair_index(st)  # index.html too must follow run.json, not only this listing
    rows = st.rows()
    # A run.json edited by hand: its date is unknown, said as `stats` says it.
    notes = newer + [
        no_date_note(r.id, r.created_at) for r in rows if utc_time(r.created_at) is None
    ]
    # A store may be shared by repositories reviewing branches of the same name: each row says
    # whose it is, and its round in that repository's series.
    repos = repository_labels(rows)
    # A complete review whose report files were deleted or damaged by hand: `files missing`,
    # not complete, and a note saying which file, why, and how to mend it.
    missing = {r.id: report_file_problems(st.root, r.id) for r in rows if r.status == "complete"}
    status = {r.id: FILES_MISSING if missing.get(r.id) else r.status for r in rows}
    notes += [files_missing_line(st.root, rid, why) for rid, why in missing.items() if why]
    if as_json:
        click.echo(
            json.dumps(
                {
                    "schema_version": SCHEMA_VERSION,
                    "reviews": [
                        {
                            "id": r.id,
                            "date": utc_time(r.created_at),
                            "target": r.target,
                            "status": status[r.id],
                            "missing_files": list(missing.get(r.id, {})),
                            "file_problems": missing.get(r.id, {}),
                            "verdict": r.verdict,
                            "critical": r.critical,
                            "important": r.important,
                            "suggestions": r.suggestions,
                            "reviewers": list(r.reviewers),
                            "base_sha": r.base_sha,
                            "head_sha": r.head_sha,
                            "repo": repos[r.id],
                            "repo_key": r.repo_key,
                            "series": row_series(r),
                            "round": shown_round(r) or None,
                        }
                        for r in rows
                    ],
                    "notes": [with_store(n) for n in notes],  # as stderr says them
                },
                indent=2,
                allow_nan=False,
            )
        )
        return
    for note in notes:
        click.echo(with_store(f"note: {note}"), err=True)
    if not rows:
        click.echo(
            with_store(f"No reviews stored in {st.root} yet; `deep-review review` stores one.")
        )
        return
    table = Table(title="Deep Review store")
    cols = ("Date (UTC)", "Review", "Repo", "Target", "Round", "Verdict", "C", "I", "S")
    widest_id = max(len(r.id) for r in rows)
    for col in (*cols, "Reviewers"):
        # The ID is what `show`/`open`/`delete` take: never cut or wrapped (other cells wrap).
        if col == "Review":
            table.add_column(col, no_wrap=True, min_width=widest_id)
        else:
            table.add_column(col)
    for r in rows:
        same = status[r.id] == "complete" or r.verdict.lower() == status[r.id]
        verdict = r.verdict if same else f"{r.verdict} ({status[r.id]})"
        cells = (
            shown_time(r.created_at),
            r.id,
            clean_text(repos[r.id]),  # the folder's name: anything a file name may hold
            clean_text(r.target),
            str(shown_round(r) or ""),
            verdict,
            str(r.critical),
            str(r.important),
            str(r.suggestions),
            clean_text(", ".join(r.reviewers)),  # as stored by an older version, too
        )
        # Text, not markup: a folder named `app[red]v2` keeps its `[red]`
        table.add_row(*(Text(c) for c in cells))
    print_table(out_console(piped_width=160), table)


@click.command()
@click.argument("review_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="md",
    help="Format to print (default: md; one the review did not store is rendered from its JSON).",
)
@store_option
@_repo_opt
def show(review_id: str, fmt: str, store: str | None, repo: str) -> None:
    """Print a stored review (a format the review did not store is rendered from its JSON)."""
    text = _report_text(_store(store, repo), review_id, fmt)
    # For a terminal: a review stored before the repository's text (a commit subject, a PR's
    # title) was cleaned may hold escapes; the JSON formats stay valid JSON (C1 as `\u009b`).
    click.echo(clean_text(text) if fmt in READABLE else escape_json_controls(text), nl=False)


def _report_text(st: Store, review_id: str, fmt: str) -> str:
    """The review in `fmt`: its stored file, else rendered from its JSON record (`show` and
    `open` both read a review this way). A damaged JSON record is refused whatever the format:
    the other files were written from the same report, and `relead` or `delete` mends it."""
    from pydantic import ValidationError

    from deepreview.errors import ParseError

    files = st.report_files(review_id)
    # A review whose folder was deleted by hand is not listed, but its report still shows.
    row = st.get(review_id) if not files else None
    status = run_status(st.root / review_id) if files else None
    if status not in (None, "complete"):
        # Report files run.json does not call complete: a review killed while it wrote them
        # (run.json says complete last), whose report may be half of one.
        raise _no_report(review_id, status)
    complete = files or (row is not None and row.status == "complete")
    if complete and (st.root / review_id).is_dir():
        # Complete, but some of its report files deleted or emptied by hand: what is left may
        # not be all the review said, and `list` calls it `files missing`.
        gone = report_file_problems(st.root, review_id)
        if gone:
            raise files_missing_error(st.root, review_id, gone)
    path = st.root / renderer(fmt).file_name(review_id)
    record = st.root / renderer("json").file_name(review_id)
    report = None
    if record in files:
        try:
            report = report_from_data(json.loads(record.read_text(encoding="utf-8")), str(record))
        except ParseError:
            if path not in files:
                raise  # from a newer deep-review: its stored files still print
        except (ValueError, ValidationError) as exc:  # truncated or edited by hand
            raise StoreError(
                f"the report {record} is damaged ({str(exc).splitlines()[0]}); "
                f"{relead_mend(st.root, review_id, 'it')}, "
                f"or `deep-review delete {review_id}` removes the review"
            ) from exc
    if path in files:
        return path.read_text(encoding="utf-8", errors="replace")
    if report is None:
        raise _no_report(review_id, row.status if row is not None else "unknown")
    return renderer(fmt).render(report)


def _no_report(review_id: str, status: str) -> UsageError:
    if status == "running":  # `show` of a review still working: its report is coming
        return UsageError(
            f"review {review_id} has no report yet (status: running); wait for it to finish"
        )
    return no_report_yet(review_id, status)


@click.command("open")
@click.argument("review_id")
@store_option
@_repo_opt
def open_(review_id: str, store: str | None, repo: str) -> None:
    """Open the review's HTML page in the default browser (prints the path without one)."""
    st = _store(store, repo)
    # A folder deleted by hand, a damaged JSON record: one line, as `show` says it.
    review_dir = st.review_dir(review_id)
    html = _report_text(st, review_id, "html")
    path = st.root / renderer("html").file_name(review_id)
    if not path.exists():
        # Stored without HTML (`--format md`): rendered from the JSON, as `show` would.
        path = review_dir / OPENED_HTML
        try:
            path.write_text(html, encoding="utf-8")
        except OSError:  # a read-only store: the page goes to a temp file instead
            fd, name = tempfile.mkstemp(prefix=f"{review_id}-", suffix=".html")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(html)
            path = Path(name)
    opened = False
    try:
        opened = webbrowser.open(path.resolve().as_uri())
    except webbrowser.Error:
        opened = False
    if not opened:
        click.echo(str(path))
    else:
        # a browser command that starts and then fails on its own (xdg-open with no display)
        # is still "opened": the page is named, so the user is never left with nothing
        click.echo(
            f"Opened {path} in the browser; if none appeared, open that file yourself", err=True
        )
