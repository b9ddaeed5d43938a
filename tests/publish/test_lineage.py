"""The fingerprints a carried finding has had (`lineage`): its file renamed in round 2 and its
quoted code edited in round 3, it still finds its round 1 inline comment — not posted again,
and the reply of the round that finds it fixed goes on it (and on a duplicate posted before
this was known)."""

from __future__ import annotations

from deepreview.consolidate.fingerprint import fingerprint
from deepreview.model import (
    Finding,
    FixVerdict,
    FixVerdictWord,
    Header,
    Location,
    Report,
    RoundInfo,
    Severity,
)
from deepreview.publish.followup import plan_replies
from deepreview.publish.inline import plan_inline
from deepreview.publish.lineage import lineage
from deepreview.publish.safe import finding_marker


def _finding(fid: str, path: str, code: str) -> Finding:
    body = f"```python\n{code}\n```\n\nThe call hides failures."
    loc = (Location(path, 25),)
    return Finding(fid, Severity.IMPORTANT, "risky() swallows errors", loc, body=body)


def _round(n: int, findings: tuple[Finding, ...], verdicts: tuple[FixVerdict, ...]) -> Report:
    info = RoundInfo(n, "pr:7", f"r{n - 1}", "0" * 40, fix_verdicts=verdicts)
    return Report(header=Header(review_id=f"r{n}"), findings=findings, round_info=info)


def _carried(prior: str, now: str | None, verdict: FixVerdictWord | None = None) -> FixVerdict:
    title = "risky() swallows errors"
    return FixVerdict(prior, title, Severity.IMPORTANT, verdict=verdict, carried_as=now)


ONE = Report(
    header=Header(review_id="r1"), findings=(_finding("I2", "calc.py", "v25 = risky(25)"),)
)
TWO = _round(2, (_finding("I1", "mathops.py", "v25 = risky(25)"),), (_carried("I2", "I1"),))
THREE = _round(
    3, (_finding("I4", "mathops.py", "v25 = risky(25)  # TODO"),), (_carried("I1", "I4"),)
)


def test_a_carried_finding_has_every_fingerprint_of_its_chain() -> None:
    now, two, one = lineage([THREE, TWO, ONE])
    firsts = {fingerprint(f) for r in (ONE, TWO, THREE) for f in r.findings}
    assert len(firsts) == 3  # renamed, then edited: three fingerprints
    assert now["I4"] == firsts and two["I1"] == firsts - {fingerprint(THREE.findings[0])}
    assert one["I2"] == {fingerprint(ONE.findings[0])}

    posted = frozenset({fingerprint(ONE.findings[0])})
    plan = plan_inline(THREE.findings, {"mathops.py": frozenset({25})}, {}, posted, now)
    assert [f.id for f in plan.already] == ["I4"] and plan.comments == ()


def test_the_fix_reply_goes_on_every_thread_the_finding_has() -> None:
    four = _round(4, (), (_carried("I4", None, "fixed"),))
    rounds = [four, THREE, TWO, ONE]
    chain = lineage(rounds)
    comments = [
        {"id": 10, "body": f"{finding_marker(fingerprint(ONE.findings[0]))}\n\nrisky"},
        {"id": 20, "body": f"{finding_marker(fingerprint(TWO.findings[0]))}\n\nrisky again"},
    ]
    replies = plan_replies(four, THREE, comments, "r4", None, chain[1])
    assert [(r.prior_id, r.comment_id, r.resolve) for r in replies] == [
        ("I4", 10, True),
        ("I4", 20, True),
    ]
