"""A seat's own finding ID in the lead's prose, as the report names that finding.

The lead's prompt shows each merged finding's members as `alpha:I2` with the seat's own ID
(`"id": "I2"`), so a lead often writes "alpha's I2", "Alpha I2" or, in Alpha's retro paragraph,
"its I2". The report numbers its findings anew: left as written, `I2` would read (and link) as
the report's I2, another finding. So such a mention becomes the seat's label, `Alpha I2`, as a
member key `alpha:I2` does (`lead.apply.substitute`), which the report never links. Only an ID
that is one of that seat's findings is rewritten; the lead's own `K`/`L` IDs never are. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.labels import member_label
from deepreview.markdown_fence import outside_code

_ID = r"[A-Z]{1,3}\d+"


class SeatIds:
    """The seats' own finding IDs the lead was shown, and how to name them in its prose."""

    def __init__(self, clusters: Sequence[Cluster], names: Mapping[str, str]) -> None:
        self._label: dict[tuple[str, str], str] = {
            (m.seat.lower(), m.finding.id): member_label(m, dict(names))
            for c in clusters
            for m in c.members
        }
        seats = {s for s, _ in self._label}
        self._seat_of = {s: s for s in seats}
        self._seat_of.update({n.lower(): s.lower() for s, n in names.items() if s.lower() in seats})
        spelled = "|".join(re.escape(x) for x in sorted(self._seat_of, key=len, reverse=True))
        owner = rf"(?:(?P<seat>{spelled})(?:'s|’s)?\s+)?" if spelled else ""
        self._mention = re.compile(
            rf"(?<![\w#/.:'’-]){owner}(?P<id>{_ID})(?![\w.:-])", re.IGNORECASE
        )

    def named(self, text: str, seat: str | None = None) -> str:
        """`text` with each seat's own finding ID as that seat's label: after the seat's name
        ("alpha's I2", "Alpha I2"), or bare in `seat`'s own retro paragraph ("its I2")."""
        if not self._label:
            return text

        def one(m: re.Match[str]) -> str:
            fid = m["id"]
            if not fid[0].isupper() or fid[0] in "KLD":  # the lead's own IDs, `D2`
                return m[0]
            said = m.groupdict().get("seat")
            who = self._seat_of.get(said.lower()) if said else (seat or "").lower()
            label = self._label.get((who or "", fid.upper()))
            if label is None or fid != fid.upper():
                return m[0]
            return label

        return outside_code(text, lambda prose: self._mention.sub(one, prose))


__all__ = ["SeatIds"]
