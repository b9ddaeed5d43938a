"""Words that name a problem (`bug`, `broken`, `wrong`, `must fix`): a passage with one and a
place is a finding told in prose (`prose_problems`); a closing remark with one is no mere
sign-off (`sign_off`)."""

from __future__ import annotations

import re
from typing import Final

PROBLEM: Final = re.compile(
    r"\b(?:bugs?|buggy|broken|breaks|regressions?|vulnerab\w*|leaks?|leaked|leaking|crash\w*|"
    r"incorrect(?:ly)?|wrong|problems?|issues?|defects?|flaws?|deadlocks?|race\s+conditions?|data\s+races?|racy|"
    r"injection|critical|blockers?|blocking|severe|must\s+(?:be\s+)?fix(?:ed)?|rework|"
    r"corrupt(?:s|ed|ing|ion)?|do\s+not\s+merge|"
    r"don['’]t\s+merge|request(?:ed|ing)?\s+changes|changes\s+requested)\b",
    re.IGNORECASE,
)

# A problem word the sentence denies ("nothing wrong", "not broken", "no real issues"): the
# denial stands right before it, at most one word between; or its risk is denied ("no risk of
# a leak", "no chance of a deadlock").
_DENIED: Final = re.compile(
    r"(?:\b(?:no|nothing|not|never|without|free\s+of|\w+n['’]t)\s+(?:\w+\s+)?|"
    r"\bno\s+(?:\w+\s+)?(?:risk|chance|danger|possibility)\s+of\s+(?:an?\s+|the\s+|any\s+)?)$",
    re.IGNORECASE,
)


def names_a_problem(text: str) -> bool:
    """Whether `text` names a problem: a problem word its sentence does not deny, an attack the
    change is open to (`names_an_attack`), or what a hole lets happen (`names_an_exposure`)."""
    return (
        names_an_attack(text)
        or any(
            _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
            for m in PROBLEM.finditer(text)
        )
        or names_an_exposure(text)
    )


