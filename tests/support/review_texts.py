"""Small seat reviews in our prompt's layout that several parser tests end differently."""

from __future__ import annotations

# every severity section says `None.`: a clean review, before its closing line
CLEAN_REVIEW = (
    "## Executive Summary\n\nSmall change.\n\n## Critical Issues\n\nNone.\n\n"
    "## Important Issues\n\nNone.\n\n## Suggestions\n\nNone.\n\n"
)
# one Important finding, I1 at `calc.py:2`, then `None.` suggestions
ONE_FINDING_REVIEW = (
    "## Executive Summary\n\nAdds CSV export.\n\n## Critical Issues\n\nNone.\n\n"
    "## Important Issues\n\nI1. **Export loads every row into memory** — `calc.py:2` "
    "(important, regression)\nLarge tables exhaust the worker's memory.\n\n"
    "Fix: stream with a generator.\n\n## Suggestions\n\nNone.\n\n"
)
