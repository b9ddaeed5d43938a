"""A finding's fingerprint: the same problem at the same place gets the same value across
rounds and runs, though IDs (I1 → I2), wording details and line numbers move.

It hashes the file, the normalised title and a hash of the finding's code excerpt (its first
fenced block). SARIF's `partialFingerprints` use it so code scanning matches alerts between
uploads; later features (declined findings, inline comment markers) reuse it.
"""

from __future__ import annotations

import hashlib
import re
from typing import Final

from deepreview.markdown_fence import code_blocks
from deepreview.model import Finding

FINGERPRINT_VERSION: Final = 1
_MARKUP = re.compile(r"[`*_~]")
_SPACE = re.compile(r"\s+")


def normalised_title(title: str) -> str:
    """Lower case, without Markdown emphasis/code marks, spacing or end punctuation."""
    return _SPACE.sub(" ", _MARKUP.sub("", title)).strip().strip(".:;,!").lower()


def code_excerpt(body: str) -> str:
    """The first fenced code block of `body`, each line stripped (indentation and trailing
    spaces do not change a fingerprint); "" when it quotes no code."""
    block = next(code_blocks(body), None)
    if block is None:
        return ""
    return "\n".join(line.strip() for line in block.body.splitlines() if line.strip())


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(finding: Finding) -> str:
    """`v1:<hex>` over file + normalised title + code-excerpt hash."""
    path = finding.locations[0].path if finding.locations else ""
    parts = (path, normalised_title(finding.title), _sha256(code_excerpt(finding.body)))
    return f"v{FINGERPRINT_VERSION}:{_sha256(chr(0).join(parts))[:32]}"


__all__ = ["FINGERPRINT_VERSION", "code_excerpt", "fingerprint", "normalised_title"]
