from __future__ import annotations

from consolidate_helpers import finding

from deepreview.consolidate.evidence import describe
from deepreview.consolidate.features import PathResolver, extract
from deepreview.consolidate.partition import LINK_THRESHOLD
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity
from deepreview.model import Finding, Severity

RESOLVER = PathResolver(["pkg/a/switch.go"])


def _pair(cls_a: str | None, cls_b: str | None):  # type: ignore[no-untyped-def]
    a = finding(
        "I1",
        "Listener leaked in `runSwitch`",
        "switch.go:96-110",
        body="`ln` from `vsockHandshake` leaks.",
        cls=cls_a,
    )
    b = finding(
        "I2",
        "`runSwitch` leaks the listener",
        "pkg/a/switch.go:120-130",
        body="`vsockHandshake` returns `ln`; it leaks.",
        cls=cls_b,
    )
    return extract("x", a, RESOLVER), extract("y", b, RESOLVER)


def test_contradicting_classifications_lower_the_score() -> None:
    agree = evidence(*_pair("regression", "regression")).score
    unknown = evidence(*_pair("regression", None)).score
    contradict = evidence(*_pair("regression", "gap")).score
    assert agree > unknown > contradict


def test_labels_that_name_no_culprit_do_not_contradict() -> None:
    # "gap" vs "enhancement" (seen on real reviews for one issue): a kind of finding, not a
    # claim about which code is at fault
    unknown = evidence(*_pair("gap", None)).score
    assert evidence(*_pair("gap", "enhancement")).score == unknown
    assert evidence(*_pair("regression", "correctness")).score == unknown
    assert evidence(*_pair("regression", "pre-existing")).score < unknown


def test_describe_names_the_evidence() -> None:
    ev = evidence(*_pair("regression", "regression"))
    text = describe(ev)
    assert text.startswith("same file `switch.go`, lines 96-110 within 10 lines of 120-130")
    assert "shared identifiers `ln`" not in text  # two-letter names are not identifiers
    assert "`runSwitch`" in text and "`vsockHandshake`" in text
    assert "both classify it regression" in text
    assert text.endswith(f"(score {ev.score:.2f})")


def test_rarity_weights_common_names_down() -> None:
    feats = [
        extract("s", finding(f"I{n}", f"`startSwitch` problem {n}", body=body), RESOLVER)
        for n, body in enumerate(["`rareName`", "", "", ""], start=1)
    ]
    idf = rarity(feats)
    assert idf["startswitch"] < idf["rarename"]


def test_identical_findings_score_high() -> None:
    a, _ = _pair("regression", "regression")
    assert evidence(a, a).score > 0.7  # far above LINK_THRESHOLD (no cited lines here)


def test_two_remarks_on_the_commit_message_about_different_things_stay_apart() -> None:
    """Both are placed at the commit message (`features.COMMIT_MESSAGE`), which says where, not
    what: a typo in the subject and a step the body leaves out are two problems there."""
    typo = Finding(
        "S1",
        Severity.SUGGESTION,
        "Commit message has a typo in the subject",
        body="The subject says `recieve` where it means `receive`.",
    )
    omitted = Finding(
        "S2",
        Severity.SUGGESTION,
        "Commit message omits the migration step",
        body="The body says nothing of the database migration the change adds.",
    )
    r = PathResolver(["app/a.py"])
    e = evidence(extract("a", typo, r), extract("b", omitted, r))
    assert e.where_text == "both about the commit message"
    assert e.score < LINK_THRESHOLD
