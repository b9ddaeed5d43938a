from __future__ import annotations

import pytest
from consolidate_helpers import finding, seat

from deepreview.consolidate.cluster import Member
from deepreview.consolidate.merge import (
    Group,
    best_member,
    classification_of,
    credits,
    draft,
    number,
    reconcile_severity,
    union_locations,
)
from deepreview.model import Finding, Location, Reviewer, Severity

CRIT, IMP, SUG = Severity.CRITICAL, Severity.IMPORTANT, Severity.SUGGESTION
REVIEWERS = (
    Reviewer("gemini", "Gemini", "3.1 Pro"),
    Reviewer("claude", "Claude", "Opus 4.6"),
    Reviewer("codex", "Codex", "GPT 5.4"),
)


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ([CRIT], CRIT),  # a single reviewer's severity stands
        ([SUG], SUG),
        ([CRIT, IMP], CRIT),  # even split: the more severe middle one
        ([IMP, SUG], IMP),
        ([CRIT, SUG], CRIT),  # one dismissive seat does not demote a Critical
        ([CRIT, IMP, IMP], IMP),  # an odd count: the majority
        ([CRIT, CRIT, SUG], CRIT),
        ([SUG, IMP, CRIT], IMP),
        ([CRIT, CRIT, IMP, SUG], CRIT),
        ([CRIT, IMP, SUG, SUG], IMP),
        ([CRIT, CRIT, CRIT, SUG], CRIT),
    ],
)
def test_severity_rule(severities: list[Severity], expected: Severity) -> None:
    assert reconcile_severity(severities) == expected


def test_severity_of_no_severities_is_an_error() -> None:
    with pytest.raises(ValueError):
        reconcile_severity([])


def test_best_member_prefers_code_then_fix_then_length() -> None:
    short_with_code = Member("a", finding("I1", "t", body="```go\nx()\n```", fix="f"))
    long_without_code = Member("b", finding("I1", "t", body="x" * 500, fix="f"))
    long_with_code_no_fix = Member("c", finding("I1", "t", body="```go\nx()\n```" + "y" * 600))
    assert best_member([long_without_code, short_with_code]) is short_with_code
    assert best_member([long_with_code_no_fix, short_with_code]) is short_with_code
    # ties keep the first
    twin = Member("d", short_with_code.finding)
    assert best_member([short_with_code, twin]) is short_with_code


def test_union_locations_joins_overlaps_and_drops_redundant_whole_files() -> None:
    locs = [
        Location("b.go", 446, 469),
        Location("b.go", 443, 468),
        Location("a.go", 57, 65),
        Location("a.go", 54),
        Location("b.go"),
        Location("c.md"),
        Location("a.go", 57, 65),
    ]
    # each where its reviewer gave it first: the first place is where the problem is
    assert union_locations(locs) == (
        Location("b.go", 443, 469),
        Location("a.go", 57, 65),
        Location("a.go", 54),
        Location("c.md"),
    )
    # a file named whole first, its lines later: the file still comes first
    assert union_locations([Location("d.md"), Location("a.py", 3), Location("d.md", 5)]) == (
        Location("d.md", 5),
        Location("a.py", 3),
    )


def test_classification_is_the_majority_ties_to_the_best_member() -> None:
    gap = Member("a", finding("I1", "t", cls="gap"))
    reg = Member("b", finding("I1", "t", cls="regression", body="```\nx\n```"))
    reg2 = Member("c", finding("I1", "t", cls="regression"))
    assert classification_of([gap, reg, reg2], gap) == "regression"
    assert classification_of([gap, reg], best_member([gap, reg])) == "regression"
    assert classification_of([gap, reg], gap) == "gap"
    assert classification_of([Member("a", finding("I1", "t", cls=None))], gap) is None


def test_credits_follow_the_given_seat_order() -> None:
    members = [Member("claude", finding("I1", "t")), Member("gemini", finding("I2", "t"))]
    assert credits(members, REVIEWERS) == ("Gemini 3.1 Pro", "Claude Opus 4.6")
    assert credits([Member("zeta", finding("I1", "t"))], REVIEWERS) == ("zeta",)


