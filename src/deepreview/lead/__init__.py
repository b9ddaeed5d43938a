"""The lead: one more agent that verifies the consolidated clusters and writes the judgment.

`prompt` builds what it is asked, `runner` runs it like a seat (and once more when its answer is
invalid), `answer` validates the JSON it answers with, `check` keeps only the claims about
clusters that exist, and `apply` turns them into the report through `build_report`.
"""

from __future__ import annotations

from deepreview.lead.answer import AnswerError, LeadAnswer, extract_json, parse_answer
from deepreview.lead.apply import report_from_answer
from deepreview.lead.check import Checked, check_answer
from deepreview.lead.prompt import LeadContext, Retry, build_lead_prompt
from deepreview.lead.runner import LeadOutcome, run_lead_agent

__all__ = [
    "AnswerError",
    "Checked",
    "LeadAnswer",
    "LeadContext",
    "LeadOutcome",
    "Retry",
    "build_lead_prompt",
    "check_answer",
    "extract_json",
    "parse_answer",
    "report_from_answer",
    "run_lead_agent",
]
