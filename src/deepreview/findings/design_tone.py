"""Whether an unlabelled design observation is praise. Under a plain `## Design Observations`
(no `Concerns` / `Strengths` labels) a seat lists both; "Good use of an options object" or
"The tests are well structured" is a strength, not a concern. Anything with a reservation
(`but`, `consider`, `no`, `missing` …) stays a concern, as every unlabelled item was before."""

from __future__ import annotations

import re

from deepreview.findings.problem_words import names_a_fault

# praise opening the observation (after a bold title and its dash, if any)
_OPENS = re.compile(
    r"^(?:good|nice|nicely|great|clean|cleanly|solid|excellent|elegant|neat|clear|sensible|"
    r"thoughtful|well[- ]\w+|i\s+like|like\s+the|love\s+the|strong|tidy|idiomatic)\b",
    re.IGNORECASE,
)
# praise as the sentence's predicate: "… is nice", "The tests are well structured"
_SAYS = re.compile(
    r"\b(?:is|are|looks?|reads?|feels?)\s+(?:very\s+|really\s+)?"
    r"(?:nice|good|great|clean|clear|solid|elegant|neat|idiomatic|sensible|tidy|"
    r"well[- ]\w+|excellent|readable)\b",
    re.IGNORECASE,
)
_RESERVED = re.compile(
    r"\b(?:but|however|although|though|except|yet|consider|should|could|would|might|"
    r"lacks?|lacking|missing|no|not|never|without|breaking|breaks|risk|risky|problem|bug|"
    r"fragile|confusing|inconsistent|unclear|hard|too|instead|worry|concern|unfortunately)\b"
    r"|n't\b",
    re.IGNORECASE,
)
_TITLE = re.compile(r"^\*\*[^*]+\*\*\s*(?:\([^)]*\)\s*)?[—–:-]?\s*")


def praises(text: str) -> bool:
    """The observation only praises the change."""
    plain = re.sub(r"`[^`]*`", "code", text).strip()
    body = _TITLE.sub("", plain)
    if _RESERVED.search(plain) or names_a_fault(plain):
        return False  # (`Good separation; `a.py:12` … so state leaks between calls`: a fault)
    return bool(_OPENS.match(body) or _OPENS.match(plain.strip("*_ ")) or _SAYS.search(plain))
