"""What the retro tells of a seat's run as it was measured: the Duration, Tool calls, Tokens
and Cost cells (`NONE` where nothing was measured), the narrative's facts about how the run went
(`git blame` run, attempted writes, denied calls, tool errors, API retries, a modified worktree,
truncated output: `run_facts`) and the narrative of a seat that failed (`failed_narrative`).
"""

from __future__ import annotations

from deepreview.consolidate.inputs import SeatReview
from deepreview.runmodel import SeatRun, format_duration, format_usd, with_notes
from deepreview.transcripts.denials import denied_cell
from deepreview.transcripts.stats import EDIT_TOOLS
from deepreview.transcripts.summary import table_cell_from_counts

NONE = "—"  # a cell with nothing to measure (a failed seat's findings, an unmeasured run)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def duration_cell(sr: SeatReview) -> str:
    run = sr.run
    if sr.review is None:
        # The time it ran too: a timeout's reason names the limit, not what was measured.
        ran = (
            ""
            if run is None or run.duration_s is None
            else f" after {format_duration(run.duration_s)}"
        )
        return f"failed{ran} ({sr.failure})"
    if run is None or run.duration_s is None:
        return NONE
    return format_duration(run.duration_s)


def tool_cell(run: SeatRun | None) -> str:
    if run is None or run.tool_calls is None:
        return NONE  # a command seat's program tells none: unknown, not 0
    if not run.tool_calls and not run.tool_counts:
        return "0"
    return table_cell_from_counts(run.tool_calls, run.tool_counts)


def tokens_cell(run: SeatRun | None) -> str:
    """`200000 in, 30000 out`, as the lead's run line counts them."""
    if run is None:
        return NONE
    parts = [
        f"{n} {which}"
        for n, which in ((run.tokens_in, "in"), (run.tokens_out, "out"))
        if n is not None
    ]
    return ", ".join(parts) or NONE


def cost_cell(run: SeatRun | None) -> str:
    return NONE if run is None or run.cost_usd is None else format_usd(run.cost_usd)


def run_facts(run: SeatRun | None) -> str:
    if run is None:
        return ""
    facts: list[str] = []
    blame = sum(n for label, n in run.shell_breakdown if label.startswith("git blame"))
    if run.shell_breakdown:
        if blame:
            facts.append(f"Ran {blame} `git blame` command{'' if blame == 1 else 's'}.")
        else:
            facts.append("Ran no `git blame`.")
    # a review offers no edit tool: a call to one is an attempt to write, refused or not
    edits = [plural(n, f"{name} call") for name, n in run.tool_counts if name in EDIT_TOOLS]
    if edits:
        facts.append(f"Tried to write files: {', '.join(edits)}.")
    if run.permission_denials:
        named = denied_cell(run.permission_denials, run.denied_commands)
        facts.append(f"{plural(run.permission_denials, 'tool call')} denied{named}.")
    if run.tool_errors:
        facts.append(f"{plural(run.tool_errors, 'tool error')}.")
    if run.api_retries:
        retries = "1 API retry" if run.api_retries == 1 else f"{run.api_retries} API retries"
        # what they were, when the CLI said ("authentication failed (HTTP 401)"): not a guess
        causes = f" ({'; '.join(run.api_retry_causes)})" if run.api_retry_causes else ""
        facts.append(f"{retries}{causes}.")
    if run.worktree_changes:
        facts.append(f"Modified the worktree ({plural(len(run.worktree_changes), 'path')}).")
    if run.output_truncated:
        facts.append("Its output was truncated.")
    exited = with_notes(run.reason, ()) or ""  # (its notes, "review cut off", are said above)
    if run.status == "ok" and exited.startswith("exited with code"):
        # a command seat's non-zero exit, its printed review used (`seat_output`)
        facts.append(f"Its program {exited}; the review it printed was read.")
    return " ".join(facts)


def failed_narrative(sr: SeatReview) -> str:
    if sr.output.strip():
        # it wrote something (a review, even): shown in the appendix, not read for findings
        text = (
            f"{sr.reviewer.name} failed: {sr.failure}. What it printed is in the appendix, "
            "marked as failed and not read for findings, so it raised none of this report's "
            "findings."
        )
    else:
        text = (
            f"{sr.reviewer.name} failed: {sr.failure}. It produced no review, so it raised none "
            "of this report's findings."
        )
    usage = run_facts(sr.run)
    return f"{text}\n\n{usage}" if usage else text
