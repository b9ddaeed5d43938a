"""`titled_names.titled_name_nearby` on hand-built findings: a compound name one title is about
counts beside a one-line finding (its explanation, if any, repeats its title); between two
explained findings whose titles both name it, it does not (on real reports such titles name the
function each remark is about, and their explanations are compared instead)."""

from __future__ import annotations

from consolidate_helpers import finding

from deepreview.consolidate.features import PathResolver, extract
from deepreview.consolidate.titled_names import titled_name_nearby

_RESOLVER = PathResolver(["exporter/metrics.py"])
_LABELLED = finding(
    "I1",
    "`user_id` as a label creates a series per customer",
    "exporter/metrics.py:6",
    body="Every customer and status pair becomes its own time series; drop the label.",
)


def test_a_one_line_finding_naming_the_name_in_its_title_counts() -> None:
    bullet = finding(
        "I1", "labelling by `user_id` makes one series per customer", "exporter/metrics.py:13"
    )
    x = extract("claude", _LABELLED, _RESOLVER)
    y = extract("codex", bullet, _RESOLVER)
    assert titled_name_nearby(x, y) == {"user_id"}


def test_two_explained_findings_naming_it_in_their_titles_do_not() -> None:
    explained = finding(
        "I1",
        "`user_id` is read before the session is checked",
        "exporter/metrics.py:13",
        body="An anonymous request reaches the counter with an empty id and is counted anyway.",
    )
    x = extract("claude", _LABELLED, _RESOLVER)
    y = extract("gemini", explained, _RESOLVER)
    assert titled_name_nearby(x, y) == frozenset()