def test_draft_takes_text_from_the_best_member_and_the_fix_from_one_that_has_it() -> None:
    rich = Member(
        "claude",
        finding("I3", "Rich title", "x.go:1-5", body="```go\nx()\n```\nlong explanation"),
    )
    with_fix = Member(
        "codex", finding("I1", "Other title", "x.go:4-9", body="short", fix="```diff\n+y\n```")
    )
    f = draft(Group("K1", (rich, with_fix)), REVIEWERS)
    assert (f.id, f.title, f.severity) == ("K1", "Rich title", IMP)
    assert f.fix == "```diff\n+y\n```"
    assert f.locations == (Location("x.go", 1, 9),)
    assert f.reviewers == ("Claude Opus 4.6", "Codex GPT 5.4")


def test_numbering_by_severity_reviewers_classification_location() -> None:
    def f(key: str, sev: Severity, n: int, cls: str, path: str) -> Finding:
        return Finding(
            id=key,
            severity=sev,
            title="t",
            locations=(Location(path, 1),),
            classification=cls,
            reviewers=tuple(f"r{i}" for i in range(n)),
        )

    drafts = [
        f("K1", SUG, 3, "regression", "a.go"),
        f("K2", IMP, 1, "gap", "a.go"),
        f("K3", IMP, 1, "regression", "z.go"),
        f("K4", IMP, 2, "gap", "z.go"),
        f("K5", CRIT, 1, "pre-existing", "a.go"),
        f("K6", IMP, 1, "regression", "b.go"),
    ]
    got = [(key, fd.id) for key, fd in number(drafts)]
    assert got == [
        ("K5", "C1"),
        ("K4", "I1"),  # two reviewers first
        ("K6", "I2"),  # regression before gap, then by location
        ("K3", "I3"),
        ("K2", "I4"),
        ("K1", "S1"),
    ]


def test_merged_finding_keeps_the_model_seats_text_over_the_analyzers() -> None:
    from dataclasses import replace as _replace

    from deepreview.consolidate import cluster_findings
    from deepreview.consolidate.merge import Group, draft
    from deepreview.model import Reviewer

    analyzer_body = '```python\n    token = "abc…"\n```\n\n' + "detect-secrets flags it. " * 20
    analyzer = _replace(
        seat(
            "static",
            finding(
                "C1",
                "Possible secret committed",
                "cfg.py:9",
                body=analyzer_body,
                fix="Remove the secret and rotate it.",
            ),
        ),
        model_backed=False,
    )
    model = seat(
        "bot",
        finding(
            "C1",
            "Hard-coded API token in `load`",
            "cfg.py:9",
            body="Read it from the env.",
            fix='```diff\n-token = "x"\n+token = os.environ["TOKEN"]\n```',
        ),
    )
    (cluster,) = cluster_findings([analyzer, model])
    merged = draft(
        Group("K1", cluster.members), [Reviewer("static", "Static"), Reviewer("bot", "Bot")]
    )
    assert merged.body == "Read it from the env."
    assert "os.environ" in merged.fix
    assert merged.title == "Hard-coded API token in `load`"
    assert merged.reviewers == ("Static", "Bot")


def test_a_merged_finding_never_takes_a_bare_place_as_its_title() -> None:
    # the terse member has the longer text (so its body is shown), but its title is a place
    terse = Member("gemini", finding("I1", "`a.go:13-17`", "a.go:13-17", body="x" * 400))
    worded = Member("claude", finding("I1", "`mul` returns 0 for negative `b`", "a.go:13"))
    for members in ((terse, worded), (worded, terse)):
        merged = draft(Group("K1", members), REVIEWERS)
        assert merged.title == "`mul` returns 0 for negative `b`"
        assert merged.body == "x" * 400
    # with no worded member, the place is all there is
    alone = draft(Group("K1", (terse,)), REVIEWERS)
    assert alone.title == "`a.go:13-17`"
