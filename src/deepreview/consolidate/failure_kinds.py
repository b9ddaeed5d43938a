"""Which phrases name each kind of failure in the code's behaviour (`claims`' vocabulary, less
its security kinds in `security_failures`): a race, a nil value, a leak, a wrong result, memory
growing with the input, a value out of range, an effect applied twice, an off-by-one, a typo, a
hang, a skipped wait, an ignored error, valid input rejected, a stale cache, non-ASCII text, a
size limit, quadratic work, an unset setting, truncation, a crash, an overflow, a loose match, a
division by zero.

Kind -> phrases (case-insensitive regex alternatives), read outside code by `claims.claims_in`.
Keep it small: a word listed here decides whether two findings at one place are one issue
(benchmarks/README.md, "Claims").
"""

from __future__ import annotations

from deepreview.consolidate.failure_effects import SECRET_BEFORE_LEAK
from deepreview.consolidate.phrase_table import PhraseTable

_NEG = (
    r"(?:never|not|isn't|is not|aren't|are not|wasn't|without|doesn't|does not|don't|do not"
    r"|fails? to)"
)

_PHRASES: dict[str, tuple[str, ...]] = {
    # two threads or goroutines touching shared state without the lock that orders them
    "race": (
        r"\brac(?:e|es|y|ing)\b",
        r"\bconcurren(?:t|tly|cy)\b",
        r"\bunsynchroni[sz]ed\b",
        r"\bthread[- ]?(?:safe|safety|unsafe)\b",
        r"\bunlocked\b",
        r"\bmutex\b",
        # "`Inc` writes the map without holding `mu`": the lock by its field's name
        r"\b(?:without|not)\s+holding\b",
        r"\b(?:without|outside|not holding|never takes|doesn't take|does not take|missing)"
        r"\b[^.;:]{0,20}\b(?:lock|mutex)\b(?![- ]?files?\b)",  # a lock file is no lock
    ),
    # a nil / null / None value used as if it were there
    "nil": (
        r"\bnil\b",
        r"\bnull(?:ptr)?\b",
        r"\bnonetype\b",
        r"\bnpe\b",
        r"\bnullpointer\w*",
        r"\bdereferenc\w*",
        r"\b(?:is|returns?|be|becomes?)\s+none\b",
        # a map, slice or object that was never made: "map never allocated", "uninitialised"
        r"\bnever\s+(?:allocated|initiali[sz]ed|created)\b",
        r"\b(?:un|not\s+)initiali[sz]ed\b",
    ),
    # a file, handle, connection or goroutine that is never released
    "leak": (
        # not what is told to whom ("leaks internal details": `failure_outcomes` "disclosure";
        # "the api key leaked in the error message": `failure_effects`)
        "".join(f"(?<!{said})" for said in SECRET_BEFORE_LEAK)
        + r"\bleak\w*+(?!\s+(?:(?:the|its|their|internal|sensitive|implementation|private)\s+){0,3}"
        r"(?:details?|information|info|secrets?|keys?|tokens?|passwords?|credentials?|stack"
        r"|internals)\b)",
        r"\bunclosed\b",
        rf"\b{_NEG}\s+(?:being\s+)?(?:clos|releas)(?:e|es|ed|ing)\b",
        r"\bleft open\b",
        # a goroutine or thread told by its lifetime ("workers outlive cancellation", "spawned
        # routines are never reaped", "the coroutine started by `watch` is never cancelled")
        r"\b(?:goroutines?|coroutines?|threads?|workers?|loops?|routines?|tasks?)\b[^.;:]{0,30}"
        r"\b(?:outlive|never\s+(?:reaped|exit|stop|terminate|cancell?ed))\w*",
    ),
    # a value other than the one the code promises ("now returns the average, not the total")
    "wrong result": (
        r"\bnow returns? (?:an?|the)\b",
        r"\breturns?\b[^.;:]{0,40}\b(?:instead of|rather than)\b",
        r"\breturns?\b[^.;:,]{0,40},? not (?:the|an?)\b",
        r"\b(?:wrong|incorrect) (?:values?|results?|answers?|totals?|sums?|counts?)\b",
        # what a call gives back, said as too much or nothing ("`tail(p, 0)` returns every
        # line", "returns the whole file", "returns nothing for a full page")
        r"\breturns?\s+(?:every|all|nothing|the\s+(?:whole|entire|full))\b",
        # operands in the wrong order give a wrong value ("Subtraction operands swapped in
        # `sub`", "callers get the wrong sign"): another reviewer says "returns b - a instead"
        r"\b(?:operands?|arguments?)\s+(?:are\s+)?(?:swapped|reversed|transposed)\b",
        r"\b(?:swapped|reversed|transposed)\s+(?:operands?|arguments?)\b",
        r"\b(?:operands?|arguments?)\s+(?:are\s+)?in\s+the\s+wrong\s+order\b",
        r"\bwrong\s+sign\b",
    ),
    # memory that grows with the input: a whole file or response read at once, a buffer or
    # cache that is never bounded ("`tail` reads the whole file into memory")
    "memory": (
        r"\b(?:reads?|reading|loads?|loading|slurps?|materiali[sz]\w*|buffers?|buffering)\s+"
        r"(?:(?:the|an?|its)\s+)?(?:whole|entire|full|complete)\b",
        r"\b(?:in|into)\s+memory\b",
        r"\bmemory\s+(?:use|usage|footprint|growth|consumption|pressure|blow-?up)\b",
        r"\bout[- ]of[- ]memory\b",
        r"\booms?\b",
        r"\bunbounded\s+(?:\w+\s+)?(?:memory|growth|buffers?|caches?|queues?|lists?|maps?)\b",
        r"\bgrows?\s+(?:without\s+(?:a\s+)?(?:bound|limit)|unbounded)\b",
        # memory said to leak is memory that grows: "`lookup` leaks memory through `_cache`"
        r"\bmemory\s+leaks?\b",
        r"\bleak(?:s|ed|ing)?\s+memory\b",
    ),
    # a quantity pushed past its bounds: a total, balance or price below zero, a share over 100 %
    # ("`settle` can leave a negative balance", "Credit rate can exceed 100%")
    "out of range": (
        r"\bnegative\s+(?:\w+\s+)?(?:totals?|amounts?|balances?|prices?|values?|results?|sums?"
        r"|numbers?|counts?|quantit(?:y|ies)|sizes?|lengths?|durations?|percent(?:ages?)?)\b",
        r"\b(?:totals?|amounts?|balances?|prices?|values?|results?|sums?)\s+(?:\w+\s+)?negative\b",
        r"\b(?:goes|go|going|went|becomes?|turns?|drops?|falls?)\s+(?:below\s+zero|negative)\b",
        r"\bbelow zero\b",
        r"\b(?:exceeds?|exceeding|over|above|more than|beyond)\s+100\s*(?:%|percent\b)",
    ),
    # one effect applied again: a fee, a count, a discount taken twice ("subtracts `bonus` twice")
    "twice": (
        r"\btwice\b",
        r"\bdouble[- ]?(?:count|subtract|charg|appl|discount|bill|deduct|book|decrement"
        r"|increment)\w*",
        r"\ba second time\b",
    ),
    # a bound one step off: a slice, range or count that loses or adds one item ("`head`
    # returns one line too few", "the loop skips the last attempt", "off-by-one in `retry`")
    "off by one": (
        r"\boff[- ]by[- ]one\b",
        r"\bfence[- ]?post\b",
        r"\bone\s+(?:\w+\s+)?(?:fewer|short|early|too\s+(?:few|many|short|early|late))\b",
        r"\b(?:skip(?:s|ped|ping)?|drop(?:s|ped|ping)?|los(?:es|e|ing|t)|miss(?:es|ed)?"
        r"|omit(?:s|ted|ting)?|never\s+reach(?:es)?)\s+the\s+(?:first|last|final)\b",
        # the bound told by the item it leaves out: "the first row is never shown"
        r"\bthe\s+(?:first|last|final)\s+(?:\w+\s+){0,2}(?:is|are|gets?)\s+(?:never|not)\s+"
        r"(?:shown|returned|read|included|counted|processed|reached|visited)\b",
        r"\b(?:under|over)count\w*",
        # the end of a range left out: "Ranges exclude their last page", "the upper page is
        # dropped", "inclusive upper bound"
        r"\bexclud(?:e|es|ed|ing)\s+(?:the|its|their)\s+(?:first|last|final|upper|end)\b",
        r"\b(?:upper|last|final|end)\s+(?:\w+\s+)?(?:is|are|gets?)\s+(?:dropped|excluded|lost"
        r"|skipped|omitted|left\s+out)\b",
        r"\binclusive\s+(?:upper\s+)?bound\b",
    ),
    # a word of text spelt wrong: a message, a name, a comment ("Typo in the error message")
    "typo": (
        r"\btypos?\b",
        r"\bmisspel\w*",
        r"\bspelling\s+(?:error|mistake)s?\b",
        r"\bspelt\s+wrong\b",
    ),
    # a call that can wait forever: no timeout on a network read, a wait with no bound
    # ("`fetch_item` has no timeout", "can block forever on a stalled server")
    "hang": (
        r"\bno\s+(?:\w+\s+)?time-?outs?\b",
        r"\b(?:without|missing|lacks?|lacking)\s+(?:an?\s+|any\s+)?(?:\w+\s+)?time-?outs?\b",
        r"\btime-?outs?\s+(?:is\s+|are\s+)?(?:missing|not\s+set|unset|absent)\b",
        r"\bnever\s+times?\s+out\b",
        r"\b(?:hangs?|hanging|hung|blocks?|blocking|waits?|waiting|stalls?|stuck)\s+"
        r"(?:forever|indefinitely)\b",
        r"\b(?:can|may|will|could)\s+hang\b",
        r"\bhangs\b",
        # two sides each waiting on the other: a wait that never ends ("Deadlock when results
        # are not drained", "an unbuffered channel can stall producers")
        r"\bdeadlock\w*",
        r"\b(?:can|may|will|could)\s+(?:stall|block)\b",
    ),
    # a wait the code means to make and does not: a promise or coroutine nobody awaits, a
    # backoff whose sleep is dropped ("Backoff delay is never awaited", "Fire-and-forget
    # timer", "no pause between attempts")
    "skipped wait": (
        r"\b(?:never|not|isn't|is not|un)[- ]?awaited\b",
        r"\bmissing\s+(?:an?\s+)?await\b",
        r"\bwithout\s+(?:an?\s+)?await\b",
        r"\bfire[- ]and[- ]forget\b",
        r"\bno\s+(?:pause|delay|wait|sleep|backoff)\s+between\b",
    ),
    # a failure taken for success: an exception swallowed, an error return dropped, an HTTP
    # error response read as data ("`fetch_item` parses error pages as data", "the `except`
    # branch hides the exception", "ignores the HTTP status")
    "ignored error": (
        r"\b(?:hides?|hiding|swallow(?:s|ed|ing)?|suppress(?:es|ed|ing)?|mask(?:s|ed|ing)?"
        r"|discard(?:s|ed|ing)?|ignor(?:es|ed|ing|e)|eats?)\s+(?:the\s+|an?\s+|all\s+|every\s+"
        r"|its\s+|any\s+)?(?:\w+\s+)?(?:errors?|exceptions?|err)\b",
        r"\b(?:errors?|exceptions?)\s+(?:is\s+|are\s+)?(?:silently\s+)?(?:ignored|swallowed"
        r"|suppressed|discarded|hidden|masked|dropped|lost|unchecked)\b",
        r"\b(?:errors?|exceptions?)\b[^.;:]{0,30}\b(?:is|are|gets?)\s+(?:silently\s+)?"
        r"(?:ignored|swallowed|suppressed|discarded)\b",
        r"\bunchecked\s+(?:errors?|exceptions?|status)\b",
        r"\berror\s+(?:pages?|responses?|bodies|body)\b[^.;:]{0,40}\b(?:pars|read|decod|treat"
        r"|return)\w*",
        r"\b(?:pars|read|decod|treat)\w*\s+(?:the\s+)?(?:http\s+)?error\s+(?:pages?|responses?"
        r"|bodies|body)\b",
        rf"\b(?:ignor(?:es|ed|ing|e)|{_NEG}\s+checks?|never\s+checks?|skips?)\s+(?:the\s+)?"
        r"(?:http\s+|response\s+)?status(?:\s+codes?)?\b",
        r"\bnon-?(?:2\d\d|2xx|success(?:ful)?|ok)\s+(?:responses?|status(?:es)?|replies)\b",
    ),
    # a check that turns away what it should let through: the opposite of a bypass ("Mount
    # validation rejects symlinked aliases of a mounted folder", "valid tokens are refused",
    # "`parse_flag` rejects an empty value"). Verbs only: "the refusal is untested" names a
    # test, "unhandled promise rejection" an error
    "rejected input": (
        r"\b(?:wrongly\s+|incorrectly\s+)?(?:rejects|refuses)\s+(?!to\b)\w",
        r"\b(?:is|are|gets?|being)\s+(?:wrongly\s+|incorrectly\s+)?(?:rejected|refused)\b",
        r"\bfalse\s+(?:negatives?|rejections?)\b",
    ),
    # a cached copy that an update does not reach ("`set_price` leaves a stale entry", "readers
    # see the previous value after an update: no invalidation on write")
    "stale cache": (
        # (not in a clause about a doc: "the docstring is stale" is a doc that says what the
        # code no longer does, not a copy an update misses)
        r"(?:\A|(?<=[.;:\n]))(?![^.;:\n]*\b(?:doc|docs|docstrings?|comments?|readme|"
        r"documentation|changelog|examples?)\b)[^.;:\n]*?\bstale\b",
        r"\b(?:no|missing|without|never)\s+(?:cache\s+)?invalidat\w*",
        r"\b(?:old|previous|outdated)\s+(?:value|price|entry|entries|data|result)s?\s+"
        r"(?:after|until)\b",
    ),
    # text outside plain ASCII mishandled ("erases every non-ASCII letter", "accented
    # characters become dashes", "internationalised titles are mangled")
    "non-ascii": (
        r"\bnon-?ascii\b",
        r"\bnon-?latin\b",
        r"\baccent(?:ed|s)\b",
        r"\bdiacritic\w*",
        r"\binternationali[sz]\w*",
    ),
    # input larger than the limit meant for it ("Oversized upload kept on disk", "the size
    # limit is enforced only after the whole body is written")
    "size limit": (
        r"\bover-?sized\b",
        r"\b(?:size|length|body|upload|payload)\s+(?:limit|cap|maximum)s?\b",
    ),
    # work that grows with the square of the input ("O(n²)", "recomputes `overdue` for every
    # invoice", "quadratic in the number of rows")
    "quadratic": (
        r"\bquadratic\w*",
        r"\bO\(\s*n\s*(?:²|\^\s*2|\*\*\s*2|\*\s*n)\s*\)",
        r"\brecomput\w*\b[^.;:]{0,40}\b(?:for|on|in)\s+(?:every|each)\b",
    ),
    # a setting the code needs and does not get: an environment variable left unset ("crashes
    # when `DEPLOY_DIR` is unset", "no guard on an empty environment", "the env var is absent",
    # "runs it without DEPLOY_DIR exported")
    "unset setting": (
        r"\bunset\b",
        r"\b(?:not|never)\s+(?:set|exported)\b",
        # "runs it without DEPLOY_DIR exported": the variable named between, in code or in
        # capitals (not "without logging set up")
        r"\bwithout\s+(?:`[\w.]+`|(?-i:[A-Z][A-Z0-9_]+))\s+(?:set|exported|defined)\b",
        r"\bempty\s+(?:environment|env)\b",
        r"\b(?:variable|env\s+var|setting)\s+(?:is\s+)?(?:missing|absent)\b",
    ),
    # a value cut by integer arithmetic: the fraction dropped, a small rate rounded down to
    # nothing ("Rate truncated by integer arithmetic", "`monthlyInterest` always returns 0 for
    # real rates", "the bps value is divided down to 0")
    "truncation": (
        r"\binteger\s+(?:division|arithmetic|math)\b",
        r"\btruncat(?:es|ed|ing|ion)\b",
        r"\b(?:divided|rounded|rounds?|cut)\s+down\s+to\s+(?:0|zero|nothing)\b",
        r"\b(?:always|returns?)\s+(?:0|zero)\b",
        # the fraction lost: "Float-to-integer conversion loses precision"
        r"\blos(?:es|e|ing|t)\s+(?:the\s+)?(?:precision|fraction)\b",
        r"\bprecision\s+loss\b",
    ),
    # the process brought down: a panic, a crash, an abort ("`parse_port` panics on a
    # non-numeric port", "a bad argument crashes the server", "invalid input aborts it via
    # `unwrap`"). A symptom many failures end in: a nil dereference or a zero divisor is its
    # cause told (`TABLE.sides`), not another failure
    "crash": (
        r"\bpanic(?:s|ked|king)?\b",
        r"\bcrash(?:es|ed|ing)?\b",
        r"\babort(?:s|ed|ing)?\b",
        r"\bsegfault\w*",
        r"\bsegmentation\s+fault\b",
    ),
    # a copy or write that runs past the end of its buffer ("Heap buffer overflow in
    # `user_new`", "writes past the end of the fixed-size field", "no bounds check before the
    # copy", a static analyzer's "does not check for buffer overflows"). Not a number that
    # wraps ("integer overflow") nor a recursion's "stack overflow": other failures.
    "overflow": (
        r"\b(?:buffer|heap|array)[- ](?:over(?:flow|run)\w*|overwrites?)\b",
        r"\bover(?:flow|run)(?:s|ed|ing)?\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+)?"
        r"(?:buffers?|arrays?|fields?|destination)\b",
        r"\bout[- ]of[- ]bounds\b",
        r"\b(?:writ|read|cop(?:y|ie)|runs?|go)\w*\s+(?:\w+\s+)?(?:past|beyond)\s+(?:the\s+)?"
        r"end\s+of\b",
        r"\bmemory\s+corruption\b",
        r"\b(?:no|missing|without|lacks?)\s+(?:an?\s+)?(?:length|bounds?)\s+checks?\b",
    ),
    # a name matched by a part of it: a prefix or substring taken for the whole, so another
    # thing whose name contains it passes ("instance name check is prefix-unsafe", "substring
    # match lets `vm` match `vm2`", "`startswith` also accepts `admin-old`")
    "loose match": (
        r"\bprefix[- ](?:unsafe|collisions?|ambigu\w*)\b",
        # (not "prefix match" alone: "use a prefix match table" asks for one)
        r"\b(?:substring|partial)[- ](?:match\w*|check\w*|comparison)\b",
        r"\bmatch(?:es|ed|ing)?\s+(?:on\s+)?(?:an?\s+|any\s+)?(?:prefix|substring)\b",
        r"\b(?:loose|overly\s+broad)\s+(?:name\s+)?match\w*",
    ),
    # a division whose divisor can be zero
    "zero division": (
        r"\bdivi(?:de|des|ded|ding|sion)[- ]by[- ]zero\b",
        r"\bzero[- ]?division\w*",
        r"\bby zero\b",
        r"\bzero divisor\b",
        r"\bdivisor (?:of|is|=|==) (?:0|zero)\b",
    ),
}

