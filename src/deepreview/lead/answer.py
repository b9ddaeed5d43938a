"""The lead's answer: a JSON document validated at the trust boundary (pydantic, extra=forbid).

`parse_answer(text)` accepts the document bare, in a ```json fence, or as a JSON object with
chatter around it, and raises `AnswerError` listing every problem (JSON syntax or schema) in a
form the lead can act on when it is asked again. Whether the IDs it names exist is checked
later, against the clusters (`deepreview.lead.check`).

The published JSON Schema (`schemas/lead-decisions.schema.json`) is generated from `LeadAnswer`
(`deepreview.lead.schema`); a test fails when the file drifts from the model.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from deepreview.consolidate.decisions import Action
from deepreview.errors import ParseError
from deepreview.findings.locations import relativize
from deepreview.markdown_fence import code_blocks
from deepreview.model import Severity
from deepreview.untrusted_text import clean_strings

_MAX_ERRORS: Final = 20


def _one_line(text: str) -> str:
    return " ".join(text.split())


# A field the report shows as one line (a reason, a bullet): the lead's line breaks are spaces.
# Kept, a blank line and a `## Heading` or `---` after it would end the Reconciliation list (or
# the header's Verdict cell) it is an item of and make a section of the Markdown report.
OneLine = Annotated[str, AfterValidator(_one_line)]


class _Strict(BaseModel):
    # A misspelled key ("mergeInto") must be an error the lead is told about, never ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# `calc.py:5`, `` `util/strings.py:1-2` ``: a place written whole in `path`, as a seat writes one
_PLACE_IN_PATH: Final = re.compile(
    r"^`?(?P<path>[^`:\s][^`]*?):(?P<start>\d+)(?:-(?P<end>\d+))?`?$"
)


class LocationIn(_Strict):
    path: str = Field(min_length=1, description="Repository-relative path.")
    start: int | None = Field(default=None, ge=1)
    end: int | None = Field(default=None, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _line_in_path(cls, data: Any) -> Any:
        """A model often gives the place whole in `path` (`"calc.py:5"`) and no `start`: that
        is line 5 of calc.py, not a file named `calc.py:5` (which the report would call not
        found). A path in backticks loses them; one under the lead's worktree
        (`/tmp/…/review-lead-XXXX/calc.py`, as its tools print it) or written `./calc.py` is
        the repository's path, as a seat's is read (`relativize`)."""
        if not isinstance(data, dict) or not isinstance(data.get("path"), str):
            return data
        path = data["path"].strip()
        m = _PLACE_IN_PATH.match(path)
        if m is not None and data.get("start") is None and data.get("end") is None:
            start, end = int(m["start"]), int(m["end"]) if m["end"] else None
            place = relativize(m["path"])
            return {**data, "path": place, "start": start or None, "end": end or None}
        if len(path) > 2 and path.startswith("`") and path.endswith("`"):
            path = path[1:-1]
        return {**data, "path": relativize(path) or path}


class DecisionIn(_Strict):
    """What the lead decided about one cluster, with a one-sentence reason that cites code."""

    cluster: str = Field(
        description="A cluster ID from the prompt (K3), the part a split in this answer makes "
        "(K3.2), or, with drop, one member key (gemini:I1) to drop that finding alone."
    )
    action: Action
    reason: OneLine = Field(min_length=1, description="One sentence citing the code (file:line).")
    false_positive: bool = Field(
        default=False, description="With drop: the claim is wrong (not merely out of scope)."
    )
    severity: Severity | None = Field(
        default=None, description="Required with action severity; optional with keep/merge."
    )
    merge_into: str | None = Field(default=None, description="With merge: the absorbing cluster.")
    split_members: list[str] | None = Field(
        default=None, description="With split: member keys (seat:ID) that become their own finding."
    )
    title: str | None = Field(default=None, description="A better title, if any.")
    classification: Literal["regression", "gap", "pre-existing"] | None = Field(
        default=None, description="Set when git blame shows the seats' classification is wrong."
    )


class AddedFindingIn(_Strict):
    """A problem every seat missed and the lead verified in the code."""

    severity: Severity
    title: str = Field(min_length=1)
    locations: list[LocationIn] = Field(default_factory=list)
    classification: Literal["regression", "gap", "pre-existing"] | None = None
    body: str = Field(default="", description="Markdown: code excerpt and explanation.")
    fix: str = Field(default="", description="Markdown: usually a diff block.")
    reason: OneLine = Field(min_length=1, description="How the lead verified it (cite code).")
    seat: str | None = Field(
        default=None,
        description="The seat whose findings text the tool could not read named this problem "
        "(credited to that seat); omit for a problem the lead found itself.",
    )


class VerdictIn(_Strict):
    label: Literal["Merge as-is", "Merge with fixes", "Rework"]
    reason: OneLine = Field(min_length=1)


class SeatRetroIn(_Strict):
    seat: str = Field(description="A seat name from the prompt.")
    narrative: str = Field(
        min_length=1,
        description="What it uniquely found, what it missed, calibration, how it used its tools.",
    )


class DesignChoiceIn(_Strict):
    """Keep or drop one merged design observation (D1..), optionally rescoped or reworded."""

    id: str = Field(description="A design observation ID from the prompt, e.g. D2.")
    action: Literal["keep", "drop"]
    reason: OneLine = Field(min_length=1)
    scope: Literal["in-scope", "future"] | None = None
    text: str | None = Field(default=None, description="Replacement text (Markdown).")


class DesignObservationIn(_Strict):
    kind: Literal["concern", "strength"]
    text: str = Field(min_length=1)
    scope: Literal["in-scope", "future"] | None = None


class AssessmentIn(_Strict):
    intro: str = ""
    items: list[str] = Field(default_factory=list)


class LeadAnswer(_Strict):
    """The whole answer. Only `decisions`, `executive_summary` and `verdict` are required."""

    decisions: list[DecisionIn]
    added_findings: list[AddedFindingIn] = Field(default_factory=list)
    executive_summary: str = Field(min_length=1)
    verdict: VerdictIn
    retro: list[SeatRetroIn] = Field(default_factory=list)
    design_observations: list[DesignChoiceIn] = Field(default_factory=list)
    added_design_observations: list[DesignObservationIn] = Field(default_factory=list)
    testing: AssessmentIn | None = Field(
        default=None,
        description="Replaces the merged Testing Assessment when given with an intro or items.",
    )
    documentation: AssessmentIn | None = Field(
        default=None,
        description="Replaces the merged Documentation Assessment when given with an intro or "
        "items.",
    )
    repo_context_updates: list[OneLine] = Field(default_factory=list)
    skill_improvements: list[OneLine] = Field(default_factory=list)


class AnswerError(ParseError):
    """The lead's answer is not a valid `LeadAnswer`; `errors` says what to fix, one per line."""

    def __init__(self, errors: list[str], *, document: str | None = None) -> None:
        self.errors = tuple(errors[:_MAX_ERRORS])
        self.document = document  # the JSON text we tried, when one was found
        more = len(errors) - len(self.errors)
        head = "; ".join(self.errors) + (f"; and {more} more" if more > 0 else "")
        super().__init__(f"invalid lead answer: {head}; answer with one JSON document")


