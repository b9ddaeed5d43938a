"""What a review section is, by its title: `## Critical Issues`, `**Findings**`, `High
Severity`, `Issues Found` and `Tests` all name one of the section kinds (`Kind`), whatever their
heading level; titles about earlier rounds or the PR's threads name no findings section.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from deepreview.findings.levels import HIGH, title_level
from deepreview.findings.new_round_titles import new_round_title
from deepreview.model import Severity


class Kind(StrEnum):
    PREAMBLE = "preamble"
    SUMMARY = "summary"
    VERDICT = "verdict"
    FINDINGS = "findings"
    CRITICAL = "critical"
    IMPORTANT = "important"
    SUGGESTIONS = "suggestions"
    DESIGN = "design"
    CONCERNS = "concerns"
    STRENGTHS = "strengths"
    TESTING = "testing"
    DOCS = "documentation"
    LIMITATIONS = "limitations"
    COVERAGE = "coverage"
    OTHER = "other"


FINDING_KINDS = frozenset({Kind.FINDINGS, Kind.CRITICAL, Kind.IMPORTANT, Kind.SUGGESTIONS})
DESIGN_KINDS = frozenset({Kind.DESIGN, Kind.CONCERNS, Kind.STRENGTHS})

_TITLES: dict[str, Kind] = {
    "executive summary": Kind.SUMMARY,
    "summary": Kind.SUMMARY,
    "review summary": Kind.SUMMARY,
    "overview": Kind.SUMMARY,
    "verdict": Kind.VERDICT,
    "findings": Kind.FINDINGS,
    "review findings": Kind.FINDINGS,
    "issues": Kind.FINDINGS,
    # a section named in the singular beside `### Nit` (`### Bug`): a bug to fix, the level
    # above a nit; only the word alone, as `Cache bug` is a finding's own title
    **dict.fromkeys(("bug", "defect"), Kind.IMPORTANT),
    "critical issues": Kind.CRITICAL,
    "critical": Kind.CRITICAL,
    "critical findings": Kind.CRITICAL,
    "important issues": Kind.IMPORTANT,
    "important": Kind.IMPORTANT,
    "important findings": Kind.IMPORTANT,
    "suggestions": Kind.SUGGESTIONS,
    "suggestion": Kind.SUGGESTIONS,
    # Other words agents use for the same three levels.
    "blockers": Kind.CRITICAL,
    "critical issues found": Kind.CRITICAL,
    "major issues": Kind.IMPORTANT,
    "minor issues": Kind.SUGGESTIONS,
    "nits": Kind.SUGGESTIONS,
    "nitpicks": Kind.SUGGESTIONS,
    "suggestions (non-blocking)": Kind.SUGGESTIONS,
    # The three levels and the summary in German, French and Spanish (a seat that answers in
    # the language of the change's comments); no bare `Critique`, an English word for a review.
    **dict.fromkeys(("kritische probleme", "kritisch", "kritische fehler"), Kind.CRITICAL),
    **dict.fromkeys(("problèmes critiques", "problemas críticos", "críticos"), Kind.CRITICAL),
    **dict.fromkeys(("wichtige probleme", "wichtig", "problèmes importants"), Kind.IMPORTANT),
    **dict.fromkeys(("problemas importantes", "importantes"), Kind.IMPORTANT),
    **dict.fromkeys(("vorschläge", "verbesserungsvorschläge", "sugerencias"), Kind.SUGGESTIONS),
    **dict.fromkeys(("zusammenfassung", "résumé", "resumen"), Kind.SUMMARY),
    # one word of a level, as `### Critical` / `### Major` / `### Minor` (a small model's headings)
    **dict.fromkeys(("crítico", "crítica", "críticas", "critico", "critica"), Kind.CRITICAL),
    **dict.fromkeys(
        ("mayor", "mayores", "majeur", "majeurs", "majeure", "majeures"), Kind.IMPORTANT
    ),
    **dict.fromkeys(
        ("menor", "menores", "problemas menores", "mineur", "mineurs"), Kind.SUGGESTIONS
    ),
    **dict.fromkeys(("mineure", "mineures", "problèmes mineurs", "sugerencia"), Kind.SUGGESTIONS),
    # their High / Medium / Low (a severity section as `### High` is; `HIGH_TITLES` rank below
    # a Critical section the same way), and German's Kritisch / Wichtig / Gering
    **dict.fromkeys(("hoch", "élevée", "élevé", "alta", "alto"), Kind.CRITICAL),
    **dict.fromkeys(("mittel", "moyenne", "moyen", "media", "medio"), Kind.IMPORTANT),
    **dict.fromkeys(("niedrig", "gering", "faible", "baja", "bajo"), Kind.SUGGESTIONS),
    **dict.fromkeys(("befunde", "constatations", "hallazgos"), Kind.FINDINGS),
    # Portuguese (Crítico / Médio / Baixo, as a small model answers a Brazilian change), and
    # German's hints (`## Hinweise`, `## Kleinigkeiten`: the lesser points; not `Anmerkungen`,
    # remarks of any weight)
    **dict.fromkeys(("médio", "média", "importante"), Kind.IMPORTANT),
    **dict.fromkeys(("baixo", "baixa", "sugestões", "sugestão", "melhorias"), Kind.SUGGESTIONS),
    **dict.fromkeys(("hinweise", "kleinigkeiten"), Kind.SUGGESTIONS),
    **dict.fromkeys(("problemas encontrados", "achados"), Kind.FINDINGS),
    "resumo": Kind.SUMMARY,
    # Japanese: 重大 (critical), 重要 (important), 軽微 (minor) and 提案 (suggestions)
    **dict.fromkeys(("重大な問題", "重大", "重大な指摘"), Kind.CRITICAL),
    **dict.fromkeys(("重要な問題", "重要", "重要な指摘"), Kind.IMPORTANT),
    **dict.fromkeys(("提案", "改善提案", "軽微", "軽微な問題", "軽微な指摘"), Kind.SUGGESTIONS),
    **dict.fromkeys(("指摘事項", "問題点"), Kind.FINDINGS),
    **dict.fromkeys(("概要", "要約"), Kind.SUMMARY),
    # Simplified Chinese: 严重 (critical), 一般 / 重要 (important), 建议 (suggestions), 总结
    **dict.fromkeys(("严重问题", "严重"), Kind.CRITICAL),
    **dict.fromkeys(("一般问题", "重要问题", "主要问题"), Kind.IMPORTANT),
    **dict.fromkeys(("建议", "改进建议", "次要问题", "轻微问题"), Kind.SUGGESTIONS),
    **dict.fromkeys(("总结", "摘要"), Kind.SUMMARY),
    # Russian: критические (critical), существенные / важные (important), мелкие (minor)
    **dict.fromkeys(
        (
            "критические проблемы",
            "критические замечания",
            "критические",
            "блокирующие замечания",
            "блокирующие проблемы",
        ),
        Kind.CRITICAL,
    ),
    **dict.fromkeys(
        (
            "существенные замечания",
            "существенные проблемы",
            "важные замечания",
            "важные проблемы",
            "серьёзные замечания",
            "серьезные замечания",
            "серьёзные проблемы",
            "серьезные проблемы",
        ),
        Kind.IMPORTANT,
    ),
    **dict.fromkeys(
        (
            "мелкие замечания",
            "мелкие проблемы",
            "незначительные замечания",
            "мелочи",
            "предложения",
        ),
        Kind.SUGGESTIONS,
    ),
    **dict.fromkeys(("найденные проблемы", "замечания"), Kind.FINDINGS),
    **dict.fromkeys(("обзор", "резюме"), Kind.SUMMARY),
    # Korean: 심각한 / 치명적 (critical), 중요한 / 주요 (important), 사소한 / 경미한, 제안 (minor)
    **dict.fromkeys(("심각한 문제", "치명적 문제", "치명적인 문제", "중대한 문제"), Kind.CRITICAL),
    **dict.fromkeys(("중요한 문제", "주요 문제", "주요 이슈"), Kind.IMPORTANT),
    **dict.fromkeys(("사소한 문제", "경미한 문제", "제안", "개선 제안"), Kind.SUGGESTIONS),
    **dict.fromkeys(("발견된 문제", "문제점"), Kind.FINDINGS),
    **dict.fromkeys(("리뷰 요약", "요약", "개요"), Kind.SUMMARY),
    "design observations": Kind.DESIGN,
    "design": Kind.DESIGN,
    "concerns": Kind.CONCERNS,
    "concern": Kind.CONCERNS,
    "strengths": Kind.STRENGTHS,
    "testing assessment": Kind.TESTING,
    "testing": Kind.TESTING,
    "test assessment": Kind.TESTING,
    # the same sections in the words seats use when they ignore the template
    "tests": Kind.TESTING,
    "test coverage": Kind.TESTING,
    "testing notes": Kind.TESTING,
    "tests and coverage": Kind.TESTING,
    "documentation assessment": Kind.DOCS,
    "documentation": Kind.DOCS,
    "docs": Kind.DOCS,
    "documentation notes": Kind.DOCS,
    "design notes": Kind.DESIGN,
    "design considerations": Kind.DESIGN,
    "architecture": Kind.DESIGN,
    "design and architecture": Kind.DESIGN,
    "architecture and design": Kind.DESIGN,
    "acknowledged limitations": Kind.LIMITATIONS,
    "limitations": Kind.LIMITATIONS,
    "known limitations": Kind.LIMITATIONS,
    "coverage summary": Kind.COVERAGE,
    "coverage": Kind.COVERAGE,
    "file coverage": Kind.COVERAGE,
}


# The titles above that are the top of a High / Medium / Low scale in another language.
HIGH_TITLES = frozenset(("hoch", "élevée", "élevé", "alta", "alto"))
# "None" under a severity heading in the languages above (`Keine.`, `Aucun.`, `なし。`), and an
# em or en dash standing alone for it; `findings.is_none_marker` reads them as `None.`.
NONE_WORDS = (
    "keine",
    "keins",
    "aucun",
    "aucune",
    "rien",
    "ninguno",
    "ninguna",
    "nada",
    "nessuno",
    "nessuna",
    "nenhum",
    "nenhuma",
    "なし",
    "無し",
    "特になし",
    "該当なし",
    # Simplified Chinese: 无 ("none"), 暂无 ("none for now"), 没有 ("there is none")
    "无",
    "暂无",
    "没有",
    "—",
    "–",
)


_COUNT = re.compile(r"\(\d+\)$")


def normalize_title(title: str) -> str:
    t = re.sub(r"[*_`]", "", title).strip()
    t = re.sub(r"^[^\w(]+", "", t)  # emoji, bullets
    t = re.sub(r"^(?:\d{1,2}|[IVX]{1,4}|[A-Z])[.)]\s+", "", t)
    # "Important Issues (2)"; not `\s*\(\d+\)\s*$`, tried from every blank of a long run
    if count := _COUNT.search(stripped := t.rstrip()):
        t = stripped[: count.start()].rstrip()
    t = t.rstrip(":：").strip()  # (a full-width colon after a Japanese title)
    return re.sub(r"\s+", " ", t).lower()


def title_kind(title: str) -> Kind:
    t = normalize_title(title)
    if new_round_title(t):
        return Kind.FINDINGS  # a re-review's `### New in this round`
    return _TITLES.get(t) or _severity_kind(t) or _findings_kind(t) or Kind.OTHER


# `Issues Found`, `Key Findings`, `Problems identified`, `Detailed findings`: a findings section
# in other words.  Only these words: `Prior round findings` or `Resolved issues` list items that
# are not this review's findings, and stay ordinary sections.
_FINDINGS_NOUNS = frozenset(["issues", "issue", "findings", "problems", "bugs", "defects"])
_FINDINGS_FILLER = frozenset(
    [
        "potential",
        "possible",
        "additional",
        "other",
        "new",
        "noted",
        "observed",
        "found",
        "identified",
        "key",
        "detailed",
        "main",
        "review",
        "code",
        "list",
        "of",
        "the",
        "and",
    ]
)


def _findings_kind(normalized: str) -> Kind | None:
    """`Issues Found`, `Key Findings`; and a short title ending in one of those nouns
    (`Correctness issues`, `Security bugs`) unless it is about earlier rounds."""
    order = [w for w in re.split(r"[^a-z]+", normalized) if w]
    words = set(order)
    if words & _FINDINGS_NOUNS and words <= _FINDINGS_NOUNS | _FINDINGS_FILLER:
        return Kind.FINDINGS
    # One noun, at the end, in plain words: `Findings x ## Findings` or `Findings x Important
    # Issues` is two headings run together, and an ordinary section keeps all its words.
    plain = re.fullmatch(r"[a-z][a-z &/-]*", normalized) is not None
    nouns = sum(w in _FINDINGS_NOUNS for w in order)
    if order and order[-1] in _FINDINGS_NOUNS and len(order) <= 4 and nouns == 1 and plain:
        return None if about_earlier_rounds(normalized) else Kind.FINDINGS
    return None


_EARLIER = frozenset(
    [
        "prior",
        "previous",
        "earlier",
        "round",
        "rounds",
        "resolved",
        "fixed",
        "addressed",
        "status",
        "verification",
        "carried",
        "history",
        "changes",
        "changelog",
        "since",
        # the PR's own review threads (`## Unresolved Feedback Verdicts`): others' findings
        "feedback",
        "thread",
        "threads",
        "verdicts",
    ]
)


# `## Feedback`, `## Code review feedback`: the review's own feedback, not the PR's threads
# (`## Unresolved Feedback`, `## Feedback threads` name something more than feedback).
_OWN_FEEDBACK = frozenset(
    [
        "feedback",
        "review",
        "code",
        "general",
        "overall",
        "my",
        "detailed",
        "key",
        "main",
        "the",
        "specific",
        "inline",
        "file",
        "per",
    ]
)


# Problems the change did not introduce (`## Pre-existing issues (not introduced by this PR)`,
# `## Out of scope`): a passage saying its problem is pre-existing is no finding (README).
_OLDER_CODE = re.compile(
    r"\bpre[\s-]?existing\b|\bout[\s-]+of[\s-]+scope\b|\bnot\s+introduced\b", re.IGNORECASE
)


# What the reviewer looked at and cleared (`### Not issues`, `## Non-issues`, `Things I checked
# that are fine`, `## False positives`): each item names a place and says it is no problem.
_CLEARED = re.compile(
    r"^(?:(?:not|non|no)[\s-]+(?:an?\s+)?(?:issues?|problems?|findings?|bugs?|concerns?)"
    r"(?:\s+after\s+all)?|false\s+(?:positives?|alarms?)|"
    r"(?:(?:things|what|places|areas)\s+)?(?:i\s+)?(?:checked|verified|looked\s+at)"
    r"(?:\s+(?:and|that|which))?(?:\s+(?:is|are|was|were|looks?|looked|found))?\s+"
    r"(?:fine|ok|okay|good|correct|sound|safe)(?:\s+\w+){0,2})$"
)


def cleared_section(title: str) -> bool:
    """The section lists what the reviewer checked and found fine (see `_CLEARED`)."""
    words = " ".join(re.findall(r"[a-z]+", normalize_title(title)))
    return _CLEARED.match(words) is not None


def about_earlier_rounds(title: str) -> bool:
    """The section lists items that are not this review's findings: earlier rounds' (their
    status, what was fixed), the PR's feedback threads, problems the change did not
    introduce, or what the reviewer checked and cleared."""
    if problem_section(title) is not None:
        return False  # `## Changes requested`: this review's own request
    if _OLDER_CODE.search(title) or cleared_section(title):
        return True
    words = {w for w in re.split(r"[^a-z]+", title.lower()) if w}
    if "feedback" in words and words <= _OWN_FEEDBACK:
        return False
    return bool(words & _EARLIER)


# An item in such a section that says this change brought it (`**Regression:** this PR removed
# the `flush()` call`, `introduced by this change`) is the change's problem filed there: the
# section is then read as any other, never dropped. Not when the sentence denies it (`not a
# regression`, `None of these were introduced by this PR`).
_THIS_CHANGE = re.compile(
    r"\b(?:regression|regressed|introduced\s+(?:by|in|with)\s+(?:this|the)\s+"
    r"(?:pr|change|patch|diff|commit|branch)|new\s+in\s+this\s+(?:pr|change|patch)|"
    r"this\s+(?:pr|change|patch|diff|commit)\s+(?:now\s+)?(?:removes|removed|breaks|broke|"
    r"drops|dropped|introduces|introduced|deletes|deleted))\b",
    re.IGNORECASE,
)
_DENIES = re.compile(r"\b(?:not|no|none|nor|never|neither)\b[^.;!?\n]{0,30}$", re.IGNORECASE)


def set_aside(title: str, lines: list[str]) -> bool:
    """The section's items are not this review's findings (`about_earlier_rounds`), unless it
    is kept for problems the change did not introduce and one of its lines says this change
    brought its problem."""
    if not about_earlier_rounds(title):
        return False
    if not _OLDER_CODE.search(title):
        return True
    return not any(
        _DENIES.search(line, 0, m.start()) is None
        for line in lines
        for m in _THIS_CHANGE.finditer(line)
    )


# Sections named for what their items are, not for a level: what must change before merging
# (`## Required changes before merge`, `## Changes requested`: important unless an item says
# otherwise) and what a finding is about (`## Security`, `## Correctness`, `## Regressions`,
# `## Errors`, `## Action items`: each item at its own level, else important). Ordinary
# sections by their title (their prose may say all is well): `loose.placed_concerns` makes one a
# findings section when its items are findings, and `prose_problems` reads its prose.
_REQUIRED = re.compile(
    r"^(?:(?:required|requested|necessary|mandatory|blocking|needed)\s+(?:changes?|fixes)|"
    r"changes?\s+(?:requested|required|needed)|fixes\s+(?:required|needed)"
    # what a `## What's good` / `## What needs work` review lists as its problems
    r"|(?:what\s+)?needs?\s+(?:work|fixing|changing|attention|improvement)"
    r"|areas?\s+(?:for|of|needing)\s+improvement"
    r"|(?:issues|things|problems|points)\s+to\s+(?:address|fix|change|improve))"
    r"(?:\s+(?:before|prior\s+to|for)\s+merg(?:e|ing))?$"
)
_TOPIC = re.compile(
    r"^(?:security|correctness|regressions?|errors?|action\s+items?)"
    r"(?:\s+(?:concerns|issues|findings|problems|notes))?$"
)


def problem_section(title: str) -> Kind | None:
    """The findings kind of a section named for its items (see `_REQUIRED`), else None."""
    words = " ".join(re.findall(r"[a-z]+", normalize_title(title)))
    if _REQUIRED.match(words):
        return Kind.IMPORTANT
    return Kind.FINDINGS if _TOPIC.match(words) else None


# Severity sections in other words than ours: `High Severity`, `Medium priority (should fix)`,
# `Low / Nits`, `Major issues — fix before merge` (the vocabulary is `levels.py`).
_LEVEL_KINDS = {
    Severity.CRITICAL: Kind.CRITICAL,
    Severity.IMPORTANT: Kind.IMPORTANT,
    Severity.SUGGESTION: Kind.SUGGESTIONS,
}


# MoSCoW tiers told by their verb alone (`**Must**`, `**Should**`, `**Could**`, also `Must have`):
# only as the whole title, as a line of its own; the word inside a sentence is no tier.
_MOSCOW: Final = {
    "must": Kind.CRITICAL,
    "must have": Kind.CRITICAL,
    "should": Kind.IMPORTANT,
    "should have": Kind.IMPORTANT,
    "could": Kind.SUGGESTIONS,
    "could have": Kind.SUGGESTIONS,
}


def _severity_kind(normalized: str) -> Kind | None:
    if normalized in _MOSCOW:
        return _MOSCOW[normalized]
    found = title_level(normalized)
    return _LEVEL_KINDS[found[0]] if found else None


def says_high(title: str) -> bool:
    """The section's title names its level `High` (`High Severity`, `High / must fix`)."""
    t = normalize_title(title)
    return t in HIGH_TITLES or HIGH in re.split(r"[^a-z]+", t)


