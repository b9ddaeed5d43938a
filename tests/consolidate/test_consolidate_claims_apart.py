"""Two findings a few lines apart that name the same files but state different claims: one says a
malformed profile stops the loop, the other that profiles are created for shells nobody uses.
Their titles share no word and their explanations little; the place and the shared names are
not one claim, so they stay two findings; at the same lines too, each explained at length and
worded apart (`claim_pairs.explained_apart`). Worded alike they still merge.
"""

from __future__ import annotations

from consolidate_helpers import finding, groups, seat

from deepreview.consolidate import cluster_findings

PLACE = "shell/profiles.py"


def _stops(title: str = "One malformed profile stops every later one being updated"):  # type: ignore[no-untyped-def]
    return finding(
        "I1",
        title,
        f"{PLACE}:91-93",
        body="`apply_posix` raises on the first profile without an end marker, so "
        "`config.fish` and `.zshrc` after it are never reached and the error names no path.",
        cls="gap",
    )


def _creates(place: str = f"{PLACE}:88-92"):  # type: ignore[no-untyped-def]
    return finding(
        "S1",
        "Unused rc files get created",
        place,
        body="Opting in writes `config.fish` even for a user whose only shell is bash, "
        "cluttering the home folder with startup scripts nobody reads.",
        cls="gap",
    )


def test_different_claims_near_each_other_stay_apart() -> None:
    clusters = cluster_findings([seat("claude", _stops()), seat("gemini", _creates())])
    assert groups(clusters) == {frozenset({"claude:I1"}), frozenset({"gemini:S1"})}


def test_a_shared_title_word_still_merges() -> None:
    worded = _stops("Unused rc files get created, and one malformed profile stops the rest")
    clusters = cluster_findings([seat("claude", worded), seat("gemini", _creates())])
    assert groups(clusters) == {frozenset({"claude:I1", "gemini:S1"})}


def test_the_same_lines_alone_do_not_merge() -> None:
    # both explain at length and say nothing alike: the lines are where both looked
    clusters = cluster_findings(
        [seat("claude", _stops()), seat("gemini", _creates(f"{PLACE}:91-93"))]
    )
    assert groups(clusters) == {frozenset({"claude:I1"}), frozenset({"gemini:S1"})}
