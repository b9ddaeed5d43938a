"""Words that name a problem (`bug`, `broken`, `wrong`, `must fix`): a passage with one and a
place is a finding told in prose (`prose_problems`); a closing remark with one is no mere
sign-off (`sign_off`)."""

from __future__ import annotations

import re
from typing import Final

PROBLEM: Final = re.compile(
    r"\b(?:bugs?|buggy|broken|breaks|regressions?|vulnerab\w*|leaks?|leaked|leaking|crash\w*|"
    r"incorrect(?:ly)?|wrong|problems?|issues?|defects?|flaws?|deadlocks?|race\s+condition|"
    r"injection|critical|blockers?|blocking|severe|must\s+fix|rework|do\s+not\s+merge|"
    r"don['’]t\s+merge|request(?:ed|ing)?\s+changes|changes\s+requested)\b",
    re.IGNORECASE,
)
