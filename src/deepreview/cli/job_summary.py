"""The job summary on GitHub Actions: `$GITHUB_STEP_SUMMARY` names a file per step, and what
is appended to it shows on the run's page (`publish.job_summary` builds the text)."""

from __future__ import annotations

import os

import click


def append_job_summary(text: str) -> None:
    """Append `text` when `GITHUB_STEP_SUMMARY` is set (a blank line after what an earlier
    command of the step wrote). A file that cannot be written is a note: the review is stored
    and its exit code stands, whatever the job summary."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(("\n" if out.tell() > 0 else "") + text)
    except OSError as exc:
        click.echo(
            f"note: cannot write the job summary to {path}: {exc.strerror or exc}; "
            "the review and its exit code are not affected",
            err=True,
        )


__all__ = ["append_job_summary"]
