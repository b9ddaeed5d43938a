"""More of the words in which reviewers name a failure (`claims.claims_in`): phrases for kinds
the vocabulary has, and kinds it lacked, for where two seats tell one problem in other words
at one place:

- a command run by the shell and "assembled from the job's paths", or file names "concatenated
  into a shell string": the injection another seat calls by its name;
- a failure "reported as success" / a result "recorded as finished even when the tool exits with
  an error status": an error taken for success;
- a loop that "spins while the queue is empty" / "burns a core when idle": a busy loop;
- a copy that "never writes the string terminator" / "copies `n` bytes but not the terminating
  NUL": a string left unterminated;
- "quantities are never checked" / "nothing validates them": input taken unchecked;
- "a failed lookup is remembered" / "stores whatever the fetcher returns, including nil after an
  error": a failure cached as a value;
- "under-reports by one", "drops the trailing partial page", "returns `size + 1` items instead
  of `size`": an off-by-one;
- "uses banker's rounding" / "money should round half up": a rounding rule;
- "treats pages as zero-based, but the handler numbers them from 1": an index base, not the
  off-by-one of a slice's end at the next line.

And two for one problem told at lines a few apart:

- a count one past its limit, an off-by-one however it is told: "makes `maxRetries + 1`
  calls", "issues 4 requests with the default of 3", "one call more than documented", "loops
  `<=` instead of `<`" (`quoted_claims`: in code and in numbers);
- a time limit of zero: "Zero timeout means immediate failure", "stores a zero duration",
  "`time.Duration(0)` means no deadline", "a zero deadline never expires".

And, in the words of app, service and CI code (Swift, Elixir, Compose, a workflow, Lua): UI
touched off the main thread, a simulation tied to the frame rate, a service used before it is
ready, a port open to the network, untrusted code run with secrets, credentials that never
reach the call, a process called before anything starts it, a collection changed while a loop
walks it, an optional forced open, state lost with its process, a slow call everything waits
for.
"""

from __future__ import annotations

import re

from deepreview.consolidate.phrase_table import PhraseTable

# what a time limit is called: a timeout, a deadline, a TTL, a duration
_TIME_LIMIT = r"\b(?:time-?outs?|deadlines?|time\s+limits?|ttls?|durations?)\b"

_NOT_A_QUALIFIER = r"(?:and|or|to|of|the|an?|every|each|any|its|their|this|that)"

