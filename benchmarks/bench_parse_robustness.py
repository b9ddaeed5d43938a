"""How well the review parser holds up when a real review is written a little differently.

Run: .venv/bin/python benchmarks/bench_parse_robustness.py [--corpus DIR] [--gold F] [--show NAME]

Every review of the corpus that has gold counts (`corpus-dev-gold.json`) is rewritten in ways a
model might write it without changing what it says — CRLF, headings a level deeper or shallower,
the whole review inside a ```` ```markdown ```` fence, severity sections called High/Medium/Low or
Major/Minor, `*` bullets, chatter before and after — and parsed again; the C/I/S counts must still
equal the gold.  A parser tuned to the dev reports' exact shapes fails here first, so this is
the number to watch for the held-out set.  Not a test: it prints rates and exits 0.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from bench_corpus import GOLD, Counts, counts_of, default_corpus, load_gold

from deepreview.findings.parse import parse_review
from deepreview.findings.report_parse import QuotedReview, parse_appendix_entries
from deepreview.model import Finding

FENCE = "`" * 3


def _shift(by: int) -> Callable[[str], str]:
    def level(m: re.Match[str]) -> str:
        return "#" * max(1, min(6, len(m.group(1)) + by)) + " "

    return lambda t: re.sub(r"(?m)^(#{1,6}) ", level, t)


def _levels(words: dict[str, str]) -> Callable[[str], str]:
    def rename(m: re.Match[str]) -> str:
        return m.group(1) + words[m.group(2)[0].lower()] + m.group(3)

    return lambda t: re.sub(r"(?mi)^(#+\s*)(critical|important|suggestions?)(\b[^\n]*)", rename, t)


_WORD = {"critical": "High", "important": "Medium", "suggestion": "Low"}


def _place(f: Finding) -> str:
    loc = f.locations[0] if f.locations else None
    if loc is None:
        return ""
    lines = f"{loc.start}-{loc.end}" if loc.end else f"{loc.start}" if loc.start else ""
    return f"{loc.path}:{lines}" if lines else loc.path


def _free_form(shape: str) -> Callable[[str], str]:
    """The review's findings written again the way a model that ignores our format writes
    them: `shape` is `fields` (`### 1. Title` + `**Severity:** High` + `**File:**` lines),
    `headings` (the same with no findings section or summary at all: chatter, then each
    finding its own heading, then a `## Notes` section), `tags` (one numbered list of
    `**[High] Title**` items under `## Issues Found`), `phrases` (`1. **Title** (`a.go:3`) —
    severity: high.` items under `## Review`) or `table` (one table with a Severity column
    under `## Review`)."""

    def rewrite(text: str) -> str:
        review = parse_review(text)
        out = ["# Code review", "", "## Summary", "", review.executive_summary or "Reviewed.", ""]
        if shape == "headings":
            out = ["I read the diff and the files it touches. Here is what I found.", ""]
        elif shape == "table":
            out += ["## Review", "", "| # | Severity | File | Issue |", "|---|---|---|---|"]
        elif shape == "phrases":
            out += ["## Review", ""]
        else:
            out += ["## Issues Found" if shape == "tags" else "## Findings", ""]
        for n, f in enumerate(review.findings, 1):
            word, place = _WORD[f.severity.value], _place(f)
            title = " ".join(f.title.split())
            if shape == "table":
                cell = title.replace("|", "\\|")
                out.append(
                    f"| {n} | {word} | `{place}` | {cell} |"
                    if place
                    else f"| {n} | {word} | | {cell} |"
                )
                continue
            if shape in ("fields", "headings"):
                out += [f"### {n}. {title}", f"**Severity:** {word}"]
                out += [f"**File:** `{place}`"] if place else []
                out += ["", f.body, ""] + (["**Recommendation:**", "", f.fix, ""] if f.fix else [])
            elif shape == "phrases":
                where = f" (`{place}`)" if place else ""
                out.append(f"{n}. **{title}**{where} — severity: {word.lower()}.")
                body = "\n".join(("   " + ln) if ln.strip() else "" for ln in f.body.split("\n"))
                out += [body, ""] if f.body.strip() else []
            else:
                where = f" (`{place}`)" if place else ""
                out.append(f"{n}. **[{word}] {title}**{where}")
                body = "\n".join(("   " + ln) if ln.strip() else "" for ln in f.body.split("\n"))
                out += [body, ""] if f.body.strip() else []
        if shape == "headings":
            out += ["## Notes", "", "Nothing else stood out.", ""]
        return "\n".join(out) + "\n"

    return rewrite


def _by_file(text: str) -> str:
    """The findings grouped under one `### `path`` heading per file, each a `- **Line N**
    (High): title` bullet; findings with no place under `### Other`."""
    review = parse_review(text)
    groups: dict[str, list[Finding]] = {}
    for f in review.findings:
        groups.setdefault(f.locations[0].path if f.locations else "", []).append(f)
    out = ["## Summary", "", review.executive_summary or "Reviewed.", "", "## Issues", ""]
    for path, found in sorted(groups.items(), key=lambda kv: kv[0] == ""):
        out += [f"### `{path}`" if path else "### Other", ""]
        for f in found:
            loc = f.locations[0] if f.locations else None
            line = f"**Line {loc.start}** " if loc and loc.start else ""
            title = " ".join(f.title.split())
            out.append(f"- {line}({_WORD[f.severity.value]}): {title}")
        out.append("")
    return "\n".join(out)


_BOLD_ID = re.compile(r"(?m)^\*\*[CIS]-?\d{1,2}[.:]\s*([^*\n]+)\*\*|^(#{1,6}) ")


def _sub_headings(t: str) -> str:
    """`**I1. Title**` as `##### Title`: a sub-heading below its severity heading, at the
    sixth level under a sixth-level one (no deeper heading exists; a report's appendix prints a
    review's headings all at that level)."""
    above = 0

    def rewrite(m: re.Match[str]) -> str:
        nonlocal above
        if m.group(2):
            above = len(m.group(2))
            return m.group(0)
        return f"{'#' * (6 if above >= 6 else 5)} {m.group(1)}"

    return _BOLD_ID.sub(rewrite, t)


REWRITES: dict[str, Callable[[str], str]] = {
    "as written": lambda t: t,
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "headings one level deeper": _shift(1),
    "headings one level shallower": _shift(-1),
    "chatter before": lambda t: "Sure - here is my review of the change.\n\n" + t,
    "chatter after": lambda t: t + "\n\nLet me know if you want me to apply these fixes.\n",
    "trailing spaces": lambda t: re.sub(r"(?m)$", "  ", t),
    "* bullets": lambda t: re.sub(r"(?m)^(\s*)- ", r"\1* ", t),
    "SEVERITY HEADINGS": lambda t: re.sub(
        r"(?mi)^(#+\s*)(critical|important|suggestions?)\b",
        lambda m: m.group(1) + m.group(2).upper(),
        t,
    ),
    "emoji before severity": lambda t: re.sub(
        r"(?mi)^(#+\s*)(critical|important|suggestion)",
        lambda m: (
            m.group(1) + {"c": "🔴 ", "i": "🟡 ", "s": "🟢 "}[m.group(2)[0].lower()] + m.group(2)
        ),
        t,
    ),
    "whole review in ```markdown": lambda t: f"{FENCE}markdown\n{t}\n{FENCE}\n",
    "chatter + ~~~md fence": lambda t: f"Here is my review:\n\n~~~md\n{t}\n~~~\n",
    "High/Medium/Low sections": _levels({"c": "High", "i": "Medium", "s": "Low"}),
    "Blocker/Major/Minor sections": _levels({"c": "Blocker", "i": "Major", "s": "Minor"}),
    "ASCII dashes": lambda t: t.replace("—", "-"),
    "[I1] bracketed IDs": lambda t: re.sub(
        r"(?m)^(\s*(?:[-*] )?(?:\*\*)?)([CIS])(\d{1,2})[.:]", r"\1[\2\3]", t
    ),
    "I-1 IDs": lambda t: re.sub(
        r"(?m)^(\s*(?:[-*] )?(?:\*\*)?)([CIS])(\d{1,2})([.:])", r"\1\2-\3\4", t
    ),
    "- **Title** bullets, no IDs": lambda t: re.sub(
        r"(?m)^(?:\*\*[CIS]-?\d{1,2}[.:]\s*(?=[^*\s])|[CIS]-?\d{1,2}[.:]\s+(?=\*\*))",
        lambda m: "- **" if m.group(0).startswith("**") else "- ",
        t,
    ),
    "#### Title sub-headings, no IDs": _sub_headings,
    "places without backticks": lambda t: re.sub(r"`([\w./-]+\.\w+:\d+(?:-\d+)?)`", r"\1", t),
    "blank lines collapsed": lambda t: re.sub(r"\n{3,}", "\n\n", t),
    "free-form: Severity: lines": _free_form("fields"),
    "free-form: headings, no section": _free_form("headings"),
    "free-form: [High] tagged list": _free_form("tags"),
    "free-form: — severity: high.": _free_form("phrases"),
    "free-form: one severity table": _free_form("table"),
    "free-form: grouped by file": _by_file,
}


# The appendix's entry headings, written as another era of reports might: each `### [Name]` /
# `### [Name] — Pass N` heading of the appendix rewritten, the reviews under it unchanged.
_ENTRY = re.compile(
    r"(?m)^(#{2,4}) \[(?P<name>[^\]]+)\](?P<model>[^\n—–]*?)(?:\s*[—–-]\s*Pass (?P<n>\d+))?[ \t]*$"
)
ENTRY_STYLES = {
    "Name (pass N)": "{h} {name} (pass {n})",
    "Name — pass N": "{h} {name} — pass {n}",
    "Name, pass N": "{h} {name}, pass {n}",
    "Review by Name (Pass N)": "{h} Review by {name} (Pass {n})",
    "Name's review — Pass N": "{h} {name}'s review — Pass {n}",
    "**Name** — Pass N": "{h} **{name}** — Pass {n}",
    "[Name] (pass N)": "{h} [{name}] (pass {n})",
    "1. Name — Pass N": "{h} 1. {name} — Pass {n}",
}


def _entries(text: str) -> list[tuple[str, int, Counts]]:
    return [(q.name, q.pass_no, counts_of(q)) for q in parse_appendix_entries(text)]


def appendix_headings(corpus: Path) -> None:
    """Each report whose appendix uses `[Name]` headings, with those headings respelled: the
    split must give the same reviewers, passes and C/I/S counts."""
    reports = []
    for path in sorted(corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        at = text.find("Appendix: Original Reviews")
        if at >= 0 and _ENTRY.search(text, at):
            reports.append((text, at, _entries(text)))
    print(f"\nappendix entry headings respelled ({len(reports)} reports with `[Name]` headings)")
    for label, style in ENTRY_STYLES.items():

        def heading(m: re.Match[str], style: str = style) -> str:
            name = (m.group("name") + m.group("model")).strip()
            return style.format(h=m.group(1), name=name, n=m.group("n") or "1")

        ok = sum(
            _entries(text[:at] + _ENTRY.sub(heading, text[at:])) == want
            for text, at, want in reports
        )
        print(f"{label:32} {ok:4}/{len(reports)} = {ok / max(1, len(reports)):6.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--show", default=None, help="print the misses of this rewrite")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    cases: list[tuple[str, QuotedReview, Counts]] = []
    for report in sorted(args.corpus.glob("*.md")):
        for q in parse_appendix_entries(report.read_text(encoding="utf-8")):
            g = gold.get((report.name, q.name, q.pass_no))
            if q.pointer_only or g is None or g.get("skip"):
                continue
            want = Counts(int(g["C"]), int(g["I"]), int(g["S"]))  # type: ignore[call-overload]
            cases.append((f"{report.name} [{q.name}]", q, want))
    if not cases:
        # a missing or empty corpus would divide by zero below
        raise SystemExit(
            f"bench_parse_robustness: no review of {args.corpus} has gold counts in {args.gold};"
            " pass --corpus DIR (the dev reports, ../shared/corpus/dev)"
        )
    print(f"corpus: {args.corpus}  reviews with gold counts: {len(cases)}")
    for name, rewrite in REWRITES.items():
        misses = []
        for label, q, want in cases:
            review = parse_review(rewrite(q.review.raw), seat=q.review.seat)
            got = counts_of(QuotedReview(q.name, q.pass_no, review, False))
            if got != want:
                misses.append(f"  {label}: got {got}, want {want}")
        ok = len(cases) - len(misses)
        print(f"{name:32} {ok:4}/{len(cases)} = {ok / len(cases):6.1%}")
        if args.show == name:
            print("\n".join(misses))
    appendix_headings(args.corpus)


if __name__ == "__main__":
    main()
