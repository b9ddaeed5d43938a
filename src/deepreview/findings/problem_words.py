"""Words that name a problem (`bug`, `broken`, `wrong`, `must fix`): a passage with one and a
place is a finding told in prose (`prose_problems`); a closing remark with one is no mere
sign-off (`sign_off`)."""

from __future__ import annotations

import re
from typing import Final

PROBLEM: Final = re.compile(
    r"\b(?:bugs?|buggy|broken|breaks|regressions?|vulnerab\w*|leaks?|leaked|leaking|crash\w*|"
    r"incorrect(?:ly)?|wrong|problems?|issues?|defects?|flaws?|deadlocks?|race\s+condition|"
    r"injection|critical|blockers?|blocking|severe|must\s+(?:be\s+)?fix(?:ed)?|rework|"
    r"corrupt(?:s|ed|ing|ion)?|do\s+not\s+merge|"
    r"don['’]t\s+merge|request(?:ed|ing)?\s+changes|changes\s+requested)\b",
    re.IGNORECASE,
)

# A problem word the sentence denies ("nothing wrong", "not broken", "no real issues"): the
# denial stands right before it, at most one word between.
_DENIED: Final = re.compile(
    r"\b(?:no|nothing|not|never|without|free\s+of|\w+n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE
)


def names_a_problem(text: str) -> bool:
    """Whether `text` names a problem: a problem word its sentence does not deny."""
    return any(
        _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
        for m in PROBLEM.finditer(text)
    )


# Faults told without a problem word (`lock missing around `inc``, `negative amounts are
# silently dropped`): with `names_a_problem`, what keeps a row marked as a pass a finding
# (`table_findings`). Kept apart from PROBLEM: prose and sign-offs read only the words above.
_FAULT: Final = re.compile(
    r"\b(?:missing|lacks?|lacking|fails?|failing|loses?|losing|lost|drop(?:s|ped)?|"
    r"silently|unsafe|unchecked|unhandled|unvalidated|overflows?|hangs?|stalls?|"
    r"swallow(?:s|ed|ing)?|bypass(?:es|ed)?|exhausts?|truncat(?:es|ed|ing)|"
    r"divides?\s+by\s+zero)\b",
    re.IGNORECASE,
)


def names_a_fault(text: str) -> bool:
    """`names_a_problem`, or a fault word its sentence does not deny (`nothing is lost`)."""
    return names_a_problem(text) or any(
        _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
        for m in _FAULT.finditer(text)
    )
