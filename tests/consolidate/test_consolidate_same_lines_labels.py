"""Two reviewers at the same lines, one calling the problem a "gap" (the change left something
out), the other a "regression" (the change broke something): both blame the change's code at
those lines, so the labels do not contradict each other there. Elsewhere they still do, and
"pre-existing" (older code is at fault) still contradicts "regression" at the same lines.
"""

from __future__ import annotations

from consolidate_helpers import finding, groups, seat

from deepreview.consolidate import cluster_findings
from deepreview.consolidate.features import PathResolver, extract
from deepreview.consolidate.score import evidence

RESOLVER = PathResolver(["app/session.py"])


def _left_behind(place: str, cls: str | None):  # type: ignore[no-untyped-def]
    return finding(
        "I1",
        "Closing a session leaves its scratch folder behind",
        place,
        body="Nothing removes `self.scratch` once the session ends, so every run of the "
        "service leaves one more folder under the temp root.",
        cls=cls,
    )


def _leaks(cls: str | None):  # type: ignore[no-untyped-def]
    return finding(
        "I1",
        "Scratch folders leak when sessions close",
        "app/session.py:40-44",
        body="The rewritten `close` returns early and never deletes the folder it created.",
        cls=cls,
    )


def _score(a_cls: str | None, b_cls: str | None, place: str = "app/session.py:40-47") -> float:
    a = extract("a", _left_behind(place, a_cls), RESOLVER)
    b = extract("b", _leaks(b_cls), RESOLVER)
    return evidence(a, b).score


def test_gap_and_regression_at_the_same_lines_do_not_contradict() -> None:
    assert _score("gap", "regression") == _score("gap", None)


def test_they_still_contradict_on_lines_that_only_touch() -> None:
    # 40-44 against 44-60: one shared line of 21
    far = "app/session.py:44-60"
    assert _score("gap", "regression", far) < _score("gap", None, far)


def test_pre_existing_still_contradicts_at_the_same_lines() -> None:
    assert _score("pre-existing", "regression") < _score("pre-existing", None)


def test_the_two_readings_of_one_leak_are_one_finding() -> None:
    clusters = cluster_findings(
        [
            seat("claude", _left_behind("app/session.py:40-47", "gap")),
            seat("gemini", _leaks("regression")),
        ]
    )
    assert groups(clusters) == {frozenset({"claude:I1", "gemini:I1"})}