def _candidates(text: str) -> list[str]:
    """JSON texts to try, best first: the whole text, fenced blocks (last first), then every
    top-level `{...}` object in the prose (last first)."""
    out: list[str] = []
    stripped = text.strip()
    if stripped:
        out.append(stripped)
    fenced = [b.body for b in code_blocks(text) if b.closed]
    out.extend(reversed([b for b in fenced if b.strip().startswith(("{", "["))]))
    out.extend(reversed(_objects(text)))
    return list(dict.fromkeys(out))


def _objects(text: str) -> list[str]:
    """Every top-level JSON object embedded in `text`, in order. The objects inside one that
    does not parse (a trailing comma, cut off) are not candidates: a decision or the verdict
    object on its own would only earn the retry "decisions: Field required"."""
    decoder = json.JSONDecoder()
    found: list[str] = []
    pos = text.find("{")
    while pos >= 0:
        try:
            _, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            # a broken object (`{"…`): skip all of it; a brace in prose (`{x}`): only itself
            starts_object = text[pos + 1 :].lstrip().startswith('"')
            pos = text.find("{", _past_braces(text, pos) if starts_object else pos + 1)
            continue
        found.append(text[pos:end])
        pos = text.find("{", end)
    return found


def _nesting(text: str, start: int, opens: str, closes: str) -> Iterator[tuple[int, int, bool]]:
    """Each index of `text` from `start`, with the depth of `opens`/`closes` brackets after it
    and whether a JSON string is open after it (brackets inside strings do not count)."""
    depth, in_string, escaped = 0, False, False
    for i in range(start, len(text)):
        c = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in opens:
            depth += 1
        elif c in closes:
            depth -= 1
        yield i, depth, in_string


