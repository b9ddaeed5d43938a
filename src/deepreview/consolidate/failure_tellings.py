"""Failure kinds and phrases for one failure told by one seat as its cause and by another as
what a user sees, in words the rest of the vocabulary does not hold. Each is a general
programming concept in the words any reviewer uses for it, not the words of one case:

- an injection told by what an attacker does with it ("anyone can drop tables through the
  search box") or by where the text lands ("the error is rendered as HTML",
  `dangerouslySetInnerHTML`, "script execution");
- internal error text sent to the client ("database error text returned to the client",
  "exposes SQL details to users"), and a secret printed where others read it ("secret exported
  as a plain output", "output not marked sensitive");
- a change of several writes that can stop halfway ("not atomic", "each save commits on its
  own", "outside a transaction");
- an effect repeated because its request is not idempotent ("no idempotency key", "re-sends
  the whole request", "a second charge");
- an absent value read without a check, in Java's words ("NoSuchElementException", "check
  isPresent before accessing the value");
- someone acting on what is not theirs, told by who can ("any caller can move money") or by
  the check that is missing ("nothing checks it belongs to the authenticated user");
- money held in binary floating point ("money as double", "arithmetic on double loses
  cents");
- a policy open to every principal ("open to the world", "any account can assume the role");
- a legitimate request refused ("every upload is denied", "AccessDenied"): the opposite of a
  grant too wide, so the two contradict at one statement;
- an error path that does not stop ("the handler keeps going after the query fails"), whose
  other side is the crash on the value the failed call left (its `sides`). It is not an
  error dropped ("the `Scan` error is dropped"), which the next line does not crash on;
- a form that leaves the page ("reloads the page", "navigates away", "native form post");
- a parameter with no default ("no default value", "when the client omits `sort`");
- a stored field sent out with its entity ("the endpoint returns the entity, including
  `pinHash`", "the hash leaks in account responses"): made by two pieces of code together,
  the field's class and the handler returning it, so told in two files (its `across`,
  `across_files`).
"""

from __future__ import annotations

from deepreview.consolidate.phrase_table import PhraseTable

_MONEY = r"(?:money|currency|monetary|amounts?|balances?|prices?|cents|totals?)"
_FLOAT = r"(?:double|float|floating[- ]point)s?"

