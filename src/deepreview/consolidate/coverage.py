"""Which of the changed files a seat covered: the retro's Files reviewed and Coverage misses.

The changed files are those of the change (or, offline, every file a seat mentions); a seat
covered a file its Coverage Summary or a finding names, or its text names anywhere
(`mentions`), unless it marked the file Trivial or said it did not analyse it. A changed file
with no changed line to read or cite (a deletion, a binary file, a submodule, a rename with no
edit) is no miss of a seat that skipped it, marked it Trivial or did not name it: nothing in it
was missed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from pathlib import PurePosixPath

from deepreview.consolidate.features import PathResolver
from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.mentions import named_files
from deepreview.markdown_fence import code_span
from deepreview.model import AgentReview
from deepreview.untrusted_text import one_line_name


def changed_file_universe(
    seat_reviews: Sequence[SeatReview],
    changed_files: Sequence[str] = (),
    renamed: Mapping[str, str] | None = None,
) -> tuple[tuple[str, ...], PathResolver]:
    """The changed files (given, or every file any seat mentions) and a resolver onto them
    (onto the changed files alone when they are given).
    `renamed` (old path -> new path): a seat that names a rename's old path, as a seat that
    read the base revision or the diff's `rename from` line may, covered the new one."""
    known: set[str] = set(changed_files)
    mentioned: list[str] = []
    for sr in seat_reviews:
        if sr.review is None:
            continue
        mentioned.extend(c.path for c in sr.review.coverage)
        mentioned.extend(loc.path for f in sr.review.findings for loc in f.locations)
    # With the change's files known, the names a seat writes resolve onto them alone: another
    # seat's unchanged `tests/naïve.py` (read for context) must not make this seat's `naïve.py`
    # ambiguous; a seat's coverage numbers depend on its own text only.
    others = () if changed_files else {p for p in mentioned if "/" in p}
    resolver = PathResolver(others, authoritative=known, aliases=renamed)
    if changed_files:
        files = tuple(sorted({resolver.resolve(p) for p in changed_files}))
    else:
        files = tuple(sorted({resolver.resolve(p) for p in mentioned if p.strip()}))
    return files, resolver


# Coverage statuses that say the file was not looked at: the static seat's "Not analyzed
# (binary)", and the same said by a model seat.
NOT_ANALYZED = ("not analyzed", "not analysed", "not reviewed", "skipped")

_PARTLY = "partly analyzed"  # `agents.static.review.PARTLY`, as the static seat writes it


def said_not_analyzed(status: str) -> bool:
    """Whether a Coverage Summary status says the file was not looked at (`NOT_ANALYZED`)."""
    return status.strip().lower().startswith(NOT_ANALYZED)


@dataclasses.dataclass(frozen=True)
class SeatCoverage:
    """Among the changed files: reviewed, marked trivial only, said not analysed, never named."""

    reviewed: list[str]
    trivial: list[str]
    not_analyzed: list[str]
    missing: list[str]
    # reviewed, but not by all its checks: the static seat's `Partly analyzed (detect-secrets
    # timed out before it)` (its deadline came first); not fully reviewed, and no miss either
    partly: list[str] = dataclasses.field(default_factory=list)

    @property
    def miss_count(self) -> int:
        return len(self.missing) + len(self.trivial) + len(self.not_analyzed)

    def misses_text(self, files: Sequence[str], most: int) -> str:
        """`app.py not mentioned; util.py marked trivial`, at most `most` names a kind."""
        parts = []
        if self.missing:
            parts.append(f"{file_names(self.missing, files, most)} not mentioned")
        if self.trivial:
            parts.append(f"{file_names(self.trivial, files, most)} marked trivial")
        if self.not_analyzed:
            parts.append(f"{file_names(self.not_analyzed, files, most)} not analyzed")
        return "; ".join(parts)


def seat_coverage(
    review: AgentReview,
    files: Sequence[str],
    resolver: PathResolver,
    unlisted: Collection[str] = (),
    lineless: Collection[str] = (),
) -> SeatCoverage:
    """Which of `files` the review covered. A file named anywhere in the review's text counts
    as reviewed unless the review marked it Trivial or not analysed: "I read `calc.py` in
    full" is coverage, while a Trivial or `Not analyzed (binary)` row names the file without
    reviewing it. A finding on a file is coverage whatever its row says. `unlisted`: the
    files the seat's prompt only counted (a change of more files than its table lists): one
    the review does not name is no miss of the seat (it was asked for them in one row).
    `lineless`: the changed files with no changed line at the review SHA
    (`Target.lineless_paths`): reviewed when the review names one, never a miss: the static
    seat's `Not analyzed (deleted)` is no more a fault than a model's silence about a binary."""
    reviewed: set[str] = set()
    trivial: set[str] = set()
    skipped: set[str] = set()
    partly: set[str] = set()
    for entry in review.coverage:
        path = resolver.resolve(entry.path)
        status = entry.status.strip().lower()
        if status.startswith(_PARTLY) or f"— {_PARTLY}:" in status:
            partly.add(path)
        if status.startswith("trivial"):
            trivial.add(path)
        elif said_not_analyzed(status):
            skipped.add(path)
        else:
            reviewed.add(path)
    for f in review.findings:
        reviewed.update(resolver.resolve(loc.path) for loc in f.locations)
    reviewed.update(named_files(review.raw, files, resolver) - trivial - skipped)
    in_scope = set(files)
    excused = {resolver.resolve(p) for p in lineless}
    return SeatCoverage(
        reviewed=sorted(in_scope & reviewed),
        trivial=sorted((in_scope & trivial) - reviewed - excused),
        not_analyzed=sorted((in_scope & skipped) - reviewed - trivial - excused),
        missing=sorted(
            in_scope
            - reviewed
            - trivial
            - skipped
            - excused
            - {resolver.resolve(p) for p in unlisted}
        ),
        partly=sorted(in_scope & reviewed & partly),
    )


def file_names(paths: Sequence[str], files: Sequence[str], most: int | None = None) -> str:
    """Basenames where they are unique among the changed files, else the full paths; past
    `most` names, how many more (a 300-file change must not make a 3 KB table cell)."""
    base_count: dict[str, int] = {}
    for f in files:
        name = PurePosixPath(f).name
        base_count[name] = base_count.get(name, 0) + 1
    shown = paths if most is None or len(paths) <= most else paths[:most]
    # a file name may hold a newline (git allows it): it must not end the retro's paragraph;
    # it is code, as in the tables (`[x](javascript:…).py` is a file name, not a link)
    text = ", ".join(
        code_span(
            one_line_name(
                PurePosixPath(p).name if base_count.get(PurePosixPath(p).name, 0) <= 1 else p
            )
        )
        for p in shown
    )
    return text if len(shown) == len(paths) else f"{text} and {len(paths) - len(shown)} more"