def _past_braces(text: str, start: int) -> int:
    """Just past the `}` that closes the `{` at `start` (strings skipped); the end of the text
    when it never closes."""
    for i, depth, in_string in _nesting(text, start, "{", "}"):
        if depth == 0 and not in_string and text[i] == "}":
            return i + 1
    return len(text)


def extract_json(text: str) -> tuple[Any, str] | None:
    """(decoded JSON object, its text) of the document in `text`, or None when there is none.

    An object with a `decisions` key wins over other objects: chatter may hold a stray `{}`.
    """
    decoded: list[tuple[Any, str]] = []
    for candidate in _candidates(text):
        try:
            value = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            decoded.append((value, candidate))
    for value, candidate in decoded:
        if "decisions" in value:
            return value, candidate
    return decoded[0] if decoded else None


def _syntax_error(text: str) -> str:
    """The JSON syntax error of the most likely document in `text` (a fence, else from `{`)."""
    fenced = [b.body for b in code_blocks(text) if b.closed]
    body = fenced[-1] if fenced else text[text.find("{") :] if "{" in text else text
    try:
        json.loads(body)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        if _open_at_end(body):
            # "Expecting property name at line 45" only says where the text stops: the lead
            # asked again must know its document is cut short, not hunt for a typo
            return (
                f"the JSON document stops before its end (at {where}): write the whole "
                "document, through its last `}` and the closing fence"
            )
        return f"the JSON does not parse: {exc.msg} at {where}"
    return "the JSON document is not an object"


def _open_at_end(body: str) -> bool:
    """Whether `body` ends inside a string or with an object or array still open."""
    end = deque(_nesting(body, 0, "{[", "}]"), maxlen=1)  # the state after the last character
    _, depth, in_string = end[0] if end else (0, 0, False)
    return in_string or depth > 0


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def schema_errors(exc: ValidationError) -> list[str]:
    """`decisions[2].action: Input should be 'keep', ... (got 'delete')`."""
    lines = []
    for err in exc.errors():
        where = _location(tuple(err["loc"]))
        got = err.get("input")
        shown = "" if err["type"] == "missing" else f" (got {json.dumps(got)[:80]})"
        if err["type"] == "extra_forbidden":
            lines.append(f"{where}: unknown key; remove it or fix its spelling")
        else:
            lines.append(f"{where}: {err['msg']}{shown}")
    return lines


def parse_answer(text: str) -> LeadAnswer:
    """The lead's answer as a validated `LeadAnswer`; raises `AnswerError` (pure: no I/O)."""
    if not text.strip():
        raise AnswerError(["the answer is empty; it must be one JSON document"])
    found = extract_json(text)
    if found is None:
        if "{" not in text:
            raise AnswerError(["no JSON object found in the answer"])
        raise AnswerError([_syntax_error(text)])
    value, document = found
    try:
        # the lead's words enter the report here: cleaned as a seat's are (`SeatReview`)
        return LeadAnswer.model_validate(clean_strings(value))
    except ValidationError as exc:
        raise AnswerError(schema_errors(exc), document=document) from exc


__all__ = [
    "AddedFindingIn",
    "AnswerError",
    "AssessmentIn",
    "DecisionIn",
    "DesignChoiceIn",
    "DesignObservationIn",
    "LeadAnswer",
    "LocationIn",
    "SeatRetroIn",
    "VerdictIn",
    "extract_json",
    "parse_answer",
    "schema_errors",
]
