from __future__ import annotations

import itertools
from dataclasses import replace

from consolidate_helpers import failed, finding, groups, seat

from deepreview.consolidate import cluster as cluster_mod
from deepreview.consolidate import cluster_findings
from deepreview.consolidate.partition import LINK_THRESHOLD
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity

EXCERPT = (
    "```go\ncase phaseRunning:\n    r.shutdownAgent(ctx, name)\n    r.stopWatcher(name)\n```\n\n"
)
FIX = "```diff\n+    r.stopCache(name)\n```"


def _overlap_pair():  # type: ignore[no-untyped-def]
    a = finding(
        "I1",
        "Listener leaked on early return in `runSwitch`",
        "switch.go:96-138",
        body="After `vsockHandshake` returns `ln`, the `virtualnetwork.New` failure returns "
        "without closing it.",
    )
    b = finding(
        "I2",
        "`runSwitch` leaks the vsock listener when `virtualnetwork.New` fails",
        "pkg/net/switch.go:100-110",
        body="`ln` from `vsockHandshake` is never closed on this path.",
    )
    return a, b


def test_overlapping_lines_and_identifiers_merge_across_path_spellings() -> None:
    a, b = _overlap_pair()
    clusters = cluster_findings([seat("claude", a), seat("codex", b)])
    assert groups(clusters) == {frozenset({"claude:I1", "codex:I2"})}
    (c,) = clusters
    assert c.id == "K1"
    # the bare `switch.go` was resolved to the repo path the other reviewer used
    assert all(loc.path == "pkg/net/switch.go" for m in c.members for loc in m.finding.locations)
    (reason,) = c.reasons
    assert "same file `switch.go`" in reason
    assert "overlap" in reason
    assert "`runSwitch`" in reason and "`vsockHandshake`" in reason


def test_different_problems_in_one_file_stay_apart() -> None:
    a = finding(
        "I1",
        "`validateSubnet` ignores the CIDR mask length",
        "pkg/net/subnet.go:42",
        body="The gateway is derived from the fourth octet whatever the prefix.",
    )
    b = finding(
        "S1",
        "No tests for `newNetworkConfig`",
        "pkg/net/subnet.go:300-340",
        body="DNS zones and DHCP leases are assembled without any test.",
    )
    assert groups(cluster_findings([seat("claude", a), seat("gemini", b)])) == {
        frozenset({"claude:I1"}),
        frozenset({"gemini:S1"}),
    }


def test_findings_of_one_seat_never_merge() -> None:
    a, b = _overlap_pair()
    clusters = cluster_findings([seat("claude", a, b)])
    assert groups(clusters) == {frozenset({"claude:I1"}), frozenset({"claude:I2"})}


def test_at_most_one_finding_per_seat_per_cluster() -> None:
    a, b = _overlap_pair()
    c = finding(
        "I1",
        "Vsock listener `ln` leaked when `runSwitch` returns early",
        "pkg/net/switch.go:96-120",
        body="`vsockHandshake` hands back `ln`; `virtualnetwork.New` failing leaks it.",
    )
    clusters = cluster_findings([seat("claude", a, b), seat("codex", c)])
    for cl in clusters:
        assert len({m.seat for m in cl.members}) == len(cl.members)
    assert len(clusters) == 2
    assert any(len(cl.members) == 2 for cl in clusters)


def test_identifiers_and_quoted_code_merge_when_line_numbers_disagree() -> None:
    code = (
        "```go\ngo func() {\n    conn, err := getVsockConnection(vmGUID, port)\n"
        "    case found <- vmGUID:\n}()\n```\n\n"
    )
    a = finding(
        "I2",
        "Handshake probes can panic by sending to `found` after it has been closed",
        "pkg/hs/handshake.go:269-273",
        "pkg/hs/handshake.go:298-325",
        body=code + "`getVMGUID` closes `found` while probes spawned by `attemptHandshake` "
        "still block in `hvsock.Dial` and later send.",
    )
    b = finding(
        "C3",
        "Unbounded goroutine leak in `attemptHandshake`",
        "pkg/hs/handshake.go:214",
        body=code + "`attemptHandshake` spawns a goroutine every tick; `hvsock.Dial` and "
        "`readSignature` have no deadline, and `getVMGUID` returns while they block.",
    )
    assert groups(cluster_findings([seat("codex", a), seat("gemini", b)])) == {
        frozenset({"codex:I2", "gemini:C3"})
    }


def _three_seats():  # type: ignore[no-untyped-def]
    a1 = finding(
        "I1",
        "Cache worker leaks on reload: `handleReload` never calls `stopCache`",
        "reload.go:100-112",
        body=EXCERPT + "`handleReload` stops the agent and the watcher but not the worker started "
        "by `startCache`; the next start loses the handle.",
        fix=FIX,
    )
    a2 = finding(
        "I2",
        "Old worker orphaned when `startCache` overwrites `cacheStates`",
        "reload.go:200-220",
        body="`startCache` writes `cacheStates[name]` without cancelling the previous entry, so "
        "the old worker's cancel function is dropped; a failed `startServer` makes it happen on "
        "every retry.",
        fix=FIX,
    )
    x = finding(
        "I1",
        "Cache worker leaks across reload and startup-failure paths",
        "svc/reload.go:100-112",
        "svc/reload.go:200-220",
        "svc/cache.go:40-48",
        body=EXCERPT + "`handleReload` never calls `stopCache`, and `startServer` returns at "
        "lines 205-209 and 214-218 with the worker running; `cacheStates` then loses the old "
        "cancel.",
        fix=FIX,
    )
    z = finding(
        "S1",
        "Missing cleanup before overwrite in `startCache`",
        "svc/cache.go:38",
        body="`startCache` overwrites `cacheStates[name]` without cancelling the previous entry, "
        "dropping the cancel function of the old worker.",
        fix=FIX,
    )
    return [seat("alpha", a1, a2), seat("beta", x), seat("gamma", z)]


