"""Which phrases name a security failure (`claims`' vocabulary, its security kinds): an
injection, a hard-coded secret, a weak hash, a missing salt, a missing permission check, a path
traversal, a timing leak, open file permissions, a guessable temporary file.

Kind -> phrases (case-insensitive regex alternatives), read outside code by `claims.claims_in`;
the other kinds are in `failure_kinds`.
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

# what a seat calls the secret: a password, a credential, an API key, an access token, a
# signing key
_SECRET = (
    r"\b(?:secrets?|credentials?|passwords?|passwd|api[- ]?keys?|(?:access|auth|api|bearer)"
    r"[- ]tokens?|(?:private|signing|secret|encryption|master)[- ]keys?)\b"
)

_PHRASES: dict[str, tuple[str, ...]] = {
    # text or a query built from input: SQL, shell, HTML (XSS), template injection
    "injection": (
        r"(?<!dependency )(?<!fault )\binjections?\b",
        r"\binjectable\b",
        r"\binject(?:s|ed|ing)?\s+(?:sql|commands?|shell|code|scripts?|html|javascript|arbitrary)\b",
        r"\bsqli\b",
        r"\bxss\b",
        r"\bcross-site scripting\b",
        r"\bun(?:escaped|saniti[sz]ed|parameteri[sz]ed)\b",
        r"\b(?:sql|query|queries|command)\b[^.;:]{0,40}"
        r"\b(?:string[- ]format\w*|format(?:ted|ting)|concatenat\w*|interpolat\w*|f-strings?)",
        r"\b(?:format(?:ted|ting)|concatenat\w*|interpolat\w*|f-strings?)\b[^.;:]{0,40}"
        r"\b(?:sql|query|queries)\b",
        # input pasted into the text that is run: "user-controlled text is spliced into the
        # statement that is executed", "the name is pasted into the shell command"
        r"\b(?:splic(?:e|es|ed|ing)|pasted|glued)\s+(?:in)?to\s+(?:the\s+|an?\s+)?(?:\w+\s+)?"
        r"(?:statements?|sql|query|queries|commands?|command\s+line|shell)\b",
        # an analyzer's rule for a command run through the shell (ruff's S602/S604 names)
        r"\bshell-equals-true\b",
    ),
    # a password, key or token written into the source: "committed", "hard-coded", "in the repo".
    # "token" or "key" alone is often code (a lexer's tokens, a map's keys): only with a qualifier.
    "hard-coded secret": (
        rf"\b(?:hard-?coded|committed|checked[- ]in|embedded|plain-?text|literal)\s+"
        rf"(?:[\w-]+\s+){{0,3}}?{_SECRET}",
        rf"{_SECRET}[^.;:]{{0,40}}\b(?:hard-?coded|committed|checked\s+in(?:to)?"
        r"|in\s+(?:the\s+)?(?:source|repo|repository|version control|git\b))",
    ),
    # a password hash (or digest) made with an algorithm too fast or broken for it
    "weak hash": (
        r"\bmd5\b",
        r"\bsha-?1\b",
        r"\b(?:weak|fast|broken|insecure|obsolete|deprecated)\s+(?:password\s+)?(?:hash\w*|digests?)",
        r"\bhash\w*\s+(?:is\s+)?(?:downgraded|weakened)\b",
    ),
    # a hash computed without a (per-user, random) salt
    "missing salt": (
        r"\bunsalted\b",
        r"\b(?:no|empty|missing|default|blank|static|constant|fixed|hard-?coded|shared)\s+"
        r"(?:\w+\s+)?salts?\b",
        r"\bwithout\s+(?:an?\s+|any\s+)?salts?\b",
        r"\bsalts?\b[^.;:]{0,30}\b(?:empty|missing|defaults?|omitted|blank)\b",
    ),
    # an action any caller may take: the check of who is asking is missing ("`delete_user`
    # has no permission check", "any user can delete any account", "unauthenticated endpoint")
    "missing auth": (
        r"\b(?:no|missing|without|lacks?|lacking|skips?|skipped)\s+(?:an?\s+|any\s+)?(?:\w+\s+)?"
        r"(?:auth(?:entication|ori[sz]ation)?|permissions?|access|ownership|admin|role)\s+"
        r"(?:checks?|validation|verification|guards?|control)\b",
        r"\b(?:no|missing|without|lacks?|lacking)\s+(?:an?\s+|any\s+)?(?:authentication"
        r"|authori[sz]ation|access[- ]control)\b",
        r"\b(?:auth(?:entication|ori[sz]ation)?|permissions?|access)\s+checks?\s+(?:is\s+|are\s+)?"
        r"(?:missing|skipped|bypassed|removed)\b",
        r"\b(?:auth(?:entication|ori[sz]ation)?|permission|access[- ]control)\s+bypass\b",
        # "the request user is still unauthenticated" when the policy runs: an order of steps
        r"(?<!still )\bunauthenticated\b",
        # someone acting on what is not theirs; "any caller can pass `None`" is about input
        r"\bany(?:one|body|\s+(?:other\s+|logged-in\s+|signed-in\s+|authenticated\s+"
        r"|anonymous\s+)?(?:users?|visitors?|accounts?|tenants?))\s+(?:can|may|could)\s+"
        r"(?:read|delete|remove|modify|change|edit|update|access|view|see|download|list|write"
        r"|overwrite|call|trigger)\b",
        r"\bprivilege\s+escalation\b",
        r"\bbroken\s+(?:access[- ]control|auth(?:entication|ori[sz]ation)?)\b",
    ),
    # a path from input that reaches outside the folder it is meant for ("Path traversal via
    # `name`", "`name` can hold `../`: writes land outside the uploads dir", "directory escape")
    "path traversal": (
        r"\b(?:path|directory|dir|folder)[- ](?:traversal|escape)s?\b",
        r"\btraversal\b",
        r"\b(?:outside|escap(?:es?|ing))\s+(?:of\s+)?(?:the\s+|its\s+)?(?:\w+\s+)?"
        r"(?:dir(?:ectory)?|folder|root)\b",
        r"\bzip[- ]?slip\b",
    ),
    # a secret compared in a time that depends on where it first differs ("`==` on the
    # signature: timing side channel", "use a constant-time comparison", "`compare_digest`")
    "timing": (
        r"\btiming\s+(?:attacks?|side[- ]?channels?|leaks?|oracles?)\b",
        r"\b(?:non-?)?constant[- ]time\s+(?:compar\w*|check\w*|equality|equals)\b",
        r"\bcompare_digest\b",
    ),
    # files anyone on the machine may change or read ("web root made world-writable", "0777")
    "open permissions": (
        r"\bworld[- ](?:writable|writeable|readable)\b",
        r"\b0?777\b",
        r"\b0?666\b",
        r"\b(?:overly\s+)?permissive\s+(?:file\s+)?(?:permissions|modes?)\b",
    ),
    # a temporary file at a name another user can guess and create first ("/tmp/x.sql",
    # ruff's "insecure usage of temporary file", "predictable dump path")
    "insecure temp file": (
        r"\binsecure\s+(?:usage\s+of\s+)?temp(?:orary)?\s+(?:files?|dir(?:ector(?:y|ies))?)",
        r"\bhard-?coded[- ]temp(?:orary)?[- ]files?\b",
        r"\bpredictable\s+(?:\w+\s+)?(?:paths?|file\s*names?|names?)\b",
    ),
}

# How the merge reasons say it: "both name an injection"
_SAID: dict[str, str] = {
    "injection": "an injection",
    "hard-coded secret": "a hard-coded secret",
    "weak hash": "a weak hash",
    "missing salt": "a missing salt",
    "missing auth": "a missing permission check",
    "path traversal": "a path escaping its folder",
    "timing": "a comparison whose time leaks the secret",
    "open permissions": "permissions open to every user",
    "insecure temp file": "a guessable temporary file",
}

TABLE = PhraseTable(_PHRASES, _SAID)
