"""Is a parsed review a review at all? A seat's text with no recognisable structure is not.

A seat that prints "I could not access the repository. Error: rate limit exceeded." or a page of
noise exits 0 and prints *something*; read as a review it has no findings, and a report that
counted it would say "no issues found". Nor is a text that never gets to its findings: an
Executive Summary saying "I ran out of turns before finishing the review", or a coverage table
of files "Not reviewed" (`gave_up.py`: with no finding it is an unfinished review, whatever its
sections say). A review is one when it says something about findings: a finding, a findings or
severity section with something in it (`### Important Issues` + `None.`) or the severity
sections of the template laid out, a verdict line, counts by level that are all 0
(`zero_counts.py`), "no issues found" in so many words anywhere (but not as the close of an
error message or a refusal: "Error: You exceeded your current quota. No findings." is no review,
`no_review.py`), a coverage table that says every file was reviewed, or problems named at places
in prose that holds no finding we can read (`prose_problems.py`: its findings could not be read,
which the verdict says; it is no failed seat). Summary, design, testing or coverage sections
alone are not enough: measured on the dev corpus, only the four seats that produced no review
lack all of these.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.blocks import build_blocks
from deepreview.findings.code_lines import fence_mask
from deepreview.findings.conventional import labelled_comments
from deepreview.findings.finding_line import is_strong_start
from deepreview.findings.gave_up import GAVE_UP
from deepreview.findings.json_review import lists_none
from deepreview.findings.no_review import says_it_did_not_review
from deepreview.findings.none_statements import PLACE_LINE
from deepreview.findings.problem_words import names_a_problem
from deepreview.findings.reasoning import without_reasoning
from deepreview.findings.section_titles import FINDING_KINDS, Kind
from deepreview.findings.sentences import lead_sentence, sentences
from deepreview.findings.unwrap import unwrap_review
from deepreview.findings.writing import reads_as_writing
from deepreview.findings.zero_counts import zero_counts
from deepreview.model import AgentReview

UNPARSEABLE: Final = "unparseable review"
# A text that stops before its work is done (`unfinished.py`) and holds no finding (read or
# unread), no findings section and no verdict: "Looks good so far" is no review that found
# nothing. One that laid out its severity sections ("None.") is kept, its verdict qualified.
UNFINISHED: Final = "unfinished review"

# "No issues found.", "No findings.", "Nothing to report", "LGTM", "Looks good to me": a genuine
# short review that found nothing.  Whole statements only: "no access" is not one of them.
_NOTHING_FOUND: Final = re.compile(
    r"\b(?:"
    r"no\s+(?:\w+\s+){0,2}(?:issues?|findings?|problems?|concerns?|bugs?|defects?)"
    r"(?:\s+(?:were|was))?\s+(?:found|identified|detected|spotted|raised|to\s+report)"
    r"|no\s+(?:other\s+|further\s+|additional\s+)?(?:issues?|findings?|problems?|concerns?)\s*[.!]"
    r"|nothing\s+(?:to\s+report|found|to\s+flag)"
    # "I did not find any discrete, actionable bugs", "I don't see any issues", "found no
    # problems": the words that make it about issues, not files or credentials, are required
    r"|(?:did\s+not|didn't|do\s+not|don't|could\s+not|couldn't)\s+(?:find|see|spot|identify)"
    r"\s+any\s+(?:[\w-]+,?\s+){0,3}(?:issues?|problems?|concerns?|bugs?|defects?|regressions?)"
    r"|found\s+no\s+(?:[\w-]+,?\s+){0,3}(?:issues?|problems?|concerns?|bugs?|defects?)"
    r"|no\s+changes\s+(?:are\s+)?(?:requested|needed|required)"
    r"|lgtm"
    r"|looks\s+(?:good|fine)(?:\s+to\s+me)?"
    # the same in the other languages whose level words are read (`## Wichtige Probleme`)
    r"|keine\s+(?:\w+\s+)?(?:probleme|befunde|fehler|mängel)\s+(?:gefunden|festgestellt)"
    r"|nenhum\s+problema\s+(?:foi\s+)?(?:encontrado|identificado|detectado)"
    r"|no\s+se\s+(?:encontraron|detectaron|identificaron)\s+(?:problemas|errores|hallazgos)"
    r"|aucun\s+(?:problème|défaut)\s+(?:n['’]a\s+été\s+)?(?:trouvé|détecté|identifié|relevé)"
    r"|(?:没有|未)发现(?:任何)?问题|問題は(?:見つかりませんでした|見つかりません|ありません)"
    r"|(?:문제|이슈)(?:가|는|를|점은?)?\s*(?:발견되지\s*않|없)[가-힣]*"
    r"|(?:проблем|ошибок|замечаний)\s+не\s+(?:обнаружено|найдено|выявлено)"
    r"|(?:проблем|ошибок|замечаний)\s+нет"
    r"|не\s+(?:обнаружил|нашёл|нашел|выявил)[аи]?\s+(?:никаких\s+)?(?:проблем|ошибок)"
    r")(?!\w)",
    re.IGNORECASE,
)


def says_nothing_found(text: str) -> bool:
    return bool(_NOTHING_FOUND.search(text))


# A free-form review's own words that it found nothing, or that it approves: "Nothing to fix.
# Approve.", "This PR is ready to merge.", "I don't have any findings", "No correctness, security
# or performance concerns", "I have no blocking or non-blocking comments". Enough to make a text a
# review (one with nothing in it), never to set a problem told beside it aside: not when the
# sentence qualifies it ("Otherwise nothing to fix", "ready to merge once …") or denies it
# ("not ready to merge").
_CLEAN_WORDS: Final = re.compile(
    r"\b(?:nothing\s+(?:else\s+)?to\s+(?:fix|change|add)"
    r"|(?:have|had)\s+no\s+(?:[\w-]+,?\s+){0,4}"
    r"(?:findings?|issues?|concerns?|comments?|problems?|remarks?)"
    r"|(?:do\s+not|don['’]t|did\s+not|didn['’]t)\s+have\s+any\s+(?:[\w-]+\s+){0,3}"
    r"(?:findings?|issues?|concerns?|comments?|problems?)"
    r"|no\s+(?:[\w-]+,\s+)+(?:[\w-]+,?\s+)?(?:or|and|nor)\s+[\w-]+\s+"
    r"(?:issues?|findings?|problems?|concerns?)"
    r"|ready\s+to\s+(?:merge|ship|land)\s*[.!]?\s*$"
    r")(?!\w)"
    # `Approve.` as a sentence or line of its own (`**Recommendation:** Approve`)
    r"|(?:^|(?<=[.!?]\s))[ \t]*(?:[*_]{1,2})?(?:(?:overall\s+)?(?:recommendation|decision)"
    r"(?:[*_]{1,2})?:(?:[*_]{1,2})?\s*)?(?:approved?|lgtm|ship\s+it)[.!]?(?:[*_]{1,2})?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_DENIED_BEFORE: Final = re.compile(r"\b(?:not|never|isn['’]t|aren['’]t|yet)\b[^.!?\n]{0,20}$", re.I)


def says_clean(text: str) -> bool:
    """`text` says in so many words that the review found nothing or approves (`_CLEAN_WORDS`),
    unqualified by its sentence."""
    return any(
        _BEFORE.search(text, 0, m.start()) is None
        and _DENIED_BEFORE.search(text, 0, m.start()) is None
        and _AFTER.search(text[m.end() :]) is None
        for m in _CLEAN_WORDS.finditer(text)
    )


# "No *blocking* issues found", "no other issues", "no major problems": nothing of *that* kind,
# which leaves room for the lesser or earlier-named problems beside it.
_QUALIFIER: Final = re.compile(
    r"\b(?:other|further|additional|more|else|blocking|major|critical|serious|significant|"
    r"big|severe|remaining|high[\s-]severity)\b",
    re.IGNORECASE,
)
# "Otherwise, no issues found", "Apart from that, LGTM", "LGTM except …", "no issues beyond …"
_BEFORE: Final = re.compile(
    r"(?:otherwise|apart\s+from|aside\s+from|other\s+than|besides|beyond|except(?:\s+for)?)"
    r"\b[^.!?\n]{0,60}$",
    re.IGNORECASE,
)
_AFTER: Final = re.compile(
    r"^[^.!?\n]{0,40}\b(?:except|but|apart\s+from|aside\s+from|other\s+than|besides|beyond)\b",
    re.IGNORECASE,
)


def qualified_none(text: str) -> bool:
    """The text's first sentence says only that nothing of *some* kind was found ("No major
    issues.", "No other problems."): the sentences after it may still name problems."""
    first = lead_sentence(text)
    return _QUALIFIER.search(first) is not None


