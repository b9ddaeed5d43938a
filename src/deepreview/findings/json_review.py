"""A model's review written as JSON instead of Markdown.

Asked for Markdown, some models (small local ones most often) answer with their findings as
data: a ```` ```json ```` block holding `[{"severity": "high", "file": "a.py", "line": 3,
"title": …}]` or `{"summary": …, "issues": [...]}`.  Codex's own review mode writes one object:
`findings[]` with `title` (often led by its `[P1]` tag), `body`, an integer `priority` 0-3 (P0-P3,
graded as the tags are in `levels.py`) and `code_location {absolute_file_path, line_range}` (a
path in its worktree, made repository-relative), then `overall_correctness` /
`overall_explanation`.  Read as Markdown that is no review at all
and the seat would fail as "unparseable review".  The keys vary by model, so each field accepts
the names models use for it; the values are checked at this boundary (pydantic), and an item
that is not a finding (no title, nor a description to take one from) makes the whole block not
a review. The value may follow one line of prose (`Here is my review in JSON:`). The same
items as XML elements (`<finding severity="high" file="a.py" line="3">text</finding>`) are
read alike.

Command seats have their own strict format (`agents/command_json.py`); this is for text.
"""

from __future__ import annotations

import functools
import html
import json
import re
from typing import Any, Final

from deepreview.findings.assemble import assemble, same_title, unrated_ids
from deepreview.findings.file_names import is_absolute, known_suffix
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.json_lines import json_line_items
from deepreview.findings.level_ranks import rank_high
from deepreview.findings.levels import LEVEL_WORDS, first_level_word, tag_level
from deepreview.findings.locations import relativize
from deepreview.findings.problem_words import names_a_fault, says_undenied
from deepreview.findings.table_text import first_sentence
from deepreview.findings.toml_items import toml_items
from deepreview.findings.yaml_items import yaml_items
from deepreview.markdown_fence import code_blocks
from deepreview.model import AgentReview, Location

_JSON_INFO = ("json", "json5")
_LISTS = ("findings", "issues", "problems", "comments", "review_comments", "results")
_TITLE_MAX = 300


@functools.cache
def _model() -> Any:
    # pydantic loads only when a review looks like JSON (start-up stays light).
    from pydantic import (
        AliasChoices,
        BaseModel,
        ConfigDict,
        Field,
        field_validator,
        model_validator,
    )

    def names(*n: str) -> AliasChoices:
        return AliasChoices(*n, *(x.capitalize() for x in n))

    class JsonFinding(BaseModel):
        model_config = ConfigDict(extra="ignore", frozen=True)

        title: str = Field(  # "" when the item has none: the body's first sentence is
            default="",
            validation_alias=names(
                "title", "summary", "issue", "message", "msg", "finding", "problem"
            ),
        )
        severity: str = Field(
            default="", validation_alias=names("severity", "level", "priority", "sev")
        )
        file: str = Field(
            default="", validation_alias=names("file", "path", "filename", "file_path", "location")
        )
        line: str | None = Field(  # `42`, `"42"`, `"88-95"`
            default=None,
            validation_alias=names(
                "line",
                "line_number",
                "start_line",
                "line_start",
                "startLine",
                "lineno",
                "lines",
            ),
        )
        end_line: int | None = Field(
            default=None, validation_alias=names("end_line", "line_end", "endLine", "endline")
        )
        body: str = Field(
            default="",
            validation_alias=names("description", "details", "explanation", "body", "rationale"),
        )
        fix: str = Field(
            default="",
            validation_alias=names("fix", "suggestion", "recommendation", "suggested_fix"),
        )
        category: str | None = Field(
            default=None, validation_alias=names("classification", "category", "type")
        )

        @model_validator(mode="before")
        @classmethod
        def _code_location(cls, v: object) -> object:
            # Codex: `"code_location": {"absolute_file_path": …, "line_range": {"start", "end"}}`
            if not isinstance(v, dict) or not isinstance(v.get("code_location"), dict):
                return v
            place = v["code_location"]
            lines = place.get("line_range")
            lines = lines if isinstance(lines, dict) else {}
            flat = {
                "file": place.get("absolute_file_path") or place.get("path") or place.get("file"),
                "line": lines.get("start"),
                "end_line": lines.get("end"),
            }
            return {**{k: x for k, x in flat.items() if x is not None}, **v}

        @model_validator(mode="before")
        @classmethod
        def _comment_range(cls, v: object) -> object:
            # GitHub's review comments: `line` is a range's LAST line, `start_line` its first
            if not isinstance(v, dict) or "line" not in v or "end_line" in v:
                return v
            start = next((v[k] for k in ("start_line", "startLine") if k in v), None)
            if start is None:
                return v
            return {**{k: x for k, x in v.items() if k != "line"}, "end_line": v["line"]}

        @field_validator("severity", mode="before")
        @classmethod
        def _priority(cls, v: object) -> object:
            # Codex's integer priority 0-3 is its P0-P3; another number is on no scale we know
            if isinstance(v, int | float) and not isinstance(v, bool):
                return f"P{int(v)}" if v in (0, 1, 2, 3) else ""
            return v

        @field_validator("line", mode="before")
        @classmethod
        def _range(cls, v: object) -> object:
            if isinstance(v, list):  # `"lines": [12, 18]`
                ends = [x for x in v if isinstance(x, int) and not isinstance(x, bool)]
                v = f"{ends[0]}-{ends[-1]}" if ends and len(ends) == len(v) else None
            return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

        @field_validator("end_line", mode="before")
        @classmethod
        def _number(cls, v: object) -> object:
            if isinstance(v, str):
                m = re.match(r"\s*(\d+)", v)
                return int(m.group(1)) if m else None
            return v

        @field_validator("title", "severity", "file", "body", "fix", mode="before")
        @classmethod
        def _text(cls, v: object) -> object:
            return "" if v is None else v

    return JsonFinding


