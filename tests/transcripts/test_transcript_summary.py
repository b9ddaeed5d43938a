from __future__ import annotations

from deepreview.transcripts import (
    ToolCall,
    TranscriptStats,
    highlights,
    highlights_from_counts,
    table_cell,
    table_cell_from_counts,
)


def _stats(calls: list[ToolCall], denials: tuple[str, ...] = ()) -> TranscriptStats:
    return TranscriptStats(
        format="claude", model=None, cli_duration_ms=None, tokens_in=None, tokens_out=None,
        cost_usd=None, tool_calls=tuple(calls), permission_denials=denials, errors=(), retries=0,
        ended_normally=True, is_error=False, final_text="", malformed_lines=0, lines=0,
    )  # fmt: skip


def _seed_claude_calls() -> list[ToolCall]:
    return (
        [ToolCall("Read", detail=f"f{i}.go") for i in range(10)]
        + [ToolCall("Bash", command=f"git blame -L {i},+5 a.go") for i in range(7)]
        + [ToolCall("Bash", command="git diff HEAD~1")]
        + [ToolCall("Grep", detail="stopHostSwitch") for _ in range(5)]
    )


def test_highlights_matches_the_seed_line() -> None:
    stats = _stats(_seed_claude_calls())
    assert highlights(stats) == "23 calls. 10 Read, 8 Bash (7 `git blame`, 1 `git diff`), 5 Grep."
    assert table_cell(stats) == "23 (Read 10, Bash 8, Grep 5)"


def test_highlights_counts_ties_by_name_and_denials() -> None:
    calls = [ToolCall("Read"), ToolCall("Grep"), ToolCall("Bash", command="rm -rf x", denied=True)]
    text = highlights(_stats(calls, denials=("Bash: rm -rf x",)))
    # The refused `rm` never ran: the breakdown of commands that ran leaves it out.
    assert text == "3 calls. 1 Bash, 1 Grep, 1 Read. 1 denied."


def test_highlights_empty_and_singular() -> None:
    assert highlights(_stats([])) == "0 calls."
    assert table_cell(_stats([])) == "0"
    assert highlights(_stats([ToolCall("Read")])) == "1 call. 1 Read."


def test_highlights_from_counts_seed_codex_shape() -> None:
    text = highlights_from_counts(
        52,
        [("exec_command", 51), ("write_stdin", 1)],
        [("sed -n", 21), ("nl", 11), ("rg", 9), ("git blame", 5), ("go test", 3), ("go doc", 2)],
    )
    # a single label left after five is named, not folded into "2 other"
    assert text == (
        "52 calls. 51 exec_command (21 `sed -n`, 11 `nl`, 9 `rg`, 5 `git blame`, 3 `go test`,"
        " 2 `go doc`), 1 write_stdin."
    )
    assert table_cell_from_counts(52, [("exec_command", 51), ("write_stdin", 1)]) == (
        "52 (exec_command 51, write_stdin 1)"
    )


def test_highlights_caps_tools_and_places_breakdown_when_shell_is_folded() -> None:
    counts = [(f"t{i}", 10 - i) for i in range(9)] + [("bash", 1)]
    text = highlights_from_counts(55, counts, [("git log", 1)], max_tools=3)
    assert text == "55 calls. 10 t0, 9 t1, 8 t2, 28 other. Shell commands: 1 `git log`."


def test_table_cell_names_three_tools_and_sums_the_rest() -> None:
    counts = [("grep_search", 7), ("read_file", 4), ("run_shell_command", 2), ("glob", 1)]
    # a single tool left over is named, as the highlights name it
    assert table_cell_from_counts(14, counts) == (
        "14 (grep_search 7, read_file 4, run_shell_command 2, glob 1)"
    )
    counts += [("ls", 1)]
    assert table_cell_from_counts(15, counts) == (
        "15 (grep_search 7, read_file 4, run_shell_command 2, other 2)"
    )


def test_backtick_in_label_is_kept_readable() -> None:
    assert highlights_from_counts(1, [("Bash", 1)], [("`x`", 1)]) == "1 call. 1 Bash (1 `` `x` ``)."


def test_only_two_or_more_labels_fold_into_other() -> None:
    """Trial 34: `23 Bash (4 git blame, …, 4 rg, 3 other)` where the 3 were all `sed -n`."""
    labels = [("git blame", 4), ("git diff", 4), ("git log", 4), ("git show", 4), ("rg", 4)]
    one_more = highlights_from_counts(23, [("Bash", 23)], [*labels, ("sed -n", 3)])
    assert one_more.endswith("4 `rg`, 3 `sed -n`).")
    two_more = highlights_from_counts(23, [("Bash", 23)], [*labels, ("sed -n", 2), ("nl", 1)])
    assert two_more.endswith("4 `rg`, 3 other).")
    tools = [(f"t{i}", 9 - i) for i in range(9)]
    assert highlights_from_counts(45, tools).endswith("2 t7, 1 t8.")
    assert highlights_from_counts(46, [*tools, ("t9", 1)]).endswith("2 t7, 2 other.")
