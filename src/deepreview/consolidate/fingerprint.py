"""A finding's fingerprint: the same problem at the same place gets the same value across
rounds and runs, though IDs (I1 → I2), wording details and line numbers move.

It hashes the file, what the finding is about (`issue_key`) and a hash of the finding's code
excerpt (its first fenced block). What it is about is its normalised title — unless the title
says nothing of the problem: a finding written ``- **I2** `a.py:4` — the loop never …`` has its
location for a title, and "Missing error handling" may head two different findings of one file.
Then the finding's own first sentence tells it apart (trial 44a: every untitled finding of a
file shared one fingerprint, and declining one dropped them all).

Two findings of one review never share a fingerprint (`distinct_fingerprints`): a collision is
told apart by the body, then the severity, then the order. SARIF's `partialFingerprints`, the
store's declines and the PR's inline comment markers use them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Final

from deepreview.consolidate.places import key_path
from deepreview.markdown_fence import code_blocks
from deepreview.model import Finding

FINGERPRINT_VERSION: Final = 2
_MARKUP = re.compile(r"[`*_~]")
_SPACE = re.compile(r"\s+")
# A location as a title: `calc.py:2`, `src/a.py:3-9`, `a.py` line 4, L12 — nothing else.
# `_strip_locations` removes what this pattern matches, in linear time: as a regex, a path
# (`[\w./\\-]+\.\w+`) is searched from each character of a long word with no `.x` in it, to
# its end (`a-a-a…` of 40 KB, a seat's finding title: 28 s).
_PATH_CHARS = re.compile(r"[\w./\\-]+")
_DOT_WORD = re.compile(r"\.(?=\w)")
_WORD = re.compile(r"\w+")
_PATH_SUFFIX = re.compile(r":\d+(?:[-–]\d+)?")
_LINE_OR_LINK_WORD = re.compile(r"\b(?:lines?|l)\s*\d+(?:\s*[-–]\s*\d+)?|\b(?:in|at|of)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|\n\s*\n")
# Titles that name a kind of problem, not the problem: two of one file are told apart by text.
GENERIC_TITLES: Final = frozenset(
    {
        "bug",
        "code quality",
        "documentation",
        "edge case",
        "error",
        "error handling",
        "finding",
        "input validation",
        "issue",
        "maintainability",
        "missing error handling",
        "missing input validation",
        "missing test",
        "missing tests",
        "missing validation",
        "naming",
        "nit",
        "performance",
        "potential bug",
        "problem",
        "readability",
        "security",
        "style",
        "typo",
        "validation",
    }
)
_SENTENCE_CHARS: Final = 240


def normalised_title(title: str) -> str:
    """Lower case, without Markdown emphasis/code marks, spacing or end punctuation."""
    return _SPACE.sub(" ", _MARKUP.sub("", title)).strip().strip(".:;,!").lower()


def location_title(title: str) -> bool:
    """Whether `title` is only a location (or empty): it says nothing of the problem."""
    rest = _strip_locations(normalised_title(title))
    return not re.sub(r"[\W_]+", "", rest)


def _strip_locations(text: str) -> str:
    """`text` with each location word replaced by a blank, as `_OLD.sub(" ", text)` would,
    `_OLD` being `<path>(?::<n>(?:[-–]<n>)?)?|<line or link word>` with `<path>` the path
    characters then a dot and word characters. From a position inside a run of path
    characters, the path's greedy head takes the run and gives back to its last `.` before a
    word character: the path matches there exactly when that dot lies after the position."""
    # (start, end, last dot before a word character or -1) of each run of path characters
    runs = [
        (m.start(), m.end(), _last_dot(text, m.start(), m.end()))
        for m in _PATH_CHARS.finditer(text)
    ]
    out: list[str] = []
    pos = done = r = 0
    other = _LINE_OR_LINK_WORD.search(text)
    while pos < len(text):
        while r < len(runs) and (runs[r][1] <= pos or runs[r][2] < max(pos, runs[r][0]) + 1):
            r += 1  # a run ending before `pos`, or with no dot after `pos`, holds no path there
        path_at = max(pos, runs[r][0]) if r < len(runs) else len(text)
        if other is not None and other.start() < pos:
            other = _LINE_OR_LINK_WORD.search(text, pos)
        if other is not None and other.start() < path_at:
            start, end = other.span()
        elif r < len(runs):
            start = path_at
            word = _WORD.match(text, runs[r][2] + 1)
            assert word is not None  # a word character follows the dot
            suffix = _PATH_SUFFIX.match(text, word.end())
            end = suffix.end() if suffix else word.end()
        else:
            break
        out += [text[done:start], " "]
        pos = done = end
    out.append(text[done:])
    return "".join(out)


def _last_dot(text: str, start: int, end: int) -> int:
    last = -1
    for m in _DOT_WORD.finditer(text, start, end):
        last = m.start()
    return last


def generic_title(title: str) -> bool:
    return normalised_title(title) in GENERIC_TITLES


def first_sentence(body: str) -> str:
    """The first sentence of `body`'s prose (code blocks left out), normalised as a title is;
    "" when it has none."""
    text = body
    for block in code_blocks(body):
        text = text.replace(block.body, " ")
    text = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith(("```", "~~~")))
    text = text.strip()
    first = _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    return normalised_title(first[:_SENTENCE_CHARS])


def issue_key(finding: Finding) -> str:
    """What the finding is about: its normalised title; its first sentence when the title is a
    location; both when the title is generic."""
    title = normalised_title(finding.title)
    if location_title(finding.title):
        return first_sentence(finding.body) or title
    if generic_title(finding.title):
        return f"{title}\0{first_sentence(finding.body)}"
    return title


def code_excerpt(body: str) -> str:
    """The first fenced code block of `body`, each line stripped (indentation and trailing
    spaces do not change a fingerprint); "" when it quotes no code."""
    block = next(code_blocks(body), None)
    if block is None:
        return ""
    return "\n".join(line.strip() for line in block.body.splitlines() if line.strip())


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _path(finding: Finding) -> str:
    # the key place, not the first shown: fingerprints stored while places were sorted stay
    return key_path(finding)


def fingerprint(finding: Finding, salt: str = "") -> str:
    """`v2:<hex>` over file + issue key + code-excerpt hash (+ `salt`, which tells apart
    findings of one review that would share it: `distinct_fingerprints`). A finding whose
    title names its problem and that needs no salt keeps its version 1 value, `v1:` and all:
    code scanning alerts, inline comment markers and declines of before stay its own."""
    key = issue_key(finding)
    parts = [_path(finding), key, _sha256(code_excerpt(finding.body))]
    if salt:
        parts.append(salt)
    same_as_v1 = not salt and key == normalised_title(finding.title)
    version = 1 if same_as_v1 else FINGERPRINT_VERSION
    return f"v{version}:{_sha256(chr(0).join(parts))[:32]}"


def legacy_fingerprint(finding: Finding) -> str:
    """The fingerprint deep-review wrote before version 2 (file + normalised title + code):
    declines and inline comment markers stored then still carry it."""
    parts = (_path(finding), normalised_title(finding.title), _sha256(code_excerpt(finding.body)))
    return f"v1:{_sha256(chr(0).join(parts))[:32]}"


def _salts(finding: Finding) -> list[str]:
    """The salts `distinct_fingerprints` tries, in order, on a collision: what the finding
    says (first sentence, whole body), then its severity — each computable from the finding
    alone, so a finding carries the same value into the next round."""
    body = normalised_title(finding.body)
    return [
        f"text:{first_sentence(finding.body)}",
        f"body:{body}",
        f"body:{body}\0severity:{finding.severity.letter}",
    ]


def fingerprint_variants(finding: Finding) -> frozenset[str]:
    """Every value `distinct_fingerprints` may have given `finding` (but the last resort, its
    order): what a decline or marker recorded for it is one of these."""
    return frozenset({fingerprint(finding), *(fingerprint(finding, s) for s in _salts(finding))})


def distinct_fingerprints(findings: Sequence[Finding]) -> list[str]:
    """The fingerprints of one review's findings, in order, no two equal: findings that would
    share one are told apart by their text, then their severity, then their order."""
    out = [fingerprint(f) for f in findings]
    for rung in range(len(_salts(findings[0])) if findings else 0):
        clash = _clashing(out)
        if not clash:
            return out
        for i in clash:
            out[i] = fingerprint(findings[i], _salts(findings[i])[rung])
    seen: dict[str, int] = {}
    for i in _clashing(out):
        n = seen[out[i]] = seen.get(out[i], 0) + 1
        out[i] = fingerprint(findings[i], f"{_salts(findings[i])[-1]}\0#{n}")
    return out


def known_fingerprints(findings: Sequence[Finding]) -> dict[str, frozenset[str]]:
    """By finding ID, the values an inline comment marker of the finding may carry: its
    `distinct_fingerprints` value, and its version 1 fingerprint when no other finding of the
    review had that one (a PR commented on before version 2)."""
    fps = distinct_fingerprints(findings)
    old = [legacy_fingerprint(f) for f in findings]
    return {
        f.id: frozenset({fp, legacy} if old.count(legacy) == 1 else {fp})
        for f, fp, legacy in zip(findings, fps, old, strict=True)
    }


def _clashing(fps: Sequence[str]) -> list[int]:
    count: dict[str, int] = {}
    for fp in fps:
        count[fp] = count.get(fp, 0) + 1
    return [i for i, fp in enumerate(fps) if count[fp] > 1]


__all__ = [
    "FINGERPRINT_VERSION",
    "GENERIC_TITLES",
    "code_excerpt",
    "distinct_fingerprints",
    "fingerprint",
    "fingerprint_variants",
    "first_sentence",
    "generic_title",
    "issue_key",
    "known_fingerprints",
    "legacy_fingerprint",
    "location_title",
    "normalised_title",
]