# kind -> phrases (case-insensitive regex alternatives)
_PHRASES: dict[str, tuple[str, ...]] = {
    "injection": (
        # "Untrusted input in a `run:` script", "the attacker-controlled title is expanded
        # inline": a workflow's expression pasted into the shell script it runs
        r"\buntrusted\s+input\s+in\s+(?:an?\s+|the\s+)?(?:shell\s+)?(?:scripts?|commands?)\b",
        r"\b(?:attacker|user)[- ]controlled\b[^.;:]{0,60}\b(?:expanded|interpolated|substituted)"
        r"\s+(?:inline|into)\b",
        # "a command assembled from the job's paths", "the shell string is built from input"
        r"\b(?:commands?|command\s+lines?|shell\s+(?:strings?|commands?|lines?)|quer(?:y|ies)"
        r"|sql)\s+(?:is\s+|are\s+)?(?:built|assembled|constructed|composed|pieced\s+together)"
        r"\s+(?:by|from|out\s+of|with)\b",
        # "file names are concatenated into a shell string"
        r"\b(?:concatenat|interpolat|splic|insert|past)\w*\s+(?:in)?to\s+(?:a|the)\s+"
        r"(?:shell|command|query|sql)\b",
    ),
    # shared state written on one thread, read on another, said by the threads: "`cache` is
    # mutated off the caller's thread", "written from another thread"
    "race": (
        r"\b(?:mutat|writ|written|modif|updat|chang)\w*\s+(?:\w+\s+){0,2}?(?:off|from|on)\s+"
        r"(?:the\s+caller's|another|other|a\s+different|two|several|multiple)\s+threads?\b",
    ),
    "ignored error": (
        # the failure counted as a success: "A failed conversion is reported as success", "a
        # broken conversion is recorded as finished"
        r"\b(?:reported|recorded|treated|counted|marked|logged)\s+as\s+(?:an?\s+)?"
        r"(?:success\w*|succeeded|finished|done|complete[d]?|ok)\b",
        # "returned even when convert exits with an error status"
        r"\beven\s+(?:when|if)\b[^.;:]{0,40}\bexits?\s+(?:with\s+)?(?:an?\s+)?(?:error|non-?zero"
        r"|failure|failing)\b",
    ),
    "busy loop": (
        r"\bbusy[- ]?(?:wait|loop|poll|spin)\w*",
        # a loading spinner that spins forever is a UI that never settles, not a CPU spinning
        r"(?<!spinner\s)\bspins?\s+(?:while|when|until|on|forever|in\s+a)\b",
        r"\bburns?\s+(?:a\s+|the\s+|one\s+|100\s*%\s+(?:of\s+)?(?:a\s+)?)?(?:cpu|core)s?\b",
        r"\b(?:cpu|core)\s+at\s+100\s*%",
        r"\b(?:tight|hot)\s+loop\b",
    ),
    "unterminated": (
        r"\b(?:string|nul|null)[- ]terminat\w*",
        r"\bunterminated\b",
        r"\bterminator\b",
        r"\b(?:not|never|without|drops?|omits?|misses)\b[^.;:]{0,20}\bterminating\b",
    ),
    "unchecked input": (
        # not "is not checked for NULL" (a nil), nor an error "never checked" (ignored)
        r"(?<!errors )(?<!error )(?<!status )\b(?:is|are)\s+(?:never|not)\s+(?:checked|validated)"
        r"\b(?!\s+for\b)",
        r"\bnothing\s+(?:validates|checks)\b",
        r"\bunvalidated\b",
        r"\bno\s+(?:input\s+)?validation\b",
    ),
    "cached failure": (
        r"\b(?:failed|failures?|errors?)\s+(?:\w+\s+){0,2}(?:is|are|gets?)\s+(?:remembered|cached)\b",
        r"\b(?:stores?|caches?|remembers?)\b[^.;:]{0,50}\b(?:nil|null|none)\b[^.;:]{0,20}"
        r"\b(?:after|on|from)\s+(?:an?\s+)?(?:\w+\s+)?(?:errors?|failures?|timeouts?)\b",
        r"\bcach(?:es|ed|ing)\s+(?:the\s+)?(?:errors?|failures?)\b",
        # an error response kept as the answer: "a 500 error page is stored", "any body is
        # cached whatever the HTTP status"
        r"\b(?:errors?|failures?|failed|[45]\d\d)\s+(?:\w+\s+){0,2}(?:is|are|gets?)\s+"
        r"(?:stored|kept|saved)\b",
        r"\bcached\s+whatever\s+the\s+(?:http\s+)?status\b",
    ),
    # an optional forced open: "Force-unwrapped response body", "`data` is optional and it is
    # forced". Its own kind, not a nil: beside it, "a 500 page is cached" (the status unread, an
    # error taken for success) is another problem on that line, and a nil and an ignored error
    # are two sides of one (`failure_kinds`)
    "forced unwrap": (
        r"\bforce[- ]?unwrap\w*",
        r"\bforced\s+unwrap\w*",
        r"\boptional\b[^.;:]{0,60}\b(?:is|are)\s+forced\b",
    ),
    # what a process held, gone with it: "every item already in `state.items` is gone", "the
    # cart state is lost"
    "state lost": (
        r"\b(?:state|items?|entries|contents)\s+(?:[\w.`'-]+\s+){0,3}?(?:is|are|gets?)\s+"
        r"(?:lost|gone|wiped|discarded|thrown\s+away)\b",
        r"\b(?:los(?:es|ing|t)|throws?\s+away|wipes?)\s+(?:the\s+|its\s+|all\s+)?(?:\w+\s+)?"
        r"(?:state|items|entries|contents)\b",
    ),
    # a linear step inside a loop: "`table.remove` in the update loop is O(n)", "each removal
    # shifts the whole array"
    "quadratic": (
        r"\b(?:in|inside)\s+(?:a|the)\s+(?:\w+\s+)?loop\s+is\s+O\(\s*n\s*\)",
        r"\bO\(\s*n\s*\)\s+(?:per|for\s+each|on\s+each)\b",
        r"\beach\s+(?:removal|insertion|deletion|pop|shift)\s+shifts\b",
    ),
    # a process, worker or service called before anything starts it: "Nothing starts the cart
    # before adding to it", "calls a cart that may not exist", "the worker was never started"
    "not started": (
        r"\bnothing\s+(?:ever\s+)?starts\b",
        r"\b(?:never|not)\s+(?:yet\s+|been\s+)?started\b",
        r"\bmay\s+not\s+(?:exist|be\s+(?:running|started|alive))\b",
    ),
    # a slow call made where everything else waits for it: "Blocking pricing call in the
    # server", "the HTTP request blocks the event loop"
    "blocking call": (
        r"\bblocking\s+(?:\w+\s+){0,2}?(?:calls?|requests?|i/o|io|reads?|writes?|operations?)\b",
        r"\bblocks?\s+(?:the\s+)?(?:event\s+loop|server|genserver|actor|reactor|ui\s+thread"
        r"|main\s+thread)\b",
    ),
    # money rounded by the wrong rule: "`Math.Round` uses banker's rounding", "totals ending in
    # half a cent go down half the time; money should round half up"
    "rounding rule": (
        r"\bbanker'?s'?\s+rounding\b",
        r"\bround(?:s|ed|ing)?\s+half\s+(?:up|down|(?:to\s+)?even|away)\b",
        r"\bhalf[- ](?:up|even|away[- ]from[- ]zero)\s+rounding\b",
        r"\bmidpoint\s+rounding\b",
    ),
    # indexes counted from 0 on one side and from 1 on the other: "treats pages as zero-based,
    # but the handler numbers them from 1". A problem of its own beside a slice's off-by-one
    # at the next line, which a `+ 1` too many makes
    "index base": (
        r"\b(?:zero|one|0|1)-(?:based|indexed)\b",
        r"\b(?:numbers?|numbered|counts?|counted|index(?:es|ed)?)\s+(?:\w+\s+)?from\s+"
        r"(?:0|1|zero|one)\b",
    ),
    "off by one": (
        r"\b(?:under|over)-?reports?\s+by\s+one\b",
        r"\b(?:drop(?:s|ped|ping)?|skip(?:s|ped|ping)?|los(?:es|e|ing|t))\s+the\s+trailing\b",
        # a count one past its limit, said so: "one call more than documented", "one past the
        # limit" (the limit and the count given in numbers: `one_past_limit`)
        r"\bone\s+(?:\w+\s+)?(?:more|extra)\s+(?:\w+\s+)?than\s+(?:the\s+|its\s+)?(?:\w+\s+)?"
        r"(?:limit|maximum|max|documented|allowed|configured|asked|requested|promised)\b",
        r"\bone\s+past\s+(?:the|its)\s+(?:\w+\s+)?(?:limit|maximum|max|bound|cap|budget)\b",
    ),
    # a time limit of zero: a deadline already over when the call starts, or one a library reads
    # as "no deadline" ("Zero timeout means immediate failure", "stores a zero duration", "the
    # timeout defaults to 0"; in code: `time.Duration(0)`, `quoted_claims`). Its own failure,
    # told at the constructor that stores it and at the call that uses it, beside another
    # problem of that call (the caller's context dropped, a read with no timeout at all)
    "zero time limit": (
        # "zero timeout", "0 ms deadline", "a zero read timeout", "zero or negative timeout";
        # not "sets to zero every timeout"
        rf"\b(?:zero|0)(?:\s*(?:s|ms|secs?|seconds?))?[- ](?:or\s+negative\s+)?"
        rf"(?:(?!{_NOT_A_QUALIFIER}\b)\w+[- ])?{_TIME_LIMIT}",
        rf"{_TIME_LIMIT}\s+(?:\w+\s+){{0,2}}?(?:of|is|=|==|to|at|as|equals?)\s+(?:0|zero)\b"
        r"(?![.,]\d)",
    ),
    # UI touched from another thread: "the table is reloaded from a background thread", "the
    # callback runs on a background queue", "`notifyDataSetChanged()` called off the main
    # thread". Told at the caller that touches the view and at the loader that calls back
    "main thread": (
        r"\b(?:off|outside(?:\s+of)?|not\s+on|away\s+from)\s+the\s+(?:main|ui)\s+"
        r"(?:thread|queue|loop)\b",
        r"\b(?:from|on|in)\s+(?:a|the)\s+(?:background|worker)\s+(?:thread|queue)\b",
        r"\bmain[- ]thread\s+checker\b",
    ),
    # a simulation stepped per frame, not per second: "movement ignores `dt`", "gravity is
    # added once per frame", "frame-rate dependent physics"
    "frame rate": (
        r"\bframe[- ]?rate[- ](?:dependen\w*|bound|tied)\b",
        r"\b(?:tied|bound)\s+to\s+the\s+frame[- ]?rate\b",
        r"\b(?:once\s+)?per[- ]frame\b",
        r"\b(?:ignor\w*|without|not\s+(?:scaled|multiplied)\s+by|never\s+(?:scaled|multiplied)"
        r"\s+by)\s+(?:the\s+)?(?:dt|delta[- ]?time|frame\s+time|elapsed\s+time)\b",
    ),
    # a service used before the one it needs can take requests: "`depends_on` does not wait for
    # the database to be ready", "no healthcheck on `db`", "only orders container start"
    "not ready": (
        r"\bhealth[- ]?checks?\b",
        r"\breadiness\b",
        r"\bto\s+be\s+ready\b",
        r"\b(?:before|until)\s+(?:\w+\s+){0,3}(?:is|are)\s+ready\b",
        r"\b(?:before|until|when)\s+(?:\w+\s+){0,3}(?:accepts?|can\s+(?:take|accept))\s+"
        r"connections\b",
        r"\bonly\s+orders\s+(?:the\s+)?(?:containers?'?\s+)?start\w*\b",
    ),
    # a service listening for the world: "Database published on every interface", "binds to
    # 0.0.0.0", "the port is open to the host network"
    "exposed port": (
        r"\b(?:published|exposed|open|reachable|listen\w*|binds?|bound)\s+(?:\w+\s+){0,2}?"
        r"(?:on|to|from)\s+(?:every|all|any)\s+(?:network\s+)?interfaces?\b",
        r"(?<![\w.])0\.0\.0\.0(?![\w.])",
        r"\b(?:open|exposed|reachable|published)\s+(?:to|from|on)\s+(?:the\s+)?"
        r"(?:host(?:'s)?\s+network|network|internet|outside\s+world|lan)\b",
    ),
    # a pull request's own code run where the repository's secrets are: "Untrusted pull request
    # code runs with secrets", "a fork's postinstall can read the token", "the fork's head
    # commit is checked out into a privileged workflow"
    "untrusted code": (
        r"\buntrusted\s+(?:pull\s+request\s+|pr\s+|fork\s+|contributor\s+)?code\b",
        r"\bforks?'s?\s+(?:own\s+)?(?:code|head|commits?|scripts?|postinstall|lifecycle"
        r"\s+scripts?|build\s+scripts?)\b",
        r"\bpwn\s+requests?\b",
        r"\bprivileged\s+(?:workflow|context|job|runner)\b",
    ),
    # a credential given to a step that never reaches the call needing it: "`npm publish` will
    # not authenticate", "the npm token is never used by publish"
    "credentials unused": (
        r"\b(?:will\s+not|won't|cannot|can't|does\s+not|doesn't|never|fails?\s+to)\s+"
        r"authenticate\b",
        r"\b(?:tokens?|credentials?|api[- ]keys?|passwords?)\s+(?:\w+\s+){0,2}?(?:is|are)\s+"
        r"never\s+(?:used|read|passed|sent|picked\s+up)\b",
    ),
    # an array changed under the loop walking it: "Removing while iterating skips bullets",
    # "deleting from `items` inside the `for` loop skips the next one", "splices the array it
    # iterates"
    "removed while iterating": (
        r"\b(?:remov|delet|splic)\w*\s+(?:[\w.`'-]+\s+){0,4}?(?:while|during|inside|within)\s+"
        r"(?:the\s+|an?\s+|its\s+)?(?:[\w.`'-]+\s+){0,2}?(?:iterat\w*|loops?)\b",
        r"\b(?:splices?|modif(?:y|ies)|mutates?|shrinks?)\s+the\s+(?:array|list|table|slice"
        r"|collection)\s+(?:that\s+)?(?:it|while|being)\s+(?:is\s+)?iterat\w*",
    ),
}