# `Here is my review in JSON:` + the object (no fence): a short lead-in of prose, then a line
# that opens the JSON value, which runs to the end of the text.
_LEAD_IN = re.compile(r"\A[ \t]*[^\s#|>`{\[][^\n]{0,200}\n(?:[ \t]*\n)*(?=[ \t]*[{\[])")


def _document(text: str) -> object | None:
    """The JSON value the text is (after a line of prose, too), or holds in one ```json
    block; None when there is none."""
    stripped = text.strip()
    candidates = [stripped] if stripped[:1] in ("[", "{") else []
    lead_in = _LEAD_IN.match(stripped)
    if lead_in is not None:
        candidates.append(stripped[lead_in.end() :])
    candidates += [b.body for b in code_blocks(text) if b.closed and b.info.lower() in _JSON_INFO]
    for c in candidates:
        try:
            return json.loads(c)
        except ValueError:
            continue
    return _xml_items(text) or json_line_items(text) or yaml_items(text) or toml_items(text)


# A level field's whole value on a compiler's (SARIF's) scale: `error` the top, `note` and `hint`
# the least (`warning`, `info` are level words already). Only the field's whole value: "error"
# in a title or as one word of many is no level.
_DIAGNOSTIC: Final = {"error": "critical", "fatal": "critical", "note": "nit", "hint": "nit"}


# The same findings as XML elements (a local model's answer: `<finding severity="high"
# file="a.py" line="33">text</finding>`), their attributes the fields and their text the body.
_XML_ITEM = re.compile(
    r"<(?P<tag>finding|issue|problem|comment)\b(?P<attrs>[^<>]*)>(?P<text>[^<]*)</(?P=tag)[ \t]*>",
    re.IGNORECASE,
)
_XML_ATTR = re.compile(r"""(?P<k>[A-Za-z_][\w-]*)[ \t]*=[ \t]*(?:"(?P<v>[^"]*)"|'(?P<w>[^']*)')""")


def _xml_items(text: str) -> list[dict[str, str]]:
    """The XML findings elements of the text as JSON items; [] when it has none."""
    items = []
    for m in _XML_ITEM.finditer(text):
        item = {
            a["k"].lower().replace("-", "_"): html.unescape(
                a["v"] if a["v"] is not None else a["w"]
            )
            for a in _XML_ATTR.finditer(m["attrs"])
        }
        if not _XML_FIELDS & item.keys():
            return []  # (`<comment>text</comment>` in prose: markup talked about, no finding)
        body = html.unescape(" ".join(m["text"].split()))
        if body:
            item.setdefault("description", body)
        items.append(item)
    return items


# an element is a finding by a level or a place among its attributes
_XML_FIELDS = frozenset(("severity", "level", "priority", "file", "path", "filename", "line"))


def json_review(
    text: str, *, seat: str = "", pass_no: int = 1, prefixes: tuple[str, ...] = ()
) -> AgentReview | None:
    """The review the text gives as JSON, or None when it gives none (read it as Markdown)."""
    doc = _document(text)
    summary = verdict = ""
    items: object = doc
    if isinstance(doc, dict):
        summary = str(
            doc.get("summary") or doc.get("overview") or doc.get("overall_explanation") or ""
        )
        # Codex's own verdict: `"overall_correctness": "patch is correct"` (or "incorrect")
        verdict = str(doc.get("overall_correctness") or "").strip()
        items = next((doc[k] for k in doc if k.lower() in _LISTS), None)
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None
    if not items and not summary and not verdict:
        return None
    from pydantic import ValidationError

    model = _model()
    drafts: list[Draft] = []
    for item in items:
        try:
            f = model.model_validate(item)
        except ValidationError:
            return None  # not a list of findings after all
        body = f.body.strip()
        title = " ".join(f.title.split())
        if not title and body:
            # `{"severity": "high", "description": "Header row dropped. The …"}`: as a record's
            # description in Markdown (`records.py`), its first sentence is the title
            title, body = first_sentence(" ".join(body.split()))
        if not title:
            return None  # not a list of findings after all
        tag, title = _title_tag(title)
        head = FindingHead(id=None, title=title[:_TITLE_MAX], style="json")
        word = _DIAGNOSTIC.get(f.severity.strip().lower()) or first_level_word(f.severity) or tag
        if word is not None:
            head.severity, head.level_word = LEVEL_WORDS[word], word
        head.locations = _locations(f.file, f.line, f.end_line, prefixes)
        head.classification = f.category
        drafts.append(make_draft(head, None, body=body, fix=f.fix.strip(), prefixes=prefixes))
    rank_high(drafts, critical_section=False)
    findings, warnings = assemble(drafts)
    # "patch is incorrect" with no finding listed: what is wrong is told only in its explanation,
    # findings text we could not read (never a clean review)
    unread = (summary.strip() or verdict,) if not findings and _INCORRECT.search(verdict) else ()
    if not findings and not verdict and (names_a_fault(summary) or says_undenied(_ERRS, summary)):
        # `{"issues": [], "summary": "The loader crashes on lists …"}`: a problem told only in
        # the summary is findings text we could not read (never a clean review)
        unread = (summary.strip(),)
    return AgentReview(
        seat=seat,
        pass_no=pass_no,
        executive_summary=summary.strip(),
        verdict_line=f"Overall correctness: {verdict}" if verdict else None,
        findings=tuple(findings),
        warnings=("review written as JSON; its findings were read from it", *warnings),
        raw=text,
        unread_findings=unread,
        unrated=unrated_ids(drafts, findings),
    )


