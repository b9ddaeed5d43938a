"""`cluster._candidate_pairs` pairs a bucket's findings seat by seat, never building the pairs of
one seat's own findings (pf79: a linter seat's 8,000 findings). The pairs must be the ones the
first rule gave (every two of a bucket, kept when their seats differ): checked here on random
buckets of random seats."""

from __future__ import annotations

import random
from itertools import combinations
from types import SimpleNamespace

import pytest

from deepreview.consolidate import cluster


def _every_two(items: list[SimpleNamespace]) -> set[tuple[int, int]]:
    buckets: dict[str, list[int]] = {}
    for item in items:
        for anchor in item.features:
            buckets.setdefault(anchor, []).append(item.index)
    return {
        (min(a, b), max(a, b))
        for members in buckets.values()
        if 2 <= len(members) <= cluster._BUCKET_CAP
        for a, b in combinations(members, 2)
        if items[a].member.seat != items[b].member.seat
    }


def test_pairs_match_every_two_of_a_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "_anchors", lambda features: features)
    rng = random.Random(79)
    for _ in range(200):
        seats = rng.sample(["claude", "codex", "gemini", "linter"], rng.randint(1, 4))
        anchors = [f"f:a{n}.py" for n in range(rng.randint(1, 6))]
        items = [
            SimpleNamespace(
                index=i,
                member=SimpleNamespace(seat=rng.choice(seats)),
                features=set(rng.sample(anchors, rng.randint(0, len(anchors)))),
            )
            for i in range(rng.randint(0, 90))
        ]
        assert cluster._candidate_pairs(items) == _every_two(items)  # type: ignore[arg-type]
