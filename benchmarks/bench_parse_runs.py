"""Parse time of a seat's review holding one very long run of a delimiter (trial 45b #11).

Run: .venv/bin/python benchmarks/bench_parse_runs.py [--size BYTES] [--chars CHARS] [--only
leftovers] [--name PART]

A review quotes a line of the change made of one character (a 200 KB line of backticks), in
each place a review may hold it: a finding's text, its title, a heading, a paragraph, a list
item, a quote, a table cell, the preamble, a `<details>` summary, bold text.  Each review is
parsed at `--size` and at half of it: a ratio near 2 is linear growth, near 4 quadratic.  Then
the regex audit's leftovers (`--only leftovers` for those alone): runs in a report's appendix
and section headings, a finding heading's ` [` or blanks, a Design Observations concern of `[`
(consolidated, and its report rendered
in Markdown and HTML; `[a](` runs too), empty lines in a contained review, an opencode log
line, each through the public function that reads it.  Not a test: it prints times and exits 0
(`tests/findings/test_review_long_runs.py`, `test_regex_leftovers.py` hold the inputs the
quadratic code hung on).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from deepreview.agents.opencode_log import log_retries
from deepreview.consolidate.files import ReviewText, consolidate_reviews
from deepreview.findings.parse import parse_review
from deepreview.findings.report_parse import parse_report
from deepreview.markdown_contain import contain
from deepreview.model import Report
from deepreview.render.html import render_html
from deepreview.render.markdown import render_markdown

HEAD = "## Findings\n\n### Critical Issues\n\n"
TAIL = "\n\n### Important Issues\n\nNone.\n"
FINDING = "- **C1** Bug — `calc.py:1`\n  "
SHAPES: dict[str, Callable[[str], str]] = {
    "finding text": lambda r: HEAD + FINDING + r + TAIL,
    "title": lambda r: HEAD + "- **C1** " + r + " — `calc.py:1`\n" + TAIL,
    "heading": lambda r: HEAD + "### " + r + "\n" + TAIL,
    "paragraph": lambda r: HEAD + r + TAIL,
    "list item": lambda r: HEAD + "- " + r + TAIL,
    "quote": lambda r: HEAD + "> " + r + TAIL,
    "table cell": lambda r: HEAD + "| a | b |\n|---|---|\n| " + r + " | x |\n" + TAIL,
    "preamble": lambda r: r + "\n" + HEAD + TAIL,
    "summary": lambda r: HEAD + "<details>\n<summary>" + r + "</summary>\n</details>\n" + TAIL,
    "bold": lambda r: HEAD + "**" + r + "**\n" + TAIL,
    "code span": lambda r: HEAD + FINDING + "`a.py` " + r + " `b.py:3`" + TAIL,
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    parse_review(text, seat="bench")
    return time.perf_counter() - start


def _concern(text: str) -> Report:
    review = f"{HEAD}{FINDING}Text.\n\n## Design Observations\n\n### Concerns\n\n- {text}\n"
    return consolidate_reviews([ReviewText("claude", review)])


def _rendered_concern(text: str) -> Callable[[str], object]:
    """Times the rendering alone: the report is consolidated before the clock starts."""
    report = _concern(text)
    return lambda _: render_markdown(report)


def _html_concern(text: str) -> Callable[[str], object]:
    """Times `render_html` of that report alone."""
    report = _concern(text)
    return lambda _: render_html(report)


def _read_back_concern(text: str) -> Callable[[str], object]:
    """Times `parse_report` of that rendered report alone."""
    md = render_markdown(_concern(text))
    return lambda _: parse_report(md)


def _log_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a.log").write_text(f'message="stream error" {text}\n', encoding="utf-8")
        log_retries(Path(folder))


def _appendix(heading: str) -> None:
    parse_report(f"# Review\n\n## Appendix\n\n{heading}\n\nThe review.\n")


# (name, function, input of about n characters); a `_STAGED` function makes the one timed:
# the report of a Design Observations concern of the input, rendered (Markdown or HTML) or read
# back. A `(floor)` entry is punctuation markdown-it makes nothing of: its time per character
# is what any text costs, the rest the scans of hostile runs
LEFTOVERS: list[tuple[str, Callable[[str], object], Callable[[int], str]]] = [
    ("appendix: name, blanks", _appendix, lambda n: "### Claude" + " " * n + "x"),
    ("appendix: [name] x, blanks", _appendix, lambda n: "### [Claude] x" + " " * n + "y"),
    ("appendix: name, ( run", _appendix, lambda n: "### Claude" + "(" * n),
    ("appendix title, blanks", parse_report, lambda n: "## Appendix: Claude" + " " * n + "x"),
    ("heading ` [` run", lambda t: parse_review(t, seat="bench"), lambda n: f"{HEAD}### C1: Bug"
     + " [" * (n // 2) + "\n`calc.py:1`\n" + TAIL),
    ("heading place, blanks", lambda t: parse_review(t, seat="bench"), lambda n: f"{HEAD}#### "
     "`calc.py:1`" + " " * n + "x — Title\n\nText.\n" + TAIL),
    ("heading title, blanks", lambda t: parse_review(t, seat="bench"), lambda n: f"{HEAD}#### "
     "`calc.py:1` — Title" + " " * n + "x\n\nText.\n" + TAIL),
    ("report section, blanks", parse_report, lambda n: "# R\n\n## Executive Summary\n\nFine."
     "\n\n## Notes" + " " * n + "x\n\nText.\n"),
    ("concern `[` run", _concern, lambda n: "[" * n),
    ("concern `[a](` run", _concern, lambda n: "[a](" * (n // 4)),
    ("render: concern `[` run", _rendered_concern, lambda n: "[" * n),
    ("render: concern `x[` run", _rendered_concern, lambda n: "x[" * (n // 2)),
    ("render: concern `]` run (floor)", _rendered_concern, lambda n: "]" * n),
    ("render: concern `[a](` run", _rendered_concern, lambda n: "[a](" * (n // 4)),
    ("html: concern `[` run", _html_concern, lambda n: "[" * n),
    ("html: concern `[a](` run", _html_concern, lambda n: "[a](" * (n // 4)),
    ("html: concern `]` run (floor)", _html_concern, lambda n: "]" * n),
    ("read back: concern `[` run", _read_back_concern, lambda n: "[" * n),
    ("appendix entry, empty lines", _appendix, lambda n: "### [Claude]\n\na" + "\n" * n + "b"),
    ("contain, empty lines", contain, lambda n: "a" + "\n" * n + "b"),
    ("lines of `| a | b |` rows", lambda t: parse_review(t, seat="bench"), lambda n: HEAD
     + "| f.py | ok |\n" * (n // 14) + TAIL),
    ("lines of `+--+` rules", lambda t: parse_review(t, seat="bench"), lambda n: HEAD
     + "+--+\n" * (n // 5) + TAIL),
    ("opencode log `.` run", _log_line, lambda n: "." * n),
    ("opencode log word", _log_line, lambda n: "a" * n),
]  # fmt: skip


_STAGED: Final = (_rendered_concern, _html_concern, _read_back_concern)


def _time(fn: Callable[[str], object], text: str) -> float:
    if fn in _STAGED:
        fn = fn(text)  # type: ignore[assignment]
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=200_000)
    ap.add_argument("--chars", default="`*_[<|#~>-")
    ap.add_argument("--only", choices=("shapes", "leftovers"))
    ap.add_argument("--name", default="", help="only the leftovers whose name holds this")
    args = ap.parse_args()
    if args.only != "leftovers":
        print(f"{'run':<5} {'where':<14} {args.size // 2:>9} B {args.size:>9} B  ratio")
        for char in args.chars:
            for name, shape in SHAPES.items():
                half = _seconds(shape(char * (args.size // 2)))
                full = _seconds(shape(char * args.size))
                ratio = full / max(half, 1e-3)
                print(f"{char!r:<5} {name:<14} {half:>9.2f} s {full:>9.2f} s  {ratio:5.1f}")
    if args.only != "shapes":
        print(f"{'leftover':<32} {args.size // 2:>9} B {args.size:>9} B  ratio")
        for name, fn, make in LEFTOVERS:
            if args.name not in name:
                continue
            half = _time(fn, make(args.size // 2))
            full = _time(fn, make(args.size))
            ratio = full / max(half, 1e-3)
            print(f"{name:<32} {half:>9.2f} s {full:>9.2f} s  {ratio:5.1f}")


if __name__ == "__main__":
    main()
