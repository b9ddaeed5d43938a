"""`labels.title_labels` finds the labels two different titles share by grouping, not by
comparing every label with every other (pf79: 40 million comparisons for a seat's 8,000 linter
findings). The labels must be the ones the pairwise rule gave, so this checks them against that
rule on random titles built to be cut alike."""

from __future__ import annotations

import random

from deepreview.consolidate.labels import LABEL_CHARS, title_label, title_labels


def _pairwise(titles: list[str]) -> tuple[str, ...]:
    """The rule as first written: a label clashes if a different title has it too."""
    out = [title_label(t) for t in titles]
    size, most = LABEL_CHARS + 10, max((len(t) for t in titles), default=0) + 10
    while True:
        clashing = [
            i
            for i, label in enumerate(out)
            if any(out[j] == label and titles[j] != titles[i] for j in range(len(out)))
        ]
        if not clashing or size > most:
            return tuple(out)
        for i in clashing:
            out[i] = title_label(titles[i], chars=size)
        size += 10


def test_labels_match_the_pairwise_rule_on_random_titles() -> None:
    rng = random.Random(79)
    stems = ["`load` returns the field before `init` sets it", "unused variable in `parse`"]
    words = ["a", "b", "`x`", "value", "is", "never", "read", "when", "`None`", "—"]
    for _ in range(300):
        titles = [
            rng.choice(stems) + " " + " ".join(rng.choices(words, k=rng.randint(0, 12)))
            for _ in range(rng.randint(0, 12))
        ]
        titles += rng.sample(titles, min(len(titles), 3))  # identical titles stay identical
        assert title_labels(titles) == _pairwise(titles), titles
