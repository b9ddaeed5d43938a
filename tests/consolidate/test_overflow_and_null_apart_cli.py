"""Through the real `deep-review review` with command seats, no lead: at the one line that
copies a caller's string into a fixed-size field, two reviewers say the copy runs past the end
of the field (a long label), a third that the string may be NULL (a NULL label). A careful
lead reads two failures of the same call: a missing length check and a missing NULL check are
two checks, each fixed on its own (`claims`: "overflow" against "nil"). An overflow told in
other words ("writes past the end of `label`", "no bounds check before the copy") is still the
same problem, and joins the first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

TAG = (
    "#include <stdlib.h>\n"  # 1
    "#include <string.h>\n"  # 2
    "\n"  # 3
    "struct tag { char label[16]; int uses; };\n"  # 4
    "\n"  # 5
    "struct tag *tag_create(const char *label) {\n"  # 6
    "    struct tag *t = calloc(1, sizeof *t);\n"  # 7
    "    if (!t) return NULL;\n"  # 8
    "    strcpy(t->label, label);\n"  # 9
    "    return t;\n"  # 10
    "}\n"  # 11
)
FILES = {"src/tag.c": TAG}


def _doc(*findings: tuple[str, str, str]) -> str:
    items = "\n\n".join(
        f"{n}. **{title}** — `{where}` (important, regression)\n\n{body}"
        for n, (title, where, body) in enumerate(findings, 1)
    )
    return f"## Executive Summary\n\nAdds tags.\n\n## Findings\n\n### Important Issues\n\n{items}\n"


HEAP = (
    "Heap buffer overflow in `tag_create`",
    "src/tag.c:9",
    "`strcpy` puts the whole caller string into the 16-byte `label` array; a label of 16 "
    "characters or more runs over `uses` and into whatever the allocator placed next.",
)
UNBOUNDED = (
    "`strcpy` into `t->label` does not check for buffer overflows",
    "src/tag.c:9",
    "Use a bounded copy.",
)
NULL_LABEL = (
    "`label` is not checked for NULL; `tag_create(NULL)` crashes in `strcpy`",
    "src/tag.c:9",
    "Return NULL early when no label is given.",
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, FILES, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_null_label_stays_apart_from_the_overflow_at_its_line(tmp_path: Path) -> None:
    got = _credited(tmp_path, alpha=_doc(HEAP), bravo=_doc(UNBOUNDED), charlie=_doc(NULL_LABEL))
    assert got == [["Alpha", "Bravo"], ["Charlie"]], got


def test_a_null_label_stays_apart_from_a_terse_overflow(tmp_path: Path) -> None:
    got = _credited(tmp_path, bravo=_doc(UNBOUNDED), charlie=_doc(NULL_LABEL))
    assert got == [["Bravo"], ["Charlie"]], got


def test_an_overflow_in_other_words_joins_the_overflow(tmp_path: Path) -> None:
    past_the_end = (
        "A long label writes past the end of `label`",
        "src/tag.c:6-11",
        "Nothing bounds the copy: seventeen characters or more corrupt the struct and the "
        "heap after it.",
    )
    got = _credited(tmp_path, alpha=_doc(HEAP), delta=_doc(past_the_end))
    assert got == [["Alpha", "Delta"]], got
