"""`reindex` and `delete`: mend the review store by hand."""

from __future__ import annotations

from pathlib import Path

import click

from deepreview.cli.hints import with_store
from deepreview.cli.options import confirmed, store_option
from deepreview.cli.store_cmd import _repo_opt, _store, sweep_leftovers
from deepreview.errors import UsageError
from deepreview.store.declines_file import DECLINES_JSON


@click.command()
@store_option
@_repo_opt
def reindex(store: str | None, repo: str) -> None:
    """Rebuild the store's index.sqlite from its review folders (run.json and <ID>.json)."""
    from deepreview.pipeline.reindex import reindex as rebuild

    st = _store(store, repo, check=False, writes=True)  # a newer index holds what it would lose
    if not st.root.is_dir():
        raise UsageError(f"no review store at {st.root}; nothing to rebuild")
    sweep_leftovers(st)
    done = rebuild(st)
    for line in done.skipped:
        click.echo(with_store(f"note: skipped {line}"), err=True)
    if done.moved_to is not None:
        if done.declines_restored is None:  # a store from before `declines.json` was written
            declines = (
                "the declines recorded in it are lost (`deep-review decline` records them again)"
            )
        else:
            n = done.declines_restored
            declines = f"its {n} decline{'' if n == 1 else 's'} came back from {DECLINES_JSON}"
        click.echo(f"note: the damaged index was moved to {done.moved_to}; {declines}", err=True)
    dropped = f", dropped {len(done.dropped)} whose folder is gone" if done.dropped else ""
    kept = (
        f", kept {len(done.kept)} as indexed before whose run.json cannot be read (see above)"
        if done.kept
        else ""
    )
    noun = "review" if done.reviews == 1 else "reviews"
    click.echo(f"Rebuilt the index of {st.root}: {done.reviews} {noun}{kept}{dropped}.")


@click.command()
@click.argument("review_id")
@click.option("--yes", is_flag=True, help="Delete without asking (needed with no terminal).")
@click.option(
    "--force",
    is_flag=True,
    help="Delete even a round a later round builds on (never a review a process still runs).",
)
@store_option
@_repo_opt
def delete(review_id: str, yes: bool, force: bool, store: str | None, repo: str) -> None:
    """Delete a stored review: its folder, report files and index row."""
    from deepreview.pipeline.reindex import check_delete, delete_review

    st = _store(store, repo, writes=True)  # refused before asking, as every refusal
    sweep_leftovers(st)  # a killed review's worktrees go whatever the answer below
    note = check_delete(st, review_id, force=force)  # before asking: the answer would not matter
    if note:
        click.echo(with_store(f"note: {note}"), err=True)
    if not confirmed(
        yes, f"Delete review {review_id} from {st.root}?", f"deleting review {review_id}", "delete"
    ):
        click.echo("Nothing deleted.", err=True)
        return
    removed = delete_review(st, review_id)
    click.echo(f"Deleted review {review_id} (removed: {_removed_text(removed, review_id)}).")


def _removed_text(removed: list[Path], review_id: str) -> str:
    """`the folder and 3 report files`: what went, counted in words that agree with it."""
    files = sum(1 for p in removed if p.name != review_id)
    parts = ["the folder"] if len(removed) > files else []
    if files:
        parts.append(f"{files} report file{'' if files == 1 else 's'}")
    return " and ".join(parts) or "only its index row"
