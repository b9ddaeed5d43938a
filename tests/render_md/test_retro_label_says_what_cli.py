"""The retro names a finding by a label that says what the finding is. A finding titled
"`add` now subtracts when b is negative" read `I1 (add)` in the Unique insights cell: the code
span alone, its words and its backticks gone. Now the title itself, code spans kept, cut at a
word boundary with an ellipsis when it is long."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import NO_FINDINGS, review_printed

FINDINGS = (
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n"
    "- **[I1] `add` now subtracts when b is negative** — `calc.py:2`\n"
    "  `add(2, -1)` returns 3; the branch for a negative b subtracts it twice.\n\n"
    "### Suggestions\n\n"
    "- **[S1] The helpers and their callers in the module have no docstrings at all anywhere**"
    " — `calc.py:1`\n  Nothing says what each helper promises.\n"
)


def test_retro_labels_keep_code_spans_and_are_cut_at_a_word(tmp_path: Path) -> None:
    res, out, _ = review_printed(tmp_path, {"able": FINDINGS, "calm": NO_FINDINGS})
    assert res.returncode == 0, res.stderr[-2000:]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = md.split("## Agent Performance Retro")[1]
    row = next(ln for ln in retro.splitlines() if ln.startswith("| Unique insights |"))
    assert "(`add` now subtracts when b is negative)" in row, row
    assert "(add)" not in row, row
    long = row.split("(#s1) (")[1].split(")")[0]
    assert long.endswith("…"), row
    assert long.startswith("The helpers and their"), row
    words = "The helpers and their callers in the module have no docstrings at all anywhere"
    assert words.startswith(long.removesuffix("…")), row  # cut between words, not in one
