"""Through the real `deep-review review --lead none`: the same failure named a few lines apart
in one file (`nearby.same_failure_nearby`) joins two findings only when a careful lead, reading
the code at the review's commit, sees one block of it. Two nil dereferences eleven lines apart,
one in `openStore` and one in `closeStore`, are two problems (each function is fixed on its
own); two told ten lines apart inside `openStore`, at the lookup that can fail and at the use
that then dereferences it, are one. Without the code (no sources) nearness is all a lead has,
and the two functions' findings stay joined as before. A race is made by two functions
together: told at the unlocked writer and at the reader, it stays one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from consolidate_helpers import finding, groups, seat

from deepreview.consolidate import cluster_findings
from support.printing_seats import findings_of_change

STORE = (
    "package store\n"  # 1
    "\n"  # 2
    "func openStore(cfg *Config) *Store {\n"  # 3
    "\tconn := cfg.Dial()\n"  # 4
    "\ts := &Store{conn: conn}\n"  # 5
    "\ts.cache = make(map[string]string)\n"  # 6
    "\tpool := registry.Lookup(cfg.Name)\n"  # 7
    "\ts.limit = cfg.Limit\n"  # 8
    "\ts.retries = cfg.Retries\n"  # 9
    '\ts.label = cfg.Name + "-store"\n'  # 10
    "\ts.created = clock.Now()\n"  # 11
    "\ts.owner = cfg.Owner\n"  # 12
    "\ts.mode = cfg.Mode\n"  # 13
    "\ts.size = cfg.Size\n"  # 14
    "\ts.workers = cfg.Workers\n"  # 15
    "\ts.timeout = cfg.Timeout\n"  # 16
    "\ts.slots = pool.Slots\n"  # 17
    "\treturn s\n"  # 18
    "}\n"  # 19
    "\n"  # 20
    "func closeStore(s *Store) {\n"  # 21
    "\ts.conn.Close()\n"  # 22
    "}\n"  # 23
)
# at line 11 of openStore: a config without a clock crashes on a nil pointer
OPEN_NIL = (
    "- [P2] store/store.go:11 — `clock` is nil when the config never set one; opening a store "
    "then panics with a nil pointer dereference.\n"
)


def _found(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, {"store/store.go": STORE}, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_one_failure_in_two_functions_a_few_lines_apart_stays_two(tmp_path: Path) -> None:
    got = _found(
        tmp_path,
        alpha=OPEN_NIL,
        bravo="- [P2] store/store.go:22 — calling `closeStore` with a nil store dereferences a "
        "nil pointer and panics.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


def test_one_failure_told_twice_inside_one_function_is_one(tmp_path: Path) -> None:
    got = _found(
        tmp_path,
        alpha="- [P2] store/store.go:7 — `Lookup` returns nil for an unknown name and nothing "
        "checks it: a nil pointer dereference waiting to happen.\n",
        bravo="- [P2] store/store.go:17 — reading `Slots` panics when no pool was registered "
        "under the config's name (nil pointer dereference).\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_without_the_code_the_two_functions_findings_stay_joined() -> None:
    reviews = [
        seat(
            "alpha",
            finding(
                "I1", "`clock` is nil when unset: nil pointer dereference", "store/store.go:11"
            ),
        ),
        seat(
            "bravo",
            finding(
                "I1", "`closeStore` on a nil store: nil pointer dereference", "store/store.go:22"
            ),
        ),
    ]
    apart = {frozenset({"alpha:I1"}), frozenset({"bravo:I1"})}
    joined = {frozenset({"alpha:I1", "bravo:I1"})}
    assert groups(cluster_findings(reviews, sources={"store/store.go": STORE})) == apart
    assert groups(cluster_findings(reviews)) == joined


TALLY = (
    "package tally\n"  # 1
    "\n"  # 2
    "type Tally struct {\n"  # 3
    "\tmu   sync.Mutex\n"  # 4
    "\tseen map[string]int\n"  # 5
    "}\n"  # 6
    "\n"  # 7
    "func (t *Tally) Add(key string) {\n"  # 8
    "\tt.seen[key]++\n"  # 9
    "}\n"  # 10
    "\n"  # 11
    "func (t *Tally) Report() map[string]int {\n"  # 12
    "\tt.mu.Lock()\n"  # 13
    "\tdefer t.mu.Unlock()\n"  # 14
    "\tout := map[string]int{}\n"  # 15
    "\tfor k, v := range t.seen {\n"  # 16
    "\t\tout[k] = v\n"  # 17
    "\t}\n"  # 18
    "\treturn out\n"  # 19
    "}\n"  # 20
)


def test_a_race_told_at_the_writer_and_at_the_reader_in_two_methods_is_one(
    tmp_path: Path,
) -> None:
    # a race is made by two functions together: each reviewer tells the side it looked at
    found = findings_of_change(
        tmp_path,
        {"tally/tally.go": TALLY},
        {
            "alpha": "- [P1] tally/tally.go:9 — `Add` bumps the counter without taking the "
            "lock; concurrent callers hit a data race.\n",
            "bravo": "- [P1] tally/tally.go:16 — `Report` walks the map under the mutex while "
            "writers skip it: a race the detector flags.\n",
        },
    )
    got = sorted(sorted(f["reviewers"]) for f in found)
    assert got == [["Alpha", "Bravo"]], got