def says_nothing_found_outright(text: str) -> bool:
    """`says_nothing_found`, but only unqualified: not on "looks good" / "looks fine" alone (a
    review that lists problems and closes with "Everything else looks fine" has not said it
    found nothing), nor on "no *blocking* issues", "no other issues", "Otherwise, no issues
    found", "LGTM except …": each leaves room for the problems it names beside it."""
    return any(
        not m.group(0).lower().startswith("looks")
        and _QUALIFIER.search(m.group(0)) is None
        and _BEFORE.search(text, 0, m.start()) is None
        and _AFTER.search(text[m.end() :]) is None
        and not _placed_problem_after(text[m.end() :])
        and not (m.group(0).lower() == "lgtm" and _placed_problem_after(text[: m.start()]))
        for m in _NOTHING_FOUND.finditer(text)
    )


def _placed_problem_after(rest: str) -> bool:
    """A sentence of `rest` names a problem at a place (`I did not find any bugs. One thing worth
    a look: `auth.py:12` … leaks timing information.`): the "nothing" was not the last word; a
    closing `LGTM` after such a sentence is a sign-off, not "nothing found"."""
    return any(PLACE_LINE.search(s) is not None and names_a_problem(s) for s in sentences(rest))


_SEVERITY_KINDS: Final = FINDING_KINDS - {Kind.FINDINGS}


