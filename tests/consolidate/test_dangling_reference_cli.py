"""Through the real `deep-review consolidate --format json`: a reference used after the memory it
points into is gone, told by two seats in other words a line apart, is one problem
(`consolidate/failure_lifetimes.py`, found on merge cases 71 and 72).

- "`label` views a string that was already destroyed" at the binding, and "the call reads
  through a dangling view" at the use on the next line: one.
- "a pointer into the `std::vector` that `push_back` can reallocate" at a getter, and "the
  returned pointer is a use-after-free once another entry is added" at its return: one.
- A buffer never freed (a leak) beside the dangling view: two; "not freed" is no dangling
  reference.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import ONE, TWO, reviewer_sets
from support.consolidating import bullet_finding as _bullet
from support.consolidating import heading_finding as _heading

_VIEW = _heading(
    "`label` views a string that was already destroyed",
    "`make_label()` returns a `std::string` by value and the `string_view` is bound to that "
    "temporary; it keeps pointing into the characters after the statement ends. Keep a "
    "`std::string` instead.",
    "src/report/summary.cpp:14",
)


def test_a_dangling_view_told_at_its_binding_and_at_its_use_is_one(tmp_path: Path) -> None:
    codex = _bullet(
        "src/report/summary.cpp:15",
        "`emit_row(label)` reads through a dangling view; the heading printed in the report "
        "is random bytes whenever the allocator reuses the block",
    )
    assert reviewer_sets(tmp_path, {"claude": _VIEW, "codex": codex}) == ONE


def test_a_pointer_into_a_vector_that_can_move_is_one(tmp_path: Path) -> None:
    claude = _heading(
        "`slot_for` hands out a pointer the registry may reallocate",
        "The returned `Slot*` points at an element of `slots_`; the next `add()` can grow the "
        "vector and move every element. Return an index or store the slots in a `std::deque`.",
        "src/registry/registry.cpp:41",
    )
    codex = _bullet(
        "src/registry/registry.cpp:43",
        "`return &slots_[i];` — callers keep the result across `add()`, and after the growth "
        "that is a use-after-free",
    )
    assert reviewer_sets(tmp_path, {"claude": claude, "codex": codex}) == ONE


def test_a_buffer_never_freed_beside_a_dangling_view_stays_apart(tmp_path: Path) -> None:
    codex = _bullet(
        "src/report/summary.cpp:15",
        "the buffer `render_row()` allocates is never freed; a long report leaks a row's worth "
        "of memory per line",
    )
    assert reviewer_sets(tmp_path, {"claude": _VIEW, "codex": codex}) == TWO
