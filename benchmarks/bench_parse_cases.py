"""Parsing reviews we did not tune on: hand-written cases in shapes real agents write.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_parse_cases.py [--range 01-12] [--verbose]

Each case in `benchmarks/parse_cases/` is one seat's review and what a careful reader takes from it:

    NN-name/review.md     the review, bytes as the agent wrote them (line endings too)
    NN-name/answer.json   {"files": [the change's paths], "counts": {"C": n, "I": n, "S": n},
                           "findings": [{"severity", "file", "line", "key"}], "why": "..."}

`line` is the finding's first line (null when the review names only the file); `key` is a few
words of the finding's text, used to pair it with a parsed finding that has no matching place.
Each review goes through `parse_review` with the change's files known, as a review does. It
prints the share of cases whose Critical/Important/Suggestion counts are exact, then over the
true findings: how many were found (paired with a parsed finding by place, else by key), and of
those how many have the true severity and the true place (file and first line); each miss is
listed. Cases 01-64 were each written before any rule was changed for them and are tuned on
now (53-58 since rounds nine and ten, ps72e and ps73; 59-64 since round eleven, ps73b); 65-70
(ps73b, measured once in round eleven) are tuned on since round twelve (ps73c), 71-76 (ps74,
measured once in round thirteen) since that round, 77-82 (ps75, measured once in round
fourteen) since that round, 93-98 (ps79, measured once in round seventeen) since that round,
99-104 (ps80, measured once) since that round;
each round's
fresh cases are held out until measured once (benchmarks/README.md, the parse-cases section,
keeps each round).
Not a test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from deepreview.findings.parse import parse_review
from deepreview.model import Finding, Severity

CASES = Path(__file__).resolve().parent / "parse_cases"


@dataclass(frozen=True)
class Truth:
    severity: Severity
    file: str
    line: int | None
    key: str


@dataclass
class Tally:
    cases: int = 0
    exact: int = 0
    findings: int = 0
    found: int = 0
    severity: int = 0
    place: int = 0


def counts(findings: tuple[Finding, ...]) -> dict[str, int]:
    return {s.letter: sum(f.severity is s for f in findings) for s in Severity}


def first_place(f: Finding) -> tuple[str, int | None] | None:
    return (f.locations[0].path, f.locations[0].start) if f.locations else None


def same_place(f: Finding, t: Truth) -> bool:
    return first_place(f) == (t.file, t.line)


def pair(truths: list[Truth], parsed: tuple[Finding, ...]) -> list[Finding | None]:
    """Each true finding's parsed finding: the one at its place, else the first naming its key."""
    free = list(parsed)
    paired: list[Finding | None] = [None] * len(truths)
    for i, t in enumerate(truths):
        hit = next((f for f in free if same_place(f, t)), None)
        if hit is not None:
            paired[i] = hit
            free.remove(hit)
    for i, t in enumerate(truths):
        if paired[i] is None:
            key = t.key.lower()
            hit = next((f for f in free if key in f"{f.title}\n{f.body}".lower()), None)
            if hit is not None:
                paired[i] = hit
                free.remove(hit)
    return paired


def describe(f: Finding) -> str:
    place = first_place(f)
    where = f"{place[0]}:{place[1]}" if place else "no place"
    return f"{f.severity.letter} {where} {f.title[:60]!r}"


def run_case(folder: Path, tally: Tally, verbose: bool) -> None:
    answer = json.loads((folder / "answer.json").read_text(encoding="utf-8"))
    text = (folder / "review.md").read_bytes().decode("utf-8")
    review = parse_review(text, seat="case", known_files=answer["files"])
    truths = [
        Truth(Severity(t["severity"]), t["file"], t["line"], t["key"]) for t in answer["findings"]
    ]
    got = counts(review.findings)
    want = {k: answer["counts"][k] for k in "CIS"}
    tally.cases += 1
    exact = got == want
    tally.exact += exact
    misses: list[str] = []
    if not exact:
        misses.append(f"counts {fmt(got)}, true {fmt(want)}")
    for t, f in zip(truths, pair(truths, review.findings), strict=True):
        tally.findings += 1
        label = f"{t.severity.letter} {t.file}:{t.line} ({t.key})"
        if f is None:
            misses.append(f"not found: {label}")
            continue
        tally.found += 1
        tally.severity += f.severity is t.severity
        tally.place += same_place(f, t)
        if f.severity is not t.severity or not same_place(f, t):
            misses.append(f"{label} read as {describe(f)}")
    print(f"{folder.name:<32} {fmt(got):>9}  true {fmt(want):>9}  {'ok' if not misses else ''}")
    for m in misses:
        print(f"    {m}")
    if verbose:
        for f in review.findings:
            print(f"      parsed: {describe(f)}")
        for w in review.warnings:
            print(f"      warning: {w[:110]}")
        if review.unread_findings:
            print(f"      unread findings text: {len(review.unread_findings)} part(s)")


def fmt(c: dict[str, int]) -> str:
    return f"{c['C']}/{c['I']}/{c['S']}"


def in_range(name: str, lo: int, hi: int) -> bool:
    head = name.split("-", 1)[0]
    return head.isdigit() and lo <= int(head) <= hi


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--range", default="01-104", help="case numbers, e.g. 01-12")
    ap.add_argument("--verbose", action="store_true", help="every parsed finding and warning")
    args = ap.parse_args()
    lo, _, hi = args.range.partition("-")
    tally = Tally()
    for folder in sorted(p for p in args.cases.iterdir() if p.is_dir()):
        if in_range(folder.name, int(lo), int(hi or lo)):
            run_case(folder, tally, args.verbose)
    print(
        f"\nexact counts {tally.exact}/{tally.cases}; findings found {tally.found}/"
        f"{tally.findings}, severity agrees {tally.severity}/{tally.found}, "
        f"place agrees {tally.place}/{tally.found}"
    )


if __name__ == "__main__":
    main()
