"""Code names one reviewer backticks and another writes bare in its explanation.

Reviewers do not always backtick: "each write bumps the resourceVersion" names the field a
peer writes as `resourceVersion`; "the docs omit k3s_config" the key another backticks. A
careful lead reads both as the same name. Only names no prose word is spelled like count:
lowerCamelCase with a capital that starts a lower-case run (`resourceVersion`, `pagedRows`)
and snake_case (`k3s_config`, `DEPLOY_DIR`). Product names (`GitHub`, `PowerShell`,
`macOS`) are not of that shape; read bare in every explanation, they tied unrelated findings
(benchmarks/README.md, "Claims, bare names and coverage places"). And the bare spelling only
meets a name the other finding backticks, exactly as written: two explanations that both
write a word bare share nothing by it here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from deepreview.markdown_fence import strip_code

_BACKTICK = re.compile(r"`[^`\n]*`")
# lowerCamelCase: two lower-case letters at least, then a capital and a lower-case run
# (`resourceVersion`; not `iOS`, `macOS`, `eBPF`); or snake_case of two parts at least
_CODE_SHAPED = re.compile(
    r"(?<![\w./\\-])([a-z]{2}[a-z0-9]*(?:[A-Z][a-z0-9]+)+[A-Z]?|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)"
    r"(?![\w/\\-]|\.\w)"
)


def prose_names_in(text: str) -> frozenset[str]:
    """The code-shaped names written outside code spans and fences, as spelled."""
    plain = _BACKTICK.sub(" ", strip_code(text, " "))
    return frozenset(_CODE_SHAPED.findall(plain))


def named_across(
    identifiers: frozenset[str], spellings: Mapping[str, str], other_prose: frozenset[str]
) -> frozenset[str]:
    """The identifiers (lower-cased) one finding backticks that the other's explanation writes
    bare, spelled the same."""
    return frozenset(i for i in identifiers if spellings.get(i, "") in other_prose)