def test_a_finding_matching_two_of_one_seat_goes_where_total_evidence_is_larger() -> None:
    seats = _three_seats()
    items, _ = cluster_mod._items(seats, ())
    idf = rarity(i.features for i in items)
    feats = {i.member.key: i.features for i in items}

    def score(a: str, b: str) -> float:
        return evidence(feats[a], feats[b], idf=idf).score

    # beta:I1 overlaps both alpha findings and, taken alone, looks most like alpha:I1 ...
    assert score("alpha:I1", "beta:I1") > score("alpha:I2", "beta:I1")
    # ... but alpha:I2 and gamma:S1 together support it more
    assert score("alpha:I2", "beta:I1") + score("alpha:I2", "gamma:S1") > score(
        "alpha:I1", "beta:I1"
    ) + score("alpha:I1", "gamma:S1")
    assert groups(cluster_findings(seats)) == {
        frozenset({"alpha:I2", "beta:I1", "gamma:S1"}),
        frozenset({"alpha:I1"}),
    }


def test_clusters_do_not_depend_on_seat_order() -> None:
    seats = _three_seats()
    a, b = _overlap_pair()
    seats.append(seat("delta", a, b))
    reference = cluster_findings(seats)
    for perm in itertools.permutations(seats):
        got = cluster_findings(list(perm))
        assert got == reference


def test_cluster_ids_follow_canonical_member_rank() -> None:
    clusters = cluster_findings(_three_seats())
    assert [c.id for c in clusters] == [f"K{n}" for n in range(1, len(clusters) + 1)]
    firsts = [(c.members[0].seat, c.members[0].finding.id) for c in clusters]
    assert firsts == sorted(firsts, key=lambda p: (p[0], p[1]))


def test_every_member_after_the_first_has_a_link() -> None:
    for c in cluster_findings(_three_seats()):
        assert len(c.links) == len(c.reasons) == len(c.members) - 1
        keys = {m.key for m in c.members}
        for link in c.links:
            assert link.joiner in keys and link.anchor in keys
            assert link.score >= LINK_THRESHOLD or len(c.members) > 2


def test_failed_seats_are_ignored() -> None:
    a, b = _overlap_pair()
    clusters = cluster_findings([seat("claude", a), failed("codex"), seat("gemini", b)])
    assert groups(clusters) == {frozenset({"claude:I1", "gemini:I2"})}


def test_no_reviews_no_clusters() -> None:
    assert cluster_findings([]) == ()
    assert cluster_findings([failed("codex")]) == ()


# Kinds of merging seen on real reports (issue 11), in fixtures of our own.

QUOTED = "```go\nif app.DeletionTimestamp != nil {\n    return ctrl.Result{}, nil\n}\n```\n\n"


def test_same_lines_and_same_quoted_code_merge_despite_different_wording() -> None:
    # two reviewers quote the same three lines and point at overlapping ranges; their titles
    # share no word, yet a careful lead sees one problem
    a = finding(
        "I5",
        "Nothing removes the hook when the profile goes away",
        "ctl/profile/reconcile.go:44-46",
        body=QUOTED + "The early return skips `removeHook`, so the rc file keeps the block.",
        cls="gap",
    )
    b = finding(
        "I6",
        "Deleting the App leaves its shell edits behind",
        "ctl/profile/reconcile.go:43-50",
        body=QUOTED + "A deleted object returns before `removeHook` runs.",
        cls="gap",
    )
    assert groups(cluster_findings([seat("claude", a), seat("codex", b)])) == {
        frozenset({"claude:I5", "codex:I6"})
    }


def test_adjacent_lines_saying_different_things_stay_apart() -> None:
    # the key ID on line 5 and the secret on line 6: one line apart, one file, one keyword
    # ("key"), but two problems; the seat's secret finding joins only the analyzer's line 6
    key_id = finding(
        "S1", "Possible secret committed: AWS Access Key", "app.py:5", body="detect-secrets: key"
    )
    secret_static = finding(
        "S2", "Possible secret committed: Secret Keyword", "app.py:6", body="detect-secrets: key"
    )
    secret_seat = finding(
        "C1",
        "AWS secret access key hard-coded in `client`",
        "app.py:6",
        body='```python\n    secret = "…"\n```\n\nThe secret key is a literal; read it from the '
        "environment.",
    )
    # the static seat is an analyzer: its grades are a rule's defaults, not a judgment
    static = replace(seat("static", key_id, secret_static), model_backed=False)
    got = groups(cluster_findings([static, seat("bot", secret_seat)]))
    assert got == {frozenset({"static:S1"}), frozenset({"static:S2", "bot:C1"})}


def test_gap_and_enhancement_on_the_same_lines_merge() -> None:
    # one reviewer calls it a gap, the other an enhancement: not a disagreement about fault
    a = finding(
        "S3",
        "Nothing keeps the job's promise true",
        "ci/test.yml:275-276",
        body="The comment says this job tests the plain host; no step verifies it.",
        cls="gap",
    )
    b = finding(
        "S3",
        "Establish the precondition first",
        "ci/test.yml:275-276",
        body="Add a step that fails when a copy tool is present.",
        cls="enhancement",
    )
    assert groups(cluster_findings([seat("claude", a), seat("codex", b)])) == {
        frozenset({"claude:S3", "codex:S3"})
    }