def lists_none(text: str) -> bool:
    """`text` is a JSON review whose findings list is empty beside its summary or verdict
    (`{"issues": [], "summary": "The change is safe; …"}`): it says it found nothing."""
    doc = _document(text)
    if not isinstance(doc, dict):
        return False
    listed = [doc[k] for k in doc if k.lower() in _LISTS]
    said = doc.get("summary") or doc.get("overview") or doc.get("overall_correctness")
    return listed == [[]] and isinstance(said, str) and bool(said.strip())


# An error the code now raises, told in a summary with no other problem word
_ERRS = re.compile(r"\b(?:raises?|throws?|panics?|\w+(?:Error|Exception))\b")
_INCORRECT = re.compile(r"\bincorrect\b|\bnot\s+correct\b", re.IGNORECASE)


_LINES = re.compile(r"^\s*(\d{1,7})(?:\s*[-–]\s*(\d{1,7}))?")


_TITLE_TAG = re.compile(r"^\[(?P<w>[^\]\n]{1,20})\][ \t]*(?P<rest>\S.*)$")


def _title_tag(title: str) -> tuple[str | None, str]:
    """`[P0] Restore the placeholder` -> ("p0", "Restore the placeholder"): a level tag leading
    the title (as Codex writes its titles) is the severity, not part of the title."""
    m = _TITLE_TAG.match(title)
    if m is None or tag_level(m.group("w")) is None:
        return None, title
    return m.group("w").strip().strip("*_`").lower(), m.group("rest")


def _locations(
    file: str, line: str | None, end: int | None, prefixes: tuple[str, ...] = ()
) -> list[Location]:
    if not file.strip():
        return []
    path = relativize(file, prefixes)
    # an absolute path outside a seat's worktree (the repository's own checkout): the change's
    # file it ends with (`/home/me/src/repo/pkg/x.go` -> `pkg/x.go`), if one
    if is_absolute(path.replace("\\", "/")):
        path = known_suffix(path) or path
    found = locations_in(f"`{path}`")
    if not found:
        return []
    loc = found[0]
    m = _LINES.match(line or "")
    if loc.start is None and m:
        start = int(m.group(1))
        end = int(m.group(2)) if m.group(2) else end
        return [Location(loc.path, start, end if end and end != start else None)]
    return [loc]


def json_copy_of(text: str, drafts: list[Draft]) -> bool:
    """`text` (unread text of a findings section) is a ```json block that repeats findings the
    review already wrote in Markdown (`{"findings": [...]}` appended for tools): every finding
    in it has the title or a place of one read already."""
    if not text.lstrip().startswith(("```", "~~~")):
        return False
    doc = json_review(text)
    if doc is None or not doc.findings:
        return False
    return all(
        any(
            same_title(f.title, d.head.title) or set(f.locations) & set(d.head.locations)
            for d in drafts
        )
        for f in doc.findings
    )


def split_json_copy(drafts: list[Draft]) -> str | None:
    """The last finding's body ending in a ```json copy of the review's findings (written right
    after it): that block leaves the body, and is returned to be kept as unparsed text."""
    if not drafts:
        return None
    last = drafts[-1]
    # after a `**Fix:**` paragraph the block ends the fix, else the body
    field = "fix" if last.fix else "body"
    text = getattr(last, field)
    blocks = list(code_blocks(text))
    if not blocks:
        return None
    tail = blocks[-1]
    if not tail.closed or tail.info.lower() not in _JSON_INFO or text[tail.end :].strip():
        return None
    block = text[tail.start : tail.end]
    if not json_copy_of(block, drafts):
        return None
    setattr(last, field, text[: tail.start].rstrip())
    return block.strip("\n")
