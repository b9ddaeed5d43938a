"""What the check of a lead answer says about it: one sentence per rejected claim (`Note`),
naming clusters and members as `Ref`s until the report knows what to call them (`lead.apply`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Ref:
    """A cluster (`K3`) or cluster member (`alpha:C1`) of this review that a note names."""

    kind: Literal["cluster", "member"]
    key: str


@dataclass(frozen=True)
class Note:
    """One sentence about the lead's answer; the clusters and members it names stay `Ref`s
    until it is shown (`text`), since only the report knows what they are called there."""

    parts: tuple[str | Ref, ...]
    about: str | None = None  # a rejected decision's cluster: the lead did decide about it

    def text(self, name: Callable[[Ref], str] | None = None) -> str:
        """The sentence, each `Ref` as `name` gives it (its raw key without `name`)."""
        return "".join(
            p if isinstance(p, str) else (name(p) if name else p.key) for p in self.parts
        )

    @property
    def refs(self) -> tuple[Ref, ...]:
        return tuple(p for p in self.parts if isinstance(p, Ref))

    def __str__(self) -> str:
        return self.text()


def cluster_ref(cid: str) -> Ref:
    return Ref("cluster", cid)


def listed(refs: Sequence[Ref]) -> tuple[str | Ref, ...]:
    """`a, b, c` as note parts."""
    out: list[str | Ref] = []
    for n, r in enumerate(refs):
        out.extend((", ", r) if n else (r,))
    return tuple(out)
