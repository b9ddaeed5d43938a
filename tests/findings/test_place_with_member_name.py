"""A place given as a file and the function in it: `1. **Title** (`jobs/sync.py`, `flush()`):
text`. The finding's place is the file (no line is given) and its text keeps the function's
name as a sentence would ("in `flush()`: the last batch …"); before, the text began with the
name and a stray parenthesis ("`flush()`): the last batch …").
"""

from __future__ import annotations

from deepreview.findings import parse_review


def test_the_function_stays_in_the_text_without_a_stray_parenthesis() -> None:
    text = (
        "## Findings\n\n### Important\n\n"
        "1. **Last batch is dropped** (`jobs/sync.py`, `flush()`): the final partial batch "
        "is never written.\n"
    )
    review = parse_review(text, seat="alpha")
    [finding] = review.findings
    assert [(loc.path, loc.start) for loc in finding.locations] == [("jobs/sync.py", None)]
    assert finding.title == "Last batch is dropped", finding
    assert "`flush()`" in finding.body, finding.body
    assert "`flush()`)" not in finding.body, finding.body