# How the merge reasons say the kinds this module adds: "both name a busy loop"
_SAID: dict[str, str] = {
    "busy loop": "a busy loop",
    "unterminated": "a string left unterminated",
    "unchecked input": "input taken unchecked",
    "cached failure": "a failure cached as a value",
    "rounding rule": "money rounded by the wrong rule",
    "index base": "indexes counted from 0 on one side and 1 on the other",
    "zero time limit": "a time limit of zero",
    "main thread": "UI touched off the main thread",
    "frame rate": "a simulation tied to the frame rate",
    "not ready": "a service used before it is ready",
    "exposed port": "a service open to the network",
    "untrusted code": "untrusted code run with secrets",
    "credentials unused": "credentials that never reach the call",
    "removed while iterating": "a collection changed while a loop walks it",
    "blocking call": "a slow call everything else waits for",
    "forced unwrap": "an optional forced open",
    "state lost": "state lost with the process holding it",
    "not started": "a process called before anything starts it",
}

TABLE = PhraseTable(
    _PHRASES,
    _SAID,
    # a service and the code using it before it is ready, a process and the code calling it
    # before anything starts it, credentials and the call they never reach, UI and the code
    # touching it off the main thread
    across=frozenset({"not ready", "not started", "credentials unused", "main thread"}),
)