# A security hole named by its kind of attack: no word of PROBLEM, yet a fault (and a serious
# one: `lesser_items.serious_level`) wherever it is told at a place.
ATTACK: Final = re.compile(
    r"\b(?:timing(?:[\s-]based)?\s+(?:side[\s-])?(?:attacks?|channels?|leaks?|oracles?)|"
    r"side[\s-]channels?|toctou|time[\s-]of[\s-]check\b|replay(?:ed)?[\s-]attacks?|"
    r"(?:can|could|may)\s+be\s+replayed|open[\s-]redirects?|ssrf|server[\s-]side\s+request\s+"
    r"forgery|(?:path|directory)[\s-]traversal|xss|cross[\s-]site\s+(?:scripting|request\s+"
    r"forgery)|csrf|xxe|(?:sql|command|shell|code|header|log|template|ldap|xpath|nosql|prompt)\s+"
    r"injection|(?:privilege|priv)\s+escalation|auth(?:entication|orization)?\s+bypass|"
    # a secret in the code, a cookie without its flags
    r"hard[\s-]?coded\s+(?:\w+\s+){0,2}(?:passwords?|secrets?|credentials?|api\s+keys?|"
    r"tokens?|private\s+keys?)|(?:passwords?|secrets?|credentials?|api\s+keys?|tokens?)\s+"
    r"(?:is|are)\s+hard[\s-]?coded|(?:passwords?|secrets?|credentials?)\s+(?:\w+\s+){0,3}in\s+"
    r"(?:plain\s*text|clear\s*text)|without\s+(?:the\s+)?(?:`?httponly`?|`?secure`?)\b)\b",
    re.IGNORECASE,
)
# What guards against an attack rather than opening it (`compare_digest protects against timing
# attacks`, `prevents path traversal`), up to three words before its name.
_GUARDED: Final = re.compile(
    r"\b(?:against|prevent\w*|protect\w*|guard\w*|mitigat\w*|defen[cds]\w*|safe\s+from|"
    r"immune\s+to|resist\w*|avoid\w*|block\w*|stops?|stopp\w*|clos(?:e|es|ed|ing)|fix\w*|"
    r"harden\w*|no\s+risk\s+of|not\s+(?:open|vulnerable|exposed|subject)\s+to)"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def names_an_attack(text: str) -> bool:
    """`text` names an attack (`ATTACK`) that it neither denies (`no SSRF risk`) nor says the
    code guards against (`protects against timing attacks`)."""
    return any(
        _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
        and _GUARDED.search(text, max(0, m.start() - 60), m.start()) is None
        for m in ATTACK.finditer(text)
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


# A fault told by what the code never does that it must (`the port is never validated`, `is
# not closed on the early return`, `never releases the lock`) or does without end (`spins
# forever`, `blocks indefinitely`, `never returns`): the steps named are ones whose absence is
# a fault (guarding input, freeing what was taken, ending a wait), so "zero never reaches the
# division" or "the helper is not exported" stay remarks.
_DONE: Final = (
    r"validat|check|verif(?:i|y)|saniti[sz]|escap|clos|releas|free|delet|remov|reset|clear|"
    r"await|join|cancel|unlock|flush|handl|catch|caught|test|enforc|honou?r|appl(?:i|y)|"
    r"propagat|commit|decrement|initiali[sz]|reap|dispos|restor|invalidat|revok|unsubscrib|"
    r"unregister|clean(?:s|ed)?\s+up|roll(?:s|ed)?\s+back"
)
_UNDONE: Final = re.compile(
    r"\b(?:(?:is|are|was|were|gets?|got|be|been|being)\s+(?:not|never)|(?:is|are|was|were)n['’]t|"
    r"never(?:\s+(?:gets?|being))?)\s+(?:\w+ly\s+)?"
    rf"(?:{_DONE})\w*(?<!ing)\b(?!\s+in(?:to)?\b)|"
    r"\bnever\s+(?:returns|terminates|exits|finishes|completes|times\s+out|gives\s+up|stops)\b|"
    r"\b(?:spin|loop|hang|block|wait|retr(?:y|ie)|recurs|poll|grow|stuck|busy[\s-]?wait)\w*"
    r"\s+(?:[\w-]+\s+){0,3}?(?:forever|indefinitely|endlessly|without\s+(?:end|bound|limit))\b|"
    r"\b(?:infinite|endless|busy)[\s-]loops?\b",
    re.IGNORECASE,
)


def names_a_fault(text: str) -> bool:
    """`names_a_problem`, or a fault word its sentence does not deny (`nothing is lost`), or a
    step the code never takes or a wait with no end (`_UNDONE`), not denied either."""
    return names_a_problem(text) or any(
        _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
        for rx in (_FAULT, _UNDONE)
        for m in rx.finditer(text)
    )


def says_undenied(words: re.Pattern[str], text: str) -> bool:
    """`text` holds one of `words` that its sentence does not deny (`no risk of a deadlock`,
    `nothing is missing`): another reader's list of fault words, read as `names_a_fault` reads
    its own."""
    return any(
        _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
        for m in words.finditer(text)
    )


# A fault told by what it lets happen, with no fault word: who gets in (`anonymous requests
# reach the admin view`), whose data is seen (`one tenant sees another tenant's data`), a limit
# got around (`a guest can exceed the quota`). The verb follows its subject right away, so
# `anonymous requests are rejected before they reach …` is none; a denial before it (`no
# tenant sees another's data`) or a guard (`prevents anonymous users from reading …`) too.
_EXPOSURE: Final = re.compile(
    r"\b(?:(?:anonymous|unauthenticated|unauthori[sz]ed|unprivileged|logged[\s-]out)\s+"
    r"(?:users?|requests?|callers?|clients?|visitors?|guests?|sessions?)\s+"
    r"(?:(?:can|could|may|will)\s+(?:still\s+)?)?"
    r"(?:reach|access|see|read|view|call|hit|open|modify|edit|delete|change|download|list)\w*|"
    r"(?:sees?|seeing|reads?|reading|gets?|receives?|accesses|can\s+(?:see|read|access|get))\s+"
    r"(?:(?:another|other|the\s+wrong)\s+(?:users?|tenants?|customers?|accounts?|clients?|"
    r"organi[sz]ations?)(?:['’]s|s['’])?|another['’]s|others['’])\s+"
    r"(?:data|records?|rows?|files?|sessions?|secrets?|tokens?|orders?|messages?|documents?|"
    r"entries|results?)|"
    r"(?:can|could|may|might)\s+(?:still\s+)?(?:exceed|bypass|circumvent|evade|escape|spoof|"
    r"forge|impersonate|escalate|get\s+around|skip\s+the\s+(?:check|limit|quota|auth\w*)))\b",
    re.IGNORECASE,
)


def names_an_exposure(text: str) -> bool:
    """`text` tells a fault by what it lets happen (`_EXPOSURE`), neither denied nor guarded."""
    return any(
        _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
        and _GUARDED.search(text, max(0, m.start() - 60), m.start()) is None
        for m in _EXPOSURE.finditer(text)
    )


# What kind of fault a text tells, by its specific words: a recap item at a finding's place
# that tells a kind of fault the finding's words never name (the finding: the header order;
# the item: `a.py:14` leaks the handle) is another problem there (`repeats.summary_repeats`).
# Generic words (`bug`, `wrong`, `broken`, `missing`) tell no kind: any finding may be one.
# Each kind: (its name, the words that tell it, the words of a finding that may be about it —
# wider, so that a recap in other words than the finding's (`never closed` for a leak,
# `raises` for a crash) stays that finding told again).
_FAULT_KINDS: Final = (
    ("leak", r"leak\w*", r"leak\w*|clos\w*|releas\w*|free\w*|dispos\w*|cleanup|with\s+block"),
    (
        "crash",
        r"crash\w*|panic\w*|segfault\w*",
        r"crash\w*|panic\w*|segfault\w*|rais\w*|"
        r"exception\w*|throw\w*|abort\w*|error\w*",
    ),
    (
        "hang",
        r"deadlock\w*|hang(?:s|ing)?|stall\w*|infinite\s+loop",
        r"deadlock\w*|hang\w*|stall\w*|loop\w*|block\w*|wait\w*|forever|timeout\w*",
    ),
    (
        "race",
        r"race\s+condition|data\s+race|racy|toctou|time[\s-]of[\s-]check",
        r"rac[ey]\w*|toctou|concurren\w*|lock\w*|atomic\w*|thread\w*|simultaneous\w*",
    ),
    (
        "loss",
        r"drop(?:s|ped|ping)?|los(?:e|es|ing|t)|truncat\w*|swallow\w*",
        r"drop\w*|los[est]\w*|truncat\w*|swallow\w*|discard\w*|skip\w*|ignor\w*|missing|"
        r"silent\w*|overwrit\w*",
    ),
    ("corrupt", r"corrupt\w*", r"corrupt\w*|overwrit\w*|clobber\w*|garbage|partial\w*"),
    ("overflow", r"overflow\w*", r"overflow\w*|wrap\w*|bound\w*|too\s+large|limit\w*"),
    ("zero", r"divi(?:de|des|sion)\s+by\s+zero|zero\s*division", r"zero|divi\w*"),
    (
        "security",
        r"inject\w*|vulnerab\w*|exploit\w*|bypass\w*|timing\s+attacks?|side[\s-]channels?|"
        r"replay\s+attacks?|open\s+redirects?|ssrf|(?:path|directory)\s+traversal|xss|csrf",
        r"timing|side[\s-]channels?|replay\w*|redirect\w*|ssrf|travers\w*|xss|csrf|inject\w*|"
        r"vulnerab\w*|exploit\w*|bypass\w*|secur\w*|sanitiz\w*|escap\w*|"
        r"attack\w*|untrusted|unauthori[sz]ed|auth\w*",
    ),
)
_TELLS: Final = tuple((k, re.compile(rf"\b(?:{rx})\b", re.I)) for k, rx, _ in _FAULT_KINDS)
_ABOUT: Final = tuple((k, re.compile(rf"\b(?:{rx})\b", re.I)) for k, _, rx in _FAULT_KINDS)


def fault_kinds(text: str) -> set[str]:
    """The kinds of fault `text` tells (see `_FAULT_KINDS`), each by a word its sentence does
    not deny (`no leak`)."""
    return {
        kind
        for kind, rx in _TELLS
        for m in rx.finditer(text)
        if _DENIED.search(text, max(0, m.start() - 40), m.start()) is None
    }


def about_faults(text: str) -> set[str]:
    """The kinds of fault a finding's `text` may be about: any of their wider words."""
    return {kind for kind, rx in _ABOUT if rx.search(text)}


# A doc that no longer tells the truth: the doc named (docstring, comment, README, …) and, in
# the same sentence or the next, that it is stale — or what it says that the code no longer
# does (`it says YAML but writes JSON`, `still promises CSV`). `stale prices` or `an outdated
# dependency` name no doc, so they are no such fault.
_DOC: Final = (
    r"\b(?:doc[\s-]?strings?|docs?|documentation|comments?|readme|help\s+text|usage\s+text|"
    r"man\s+page|changelog|type\s+hints?|javadoc|jsdoc)\b"
)
_STALE: Final = (
    r"\b(?:stale|outdated|out[\s-]of[\s-]date|inaccurate|misleading|obsolete|no\s+longer\s+"
    r"(?:true|accurate|correct|matches|applies)|still\s+(?:says|mentions|promises|describes|"
    r"documents|refers\s+to|talks\s+about|names|claims|lists))\b"
)
_STALE_DOC: Final = re.compile(
    rf"{_DOC}[^.!?\n]{{0,80}}?{_STALE}|{_STALE}[ \t]+{_DOC}", re.IGNORECASE
)
# ... told as what it says against what the code does: "says YAML, but the code writes JSON"
_SAYS_BUT: Final = re.compile(
    rf"{_DOC}[^.!?\n]{{0,60}}?\b(?:says?|claims?|mentions?|promises?|describes?|documents?|"
    rf"states?)\b[^.!?\n]{{1,120}}?(?:\bbut\b|\bwhile\b|\bwhereas\b|\bthough\b|;|,\s+the\s+"
    rf"(?:code|function|method|class))",
    re.IGNORECASE,
)


def tells_a_stale_doc(text: str) -> bool:
    """`text` says a doc is stale or contradicts the code (`the docstring is stale`, `Outdated
    comment: it says ten, but the limit is fifty`), and does not deny it (`no stale docs`)."""
    return says_undenied(_STALE_DOC, text) or says_undenied(_SAYS_BUT, text)


def tells_what_a_doc_gets_wrong(text: str) -> bool:
    """`tells_a_stale_doc` with what the doc says wrong (`still promises CSV`, `says YAML but
    writes JSON`): more than a passing `the docstring is now out of date`."""
    return says_undenied(_SAYS_BUT, text) or (
        says_undenied(_STALE_DOC, text) and re.search(r"\bstill\s+\w+", text, re.I) is not None
    )


# What a problem is said with, besides the problem words: how code fails or falls short (a
# place-led item, `placed_items`; a category's findings, `categories`).
FAULT_TOLD: Final = re.compile(
    r"\b(?:raises?|throws?|errors?|exceptions?|\w+(?:Error|Exception)|fails?|failing|panics?|"
    r"missing|lacks?|never|does\s+not|doesn['’]t|do\s+not|don['’]t|is\s+not|isn['’]t|"
    r"are\s+not|aren['’]t|cannot|can['’]t|should|must|unhandled|unchecked|unvalidated|unsafe|"
    r"insecure|overflows?|off[\s-]by[\s-]one|typos?|misspel(?:t|led)|hard[\s-]?coded|inconsistent|"
    r"misleading|"
    r"redundant|unused|dead\s+code|duplicat\w+|no\s+(?:test|check|validation)s?|"
    # a quiet fault: what goes wrong without an error (`are silently untaxed`, `can go
    # negative`, `divides by zero`, `loses the last line`, `subtracts without a floor`)
    r"silent(?:ly)?|(?:go|goes|become|becomes|be|is|are)\s+negative|"
    r"negative\s+(?:total|amount|balance|price|length|count|index|size|result)s?|"
    r"divides?\s+by\s+zero|los(?:es|ing)|forever|indefinitely|infinite(?:ly)?|"
    # a cost told plainly (`compiled on every call, which is slow`)
    r"slow(?:er|ly)?|inefficient|quadratic|"
    # success told for a failure (`reports success for a failed upload`)
    r"success\s+(?:for|on|after)\s+(?:an?\s+|the\s+)?fail\w*|"
    # a secret put where it is read (`the bearer token is logged at INFO`), a risk said so
    r"(?:tokens?|passwords?|secrets?|credentials?|api[\s_-]?keys?)\s+(?:is|are|gets?|get)\s+"
    r"(?:logged|printed|"
    r"exposed|leaked)|(?:logs?|prints?|exposes?)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:tokens?|passwords?|"
    r"secrets?|credentials?)|security\s+(?:concern|risk|hole|flaw)s?|"
    r"(?:can|could|may|might)\s+(?:hang|leak|overflow|underflow|corrupt|deadlock|exceed|bypass)|"
    r"without\s+(?:a\s+|any\s+)?(?:floor|check|guard|timeout|limit|bound|validation|lock)s?|"
    r"un(?:taxed|tested|documented|bounded|escaped|sani[tz]i[sz]ed|caught|closed|released|"
    r"initiali[sz]ed|authenticated|authori[sz]ed|encrypted|guarded|expected(?:ly)?))\b",
    re.IGNORECASE,
)


# The faults of PROBLEM in Chinese and Japanese, for a review written in them (`存在数据竞争`,
# "there is a data race"; `死循环`, an endless loop; `バグ`, a bug): no `\b` around them, since a
# CJK sentence runs its words together. A denial right before one (`没有发现数据竞争`, "no data
# race found"; `不会崩溃`, "will not crash") is no problem named.
_CJK_PROBLEM: Final = re.compile(
    r"数据竞争|竞态条件|竞争条件|死锁|死循环|无限循环|内存泄漏|泄漏|泄露|崩溃|漏洞|缺陷|错误地|"
    r"データ競合|競合状態|デッドロック|無限ループ|メモリリーク|クラッシュ|脆弱性|バグ"
)
_CJK_DENIED: Final = re.compile(r"(?:没有|没|不会|不|无|未|並不|ない|なし)[^，。；！？、\n]{0,6}$")


def names_a_cjk_problem(text: str) -> bool:
    """`text` names a fault in Chinese or Japanese words (`_CJK_PROBLEM`) it does not deny."""
    return any(
        _CJK_DENIED.search(text, max(0, m.start() - 12), m.start()) is None
        for m in _CJK_PROBLEM.finditer(text)
    )