def _findings_sections(raw: str) -> bool:
    """The text has a findings or severity section with something in it (`### Important Issues`
    + `None.`), or lays out two severity sections (the template, left empty). A lone `## Findings`
    heading with nothing under it is where the output stopped, not a statement."""
    lines = raw.replace("\r\n", "\n").split("\n")
    lines = unwrap_review(lines, is_strong_start) or lines
    blocks = [b for b in build_blocks(lines, fence_mask(lines)) if b.kind in FINDING_KINDS]
    return any(b.text.strip() for b in blocks) or (
        len({b.kind for b in blocks if b.kind in _SEVERITY_KINDS}) >= 2
    )


def has_structure(review: AgentReview) -> bool:
    """A finding, a findings section with content, a verdict line, an explicit "nothing
    found" anywhere in the text (not in an error message or a refusal that closes with it:
    `no_review.py`), or problems told in prose that we could not read as findings
    (`prose_problems.py`). A reasoning model's thinking before its answer is none of them."""
    raw = without_reasoning(review.raw)
    return bool(
        review.findings
        or review.unread_findings
        or review.verdict_line
        or ((says_nothing_found(raw) or says_clean(raw)) and not says_it_did_not_review(raw))
        or any(zero_counts(p) for p in re.split(r"\n\s*\n", raw))
        or _findings_sections(raw)
        or _all_reviewed(review)
        or labelled_comments(raw)
        or lists_none(raw)  # `{"issues": [], "summary": "The change is safe; …"}`
    )


_REVIEWED: Final = re.compile(r"^\W*(?:reviewed|trivial)\b", re.IGNORECASE)


def _all_reviewed(review: AgentReview) -> bool:
    """A coverage table that says every file was reviewed (`Reviewed, no issues`, `Trivial`):
    a finding-free review told file by file. `Not reviewed` is no such statement."""
    return bool(review.coverage) and all(_REVIEWED.match(c.status) for c in review.coverage)


def _says_anything_usable(review: AgentReview) -> bool:
    return bool(
        review.findings
        or review.unread_findings
        or review.verdict_line
        or _findings_sections(without_reasoning(review.raw))
    )


def unparseable_reason(review: AgentReview) -> str | None:
    """`UNPARSEABLE` when the seat's text is not a review, `UNFINISHED` when it stopped before
    saying anything usable, or says it did not finish and holds no finding (`gave_up.py`); None
    when it is a review."""
    if review.cut_off and not _says_anything_usable(review):
        # noise ends on no full stop too: it is no review begun, but none at all
        return UNFINISHED if reads_as_writing(without_reasoning(review.raw)) else UNPARSEABLE
    if review.cut_off.startswith(GAVE_UP) and not (review.findings or review.unread_findings):
        # by its own account it reviewed nothing: its "None." sections are no approval
        return UNFINISHED
    return None if has_structure(review) else UNPARSEABLE