# How the merge reasons say it: "both name a race"
_SAID: dict[str, str] = {
    "race": "a race",
    "nil": "a nil value",
    "leak": "a leak",
    "wrong result": "a wrong result",
    "memory": "memory growing with the input",
    "out of range": "a value out of its range",
    "twice": "an effect applied twice",
    "off by one": "an off-by-one",
    "typo": "a typo",
    "hang": "a wait with no timeout",
    "skipped wait": "a wait that never happens",
    "ignored error": "an error taken for success",
    "rejected input": "valid input turned away",
    "stale cache": "a stale cached value",
    "non-ascii": "non-ASCII text mishandled",
    "size limit": "input over its size limit",
    "quadratic": "work quadratic in the input",
    "unset setting": "a setting left unset",
    "truncation": "a value cut by integer arithmetic",
    "crash": "a crash",
    "overflow": "a write past the end of a buffer",
    "loose match": "a name matched by a part of it",
    "zero division": "a division by zero",
}

TABLE = PhraseTable(
    _PHRASES,
    _SAID,
    sides=(
        # An error swallowed is the `None` (nil) its caller then gets ("Permanent failures
        # become `None`" / "the `except` branch hides the exception").
        frozenset({"ignored error", "nil"}),
        # A crash and the failure that causes it are one problem told by its end or by its cause
        # ("`Get` panics when the request fails" / "nil pointer dereference on transport
        # errors").
        frozenset({"crash", "nil"}),
        frozenset({"crash", "zero division"}),
        # a truncated amount comes out one short ("`to_cents` truncates instead of rounding" /
        # "the amount sent is one short for prices like 19.99")
        frozenset({"truncation", "off by one"}),
    ),
    # the column and the value written to it, a resource taken in one file and never given back
    # in another, a setting read in one file and never set in the other
    across=frozenset({"size limit", "leak", "unset setting"}),
)