# "`paginate` returns `size + 1` items instead of `size`": a bound quoted one off from the one
# meant. Read in the code spans `claims` leaves out of its reading (two spans: the value given,
# and the same name without the `+ 1` or `- 1`).
_ONE_OFF_QUOTED = re.compile(
    r"`\s*(?P<name>[\w.]+)\s*[+-]\s*1\s*`[^.;:\n]{0,40}\binstead\s+of\s+`\s*(?P=name)\s*`"
)
# What is counted when a loop runs once too often: calls, requests, attempts. Not bytes or
# items, which a fix names as often as a fault ("copy `n + 1` bytes").
_RUNS = (
    r"(?:calls|requests|attempts|tries|retries|times|iterations|passes|runs|rounds"
    r"|invocations|fetches|polls)\b"
)
# "`withRetry` makes `maxRetries + 1` calls": a count quoted one past the bound it names
_PLUS_ONE_RUNS = re.compile(rf"`\s*[\w.]+\s*\+\s*1\s*`\s+(?:\w+\s+)?{_RUNS}", re.IGNORECASE)
# "loops `<=` instead of `<`", "(`<=` bound)": a comparison that lets the count reach its limit
# (or stop one short of it), told by its operator. Not `a < b` instead of `b < a` (operands
# swapped, a wrong result): the two operators must differ by the `=` alone (`_one_off_operator`)
_OPERATORS = re.compile(
    r"`[^`\n<>]*(?P<a>[<>]=?)[^`\n]*`\s+(?:instead\s+of|rather\s+than)\s+"
    r"`[^`\n<>]*(?P<b>[<>]=?)[^`\n]*`"
)
_OPERATOR_BOUND = re.compile(
    r"`\s*[<>]=\s*`\s+(?:loop\s+)?(?:bounds?|conditions?|comparisons?|checks?)\b", re.IGNORECASE
)
# "issues 4 requests with the default of 3", "with `maxRetries: 3` the function is called four
# times": in one sentence, a count of runs and a limit it is one past (`one_past_limit`)
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip
_NUMBER = rf"(\d{{1,6}}|{'|'.join(_NUMBER_WORDS)})"
_COUNT = re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+)?{_RUNS}", re.IGNORECASE)
_LIMIT = re.compile(
    rf"\b(?:defaults?|limits?|maximum|max|cap|budget|at\s+most|up\s+to|configured|allowed)\s+"
    rf"(?:\w+\s+)?(?:(?:of|is|=|:|to|at)\s+)?`?{_NUMBER}\b(?![.,]\d)"
    rf"|\b\w*(?:max|limit|retries|tries|attempts)\w*\s*[:=]\s*{_NUMBER}\b(?![.,]\d)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.index(word.lower())


def one_past_limit(text: str) -> bool:
    """A sentence of `text` gives a count of runs one past a limit it gives (`_COUNT`,
    `_LIMIT`): "makes 4 requests with the default of 3"."""
    for sentence in _SENTENCE_END.split(text):
        limits = {_number(a or b) for a, b in _LIMIT.findall(sentence)}
        if limits and any(_number(n) - 1 in limits for n in _COUNT.findall(sentence)):
            return True
    return False


def _one_off_operator(text: str) -> bool:
    """`<=` told instead of `<` (or `>` instead of `>=`), or named as the loop's bound."""
    if _OPERATOR_BOUND.search(text):
        return True
    return any(m["a"][0] == m["b"][0] and m["a"] != m["b"] for m in _OPERATORS.finditer(text))


_SPANS = re.compile(r"`([^`\n]+)`")
# a time limit of zero in code: `time.Duration(0)`, `WithTimeout(ctx, 0)`, `timeout=0`,
# `sock.settimeout(0)`
_ZERO_LIMIT_CODE = re.compile(
    r"(?i:time-?out|deadline|duration|ttl)\w*\s*(?:\([^()]*?(?<![\w.])0\s*\)|[:=]\s*0\b(?!\.))"
)
# JavaScript's `setTimeout(fn, 0)`: a delay to the next turn of the event loop, no time limit
_EVENT_LOOP_DELAY = re.compile(r"\bset(?:Timeout|Interval|Immediate)\s*\(")


def quoted_claims(text: str) -> frozenset[str]:
    """The failure kinds `text` tells in the code it quotes, or in numbers: an off-by-one
    (`_ONE_OFF_QUOTED`, `_PLUS_ONE_RUNS`, `_one_off_operator`, `one_past_limit`), a time limit
    of zero (`_ZERO_LIMIT_CODE`)."""
    found = set()
    if (
        _ONE_OFF_QUOTED.search(text)
        or _PLUS_ONE_RUNS.search(text)
        or _one_off_operator(text)
        or one_past_limit(text)
    ):
        found.add("off by one")
    spans = [s for s in _SPANS.findall(text) if not _EVENT_LOOP_DELAY.search(s)]
    if any(_ZERO_LIMIT_CODE.search(span) for span in spans):
        found.add("zero time limit")
    return frozenset(found)