# kind -> phrases (case-insensitive regex alternatives)
_PHRASES: dict[str, tuple[str, ...]] = {
    "injection": (
        r"\bdrop\s+(?:any\s+|the\s+|all\s+|their\s+)?tables?\b",
        r"\brewrite\s+the\s+(?:sql\s+)?(?:statement|query)\b",
        r"\b(?:rendered|injected|inserted|interpreted)\s+as\s+(?:raw\s+)?html\b",
        r"\bdangerouslySetInnerHTML\b",
        r"\bscript\s+execution\b",
    ),
    "disclosure": (
        r"\berror\s+(?:text|messages?|details?|strings?)\s+(?:is\s+|are\s+)?(?:returned|sent"
        r"|shown|exposed|echoed|written)\s+(?:back\s+)?to\s+(?:the\s+)?(?:clients?|users?"
        r"|callers?|browsers?)\b",
        r"\bexpos\w+\s+(?:sql|database|db|stack|server|internal)\s+(?:details|errors?|traces?"
        r"|internals)\b",
        r"\bnot\s+marked\s+(?:as\s+)?sensitive\b",
        r"\bsecrets?\b(?:\s+\w+){0,2}\s+(?:exported|printed|logged|shown|exposed)\s+"
        r"(?:as|in|into|to)\b",
    ),
    "not atomic": (
        r"\bnot\s+atomic(?:ally)?\b",
        r"\bnon-?atomic\b",
        r"\b(?:outside|without)\s+(?:a|any|one)\s+(?:single\s+)?transaction\b",
        r"\bcommits?\s+on\s+(?:its|their)\s+own\b",
        r"\bpartial(?:ly)?\s+(?:applied|written|committed|updates?|writes?)\b",
        r"\bhalf[- ](?:applied|done|written|finished)\b",
    ),
    "twice": (
        r"\b(?:no|missing|without(?:\s+an?)?)\s+idempotency\b",
        r"\bnot\s+idempotent\b",
        r"\bsecond\s+(?:capture|charge|payment|debit|delivery|email|send)\b",
        r"\bre-?sends?\s+(?:the\s+)?(?:whole\s+|same\s+|entire\s+)?(?:request|post|message"
        r"|payment|charge|email)\b",
    ),
    "nil": (
        r"\bNoSuchElementException\b",
        r"\bisPresent\b",
        r"\bbefore\s+accessing\s+the\s+value\b",
    ),
    "missing auth": (
        r"\bnothing\s+checks\s+(?:that\s+)?(?:it|they|the\s+\w+)\s+belongs?\s+to\b",
        r"\bany\s+(?:caller|client|requester)\s+(?:can|may|could)\s+(?:move|read|delete|change"
        r"|modify|access|take|transfer|withdraw|drain)\b",
    ),
    "float money": (
        rf"\b{_MONEY}\s+(?:as|in|on|with|stored\s+as|held\s+in)\s+(?:an?\s+)?{_FLOAT}\b",
        rf"\b{_FLOAT}\s+(?:for|to\s+hold|to\s+store)\s+{_MONEY}\b",
        rf"\b{_MONEY}\s+arithmetic\s+(?:on|in|with)\s+{_FLOAT}\b",
        rf"\b{_FLOAT}\b[^.;:]{{0,30}}\bloses?\s+cents\b",
    ),
    "open permissions": (
        r"\bopen\s+to\s+(?:the\s+(?:world|internet|public)|everyone|anyone)\b",
        r"\bany\s+(?:aws\s+|other\s+)?account\s+(?:can|may|could)\s+assume\b",
        r"\b(?:wildcard|any|every)\s+principals?\b",
        r"\ballows?\s+only\s+specific\s+(?:\w+\s+or\s+)?principals\b",
    ),
    "denied": (
        r"\baccess\s?denied\b",
        r"\bpermission\s+denied\b",
        r"\b(?:is|are|gets?|get|being)\s+(?:always\s+)?denied\b",
    ),
    "goes on after error": (
        r"\bkeeps?\s+going\s+after\b",
        r"\b(?:continues|carries\s+on|falls\s+through)\s+after\s+(?:the\s+|an?\s+)?(?:\w+\s+)?"
        r"(?:error|failure|fails)\b",
        r"\b(?:no|missing)\s+return\s+after\b",
    ),
    "page left": (
        r"\breloads?\s+the\s+page\b",
        r"\bnavigates?\s+away\b",
        r"\bnative\s+form\s+(?:post|submit\w*)\b",
        r"\bfull[- ]page\s+(?:reload|refresh|navigation)\b",
    ),
    "missing default": (
        # not a `switch` with no default branch: that is an unhandled case, not a value
        r"\bno\s+default(?:\s+value)?\b(?!\s+(?:case|branch|clause|arm|label)s?\b)",
        r"\bwhen(?:ever)?\s+(?:the\s+)?(?:client|caller|user|request)\s+omits\b",
        r"\b(?:param(?:eter)?|argument|field|option)\s+is\s+(?:missing|omitted|absent)\b",
    ),
    "field exposed": (
        r"\breturns?\s+the\s+(?:\w+\s+)?entit(?:y|ies)\b",
        r"\b(?:leaks?|exposed|included|serialized)\s+in(?:to)?\s+(?:the\s+|every\s+|all\s+)?"
        r"(?:\w+\s+)?(?:responses?|json|payloads?)\b",
        r"\bpart\s+of\s+(?:the|every)\s+(?:json\s+)?response\b",
    ),
}

# How the merge reasons say the kinds this module adds
_SAID: dict[str, str] = {
    "not atomic": "a change of several writes that can stop halfway",
    "float money": "money held in binary floating point",
    "denied": "a legitimate request refused",
    "page left": "a form that leaves the page",
    "missing default": "a parameter with no default",
    "goes on after error": "code that goes on after an error",
    "field exposed": "a stored field sent out with its entity",
}

TABLE = PhraseTable(
    _PHRASES,
    _SAID,
    sides=(frozenset({"goes on after error", "crash"}),),
    across=frozenset({"field exposed"}),
)
