"""`retro_rounds.without_left_out` takes declined findings out of a seat's "Found by others but
not by X" sentence, whichever form `seat_retro` wrote it in (hd62 #6 added the form for a seat
whose output was cut at 1 MiB)."""

from __future__ import annotations

from deepreview.consolidate.retro import KEPT_PART
from deepreview.consolidate.retro_rounds import without_left_out
from deepreview.retromodel import SeatRetro


def _seat(narrative: str) -> SeatRetro:
    return SeatRetro(seat="gemini", name="Gemini", column="Gemini 2.5 Pro", narrative=narrative)


def test_a_declined_finding_leaves_the_plain_sentence() -> None:
    seat = _seat(
        "Gemini raised 1 finding.\n\nFound by others but not by Gemini: I1 (Claude), I2 (Codex)."
    )
    assert without_left_out(seat, {"I1"}).narrative == (
        "Gemini raised 1 finding.\n\nFound by others but not by Gemini: I2 (Codex)."
    )


def test_a_declined_finding_leaves_the_sentence_of_a_cut_review() -> None:
    head = f"Found by others but not by Gemini{KEPT_PART}:"
    seat = _seat(f"Gemini raised 1 finding.\n\n{head} I1 (Claude), I2 (Codex). Its output was cut.")
    assert without_left_out(seat, {"I2"}).narrative == (
        f"Gemini raised 1 finding.\n\n{head} I1 (Claude). Its output was cut."
    )
    # the sentence goes when it named only declined findings
    assert without_left_out(seat, {"I1", "I2"}).narrative == (
        "Gemini raised 1 finding.\n\nIts output was cut."
    )
