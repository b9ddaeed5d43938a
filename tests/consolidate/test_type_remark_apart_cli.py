"""Through the real `deep-review review` with command seats, no lead: at the line of a cast, one
reviewer remarks on the declared types ("Unneeded type assertion on `Array.prototype`") and
another on what the code now does at run time ("`makeQueue()` no longer returns a real
array"). They quote the same line and name the same code, and a careful lead still keeps them
apart: a remark on a cast or a declared type is no finding about behaviour (`kinds.kind_of`:
"types"). Two reviewers remarking on the same cast are one finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deepreview.consolidate.kinds import kind_of
from deepreview.model import Finding, Severity
from support.printing_seats import findings_of_change

QUEUE = (
    "export function makeQueue<T>(): Queue<T> {\n"  # 1
    "  const base = Object.create(Array.prototype as Queue<T>);\n"  # 2
    "  base.drain = () => base.splice(0);\n"  # 3
    "  return base;\n"  # 4
    "}\n"  # 5
)
FILES = {"queue.ts": QUEUE}
QUOTE = "```ts\n  const base = Object.create(Array.prototype as Queue<T>);\n```\n\n"


QUOTE_BODY = "```ts\n" + "".join(QUEUE.splitlines(keepends=True)[1:4]) + "```\n\n"


def _doc(title: str, lines: str, body: str) -> str:
    quote = QUOTE if lines == "2" else QUOTE_BODY
    return (
        "## Executive Summary\n\nAdds `makeQueue`.\n\n## Findings\n\n### Suggestions\n\n"
        f"1. **{title}** — `queue.ts:{lines}` (suggestion, regression)\n\n{quote}{body}\n"
    )


CAST = _doc(
    "Unneeded type assertion on `Array.prototype`",
    "2",
    "`Object.create` accepts any `object`, so `Array.prototype as Queue<T>` adds nothing; it "
    "also tells the compiler that `Array.prototype` is a `Queue<T>`, which it is not, and so "
    "hides mistakes it would otherwise catch.",
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_cast_remark_and_a_change_of_behaviour_at_its_line_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=CAST,
        bravo=_doc(
            "`makeQueue()` no longer returns a real array",
            "2-4",
            "The queue is built with `Object.create` rather than `new Array()`, so "
            "`Array.isArray(q)` is false and `JSON.stringify(q)` writes an object: callers "
            "checking for an array take the other branch.",
        ),
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_two_remarks_on_the_same_cast_are_one(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        alpha=CAST,
        bravo=_doc(
            "Drop the `as Queue<T>` type assertion",
            "2",
            "`Array.prototype` is an `object` already, which is all `Object.create` asks for; "
            "asserting it is a `Queue<T>` is wrong and only hides type mistakes.",
        ),
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_type_remark_naming_a_failure_is_about_behaviour() -> None:
    def kind(title: str) -> str:
        return kind_of(Finding("S1", Severity.SUGGESTION, title))

    assert kind("Unneeded type assertion on `Array.prototype`") == "types"
    assert kind("`arch` typed as `string` rather than `Arch`") == "types"
    # the declared type is how it fails, not a remark on the types
    assert kind("`port` typed as `string` crashes the parser") == "code"
