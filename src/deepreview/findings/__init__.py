"""Parsing: a seat's review text -> `AgentReview`, a rendered report -> `Report`.

Both parsers are pure `text -> model` functions.  `parse_review` never raises: agents write
reviews in many slightly different shapes (listed in `parse.py`), and whatever cannot be placed
is kept in `AgentReview.unparsed` with a warning rather than dropped.
"""

from __future__ import annotations

from deepreview.findings.parse import parse_review
from deepreview.findings.report_parse import parse_appendix_reviews, parse_report

__all__ = ["parse_appendix_reviews", "parse_report", "parse_review"]