# A list that sums up what the review has said (`## Recommended next steps`, `## Action items`,
# `## Summary of fixes`, `## Findings summary`, `## TL;DR`): its items restate findings, in the
# words of what to do.
_RECAP = re.compile(
    r"^(?:(?:recommended|suggested|proposed|prioriti[sz]ed|immediate|required)\s+)?"
    r"(?:next\s+steps?|action\s+items?|actions?|to[- ]?dos?|follow-?ups?|priorities|fix\s+order)"
    r"(?![\w-])"
    r"|^(?:summary|recap|list|overview)\s+of\s+(?:the\s+)?(?:fixes|findings|issues|actions|"
    r"recommendations|problems|changes\s+(?:requested|needed|required))"
    r"|^(?:recap|tl;?dr|in\s+summary|what\s+to\s+fix(?:\s+first)?|before\s+merg(?:e|ing))$"
    r"|^(?:findings?|issues?|problems?)\s+(?:summary|overview|recap|table|at\s+a\s+glance)$",
    re.IGNORECASE,
)


def is_recap(title: str) -> bool:
    """The section recaps the review's findings (see `_RECAP`): an item of it that a finding
    already holds is that finding again, not one more (`repeats.summary_repeats`)."""
    return _RECAP.match(normalize_title(title)) is not None


# A section of praise by its title: `What looks good`, `What's good`, `Positives`, `Highlights`.
_PRAISE_TITLE: Final = re.compile(
    r"^(?:what\s+(?:looks|is|was|went|works)\s+(?:good|well|great|right)|what'?s\s+good|"
    r"what\s+i\s+liked|positives?|positive\s+(?:notes|aspects|observations)|highlights|"
    r"good\s+(?:parts|things|stuff)|praise|kudos|well\s+done)$"
)


def praise_section(title: str) -> bool:
    """A section of the seat's own titling that lists what it likes (see `_PRAISE_TITLE`)."""
    return _PRAISE_TITLE.match(normalize_title(title)) is not None
