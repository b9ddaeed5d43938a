"""The file names inside a review folder (`<store>/<ID>/`): one definition for every writer
and reader (the seat runner, the lead, `resume`/`relead`, offline `consolidate`).

Pass 1 of a seat asks with `prompt-<seat>.md`; a later pass (the lead's retry) with
`prompt-<seat>-pass-<N>.md`, so no pass overwrites another's prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.errors import StoreError

RUN_JSON: Final = "run.json"
# Locked (flock) by the process working on the review for as long as it does, with its pid in
# it: run.json's `running` of a process killed outright is told from a live one
# (`store.runlock`). Never rewritten while held: a new file would be a new, unlocked one.
RUN_LOCK: Final = "run.lock"
# Run records of version 2 kept each seat's passes (`--passes`) here; now they are in run.json.
PASSES_JSON_V2: Final = "passes.json"
# `review --seat-only NAME --out DIR`: the portable record of one seat's run, beside the seat's
# own files (named as in a review folder); `finish --from DIR...` reads it.
SEAT_RESULT_JSON: Final = "seat-result.json"
# Written first into a folder a review makes its store (`Store.ensure_writable`): from then on
# the folder is a store, whatever else it holds yet. With `SEAT_RESULT_JSON` it marks what
# deep-review wrote inside a checkout, which is never part of an `--uncommitted` change.
STORE_MARK: Final = ".deep-review-store"
# A PR review's unresolved review threads as fetched before the seats ran (`resume` and
# `relead` read them back instead of asking GitHub again).
THREADS_JSON: Final = "threads.json"
# The HTML page `open` renders from `<ID>.json` for a review stored without `<ID>.html`: kept
# in the review folder, so the store's own report files stay the ones the review wrote.
OPENED_HTML: Final = "report.html"
# `--check-fixes` / `--probe-tests`: one log per test run (`baseline.log`, `fix-N.log`,
# `mutant-N.log`), named in run.json's `checks`.
CHECK_LOGS: Final = "checks"

_REVIEW_STEM: Final = re.compile(r"^review-(?P<seat>.+?)(?:-pass-(?P<pass>\d+))?$")


@dataclass(frozen=True)
class SeatFiles:
    """The files one pass of one seat writes, as paths in `review_dir`."""

    prompt: Path
    review: Path
    transcript: Path
    stderr: Path
    # Structured seats only (static, command seats printing JSON): the findings as handed over;
    # `review` is then their Markdown.
    findings: Path

    def names(self) -> dict[str, str]:
        """kind -> file name, as run.json records them."""
        return {
            "prompt": self.prompt.name,
            "review": self.review.name,
            "transcript": self.transcript.name,
            "stderr": self.stderr.name,
        }


def prompt_name(seat: str, pass_no: int = 1) -> str:
    return f"prompt-{seat}.md" if pass_no == 1 else f"prompt-{seat}-pass-{pass_no}.md"


def review_name(seat: str, pass_no: int = 1) -> str:
    return f"review-{seat}-pass-{pass_no}.md"


def seat_files(review_dir: Path, seat: str, pass_no: int = 1) -> SeatFiles:
    return SeatFiles(
        prompt=review_dir / prompt_name(seat, pass_no),
        review=review_dir / review_name(seat, pass_no),
        transcript=review_dir / f"transcript-{seat}-pass-{pass_no}.jsonl",
        stderr=review_dir / f"stderr-{seat}-pass-{pass_no}.log",
        findings=review_dir / f"review-{seat}-pass-{pass_no}.json",
    )


def lead_answer_name(pass_no: int) -> str:
    return f"lead-answer-{pass_no}.json"


def lead_errors_name(pass_no: int) -> str:
    return f"lead-errors-{pass_no}.txt"


def seat_file_globs(seat: str) -> tuple[str, ...]:
    """Every file `seat_files` can name for `seat`, as glob patterns (to clear an old run)."""
    return (
        f"prompt-{seat}.md",
        f"prompt-{seat}-pass-*.md",
        f"transcript-{seat}-pass-*.jsonl",
        f"stderr-{seat}-pass-*.log",
        f"review-{seat}-pass-*.md",
        f"review-{seat}-pass-*.json",
    )


LEAD_ANSWER_GLOBS: Final = ("lead-answer-*.json", "lead-errors-*.txt")


def stderr_pointer(review_dir: Path | None, seat: str) -> str:
    """ "; its stderr is in <ID>/stderr-<seat>-pass-N.log" (the last pass that wrote any), for
    the note on a failed seat or lead: the CLI's full words are there when its reason had to
    be short. "" when no pass wrote to stderr."""
    if review_dir is None:
        return ""
    found = sorted(
        (p for p in review_dir.glob(f"stderr-{seat}-pass-*.log") if _non_empty(p)),
        key=lambda p: _pass_number(p.stem),
    )
    return f"; its stderr is in {review_dir.name}/{found[-1].name}" if found else ""


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _pass_number(stem: str) -> int:
    tail = stem.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def seat_from_review_stem(stem: str) -> tuple[str, int]:
    """`review-claude-pass-1` → ("claude", 1); any other stem is the seat name, pass 1."""
    m = _REVIEW_STEM.match(stem)
    if m is None:
        return stem, 1
    return m.group("seat"), int(m.group("pass") or 1)


def read_stored_text(path: Path) -> str:
    """A stored seat file as text (undecodable bytes replaced: agents print anything); one that
    cannot be read is one StoreError line."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise StoreError(
            f"cannot read {path}: {exc.strerror or exc}; the stored review is incomplete"
        ) from exc
