"""A review that answers a checklist's questions (`**1. Is the change correct?**`), the problem
inside an answer at a place ("`calc.py:2` … every total is wrong by a factor. This has to be
fixed before merging."), and one `Minor:` nit read as a finding. Read as that nit alone, the
verdict was "Merge as-is — no critical or important issues"; then (round nine) the answer's
problem was findings text we could not read; now (round ten, `answered_questions`) it is read
as the critical finding it says it is, and the verdict asks for rework. Answers that praise code
at places beside the nit leave the nit's verdict."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import one_seat_verdict

ASKED = """## Checklist

**1. Is the change correct?**
Not quite. `calc.py:2` passes the arguments to `add()` the other way round, so every total
after the first call is off by a factor. This has to be fixed before merging.

**2. Is the code readable?**
Mostly. Minor: `calc.py:1` calls the helper `f`; `total` would say more.

**3. Anything else?**
No.
"""

PRAISED = """## Checklist

**1. Is the change correct?**
Yes. `calc.py:2` passes the arguments in the order the callers use, and the totals match.

**2. Is the code readable?**
Mostly. Minor: `calc.py:1` calls the helper `f`; `total` would say more.

**3. Anything else?**
No.
"""


def test_a_problem_inside_an_answer_is_read_as_a_finding(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, ASKED) == ("ok", "Rework", "C1 blocks merging")


def test_answers_that_praise_leave_the_nit_alone(tmp_path: Path) -> None:
    assert one_seat_verdict(tmp_path, PRAISED) == (
        "ok",
        "Merge as-is",
        "no critical or important issues; S1 optional",
    )
