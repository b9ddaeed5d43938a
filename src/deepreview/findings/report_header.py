"""The header of a Deep Review report: `# Deep Review: <ID>`, the `| | |` table, run notes."""

from __future__ import annotations

import functools
import re

from deepreview.markdown_fence import code_span_text
from deepreview.model import Header, Reviewer, Verdict
from deepreview.runmodel import Commit

_TITLE = re.compile(r"^#[ \t]+Deep Review:[ \t]*(?P<id>.*?)[ \t]*$")
_ROW = re.compile(r"^\s*\|\s*\*\*(?P<label>[^*|]+)\*\*\s*\|(?P<value>.*)\|\s*$")
_LINK = re.compile(r"^\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)$")
_PR = re.compile(
    r"^(?:\[#(?P<n1>\d+)\]\((?P<url>[^)\s]*)\)|#(?P<n2>\d+))(?:\s*[—–-]\s*(?P<title>.*))?$"
)
_VERDICT = re.compile(r"^\*\*(?P<label>[^*]+)\*\*(?:\s*[—–-]\s*(?P<reason>.*))?$")
_EFFORT = re.compile(r"\s*\(effort:\s*(?P<effort>[^)]*)\)\s*$")
_DURATION = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>h|hours?|min|m|minutes?|s|sec|seconds?)\b")
_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
KNOWN_ROWS = (
    "Date",
    "Repo",
    "Round",
    "Mode",
    "Author",
    "PR",
    "Branch",
    "Commits",
    "Review SHA",
    "Reviewers",
    "Verdict",
    "Wall-clock time",
)


def review_id(line: str) -> str | None:
    m = _TITLE.match(line)
    return m.group("id") if m else None


def unescape_cell(text: str) -> str:
    return text.strip().replace("\\|", "|")


def split_row(line: str) -> list[str]:
    """Cells of a Markdown table row (`\\|` is a literal pipe)."""
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [unescape_cell(c) for c in re.split(r"(?<!\\)\|", s)]


def parse_header(rid: str, lines: list[str]) -> tuple[Header, list[str]]:
    """Header fields from the table rows; returns the header and the run notes under it."""
    fields: dict[str, object] = {"review_id": rid}
    notes: list[str] = []
    quote: list[str] = []
    for line in lines:
        m = _ROW.match(line)
        if m:
            label = m.group("label").strip()
            # A cell shows PR and git text with `<` as `&lt;` (`markdown_neutral`): read back
            # as written, so the header renders the same again.
            value = unescape_cell(m.group("value")).replace("&lt;", "<")
            if not _apply(fields, label, value):
                notes.append(f"**{label}**: {value}")
            continue
        s = line.strip()
        if s.startswith(">"):
            quote.append(re.sub(r"^>[ ]?", "", s))
            continue
        if quote:
            notes.append("\n".join(quote).strip())
            quote = []
    if quote:
        notes.append("\n".join(quote).strip())
    return Header(**fields), [n for n in notes if n]  # type: ignore[arg-type]


def _apply(fields: dict[str, object], label: str, value: str) -> bool:
    key = label.lower()
    if key == "date":
        fields["date"] = value
    elif key == "repo":
        link = _LINK.match(value)
        fields["repo"] = link.group("text") if link else value
        fields["repo_url"] = link.group("url") if link else None
    elif key == "round":
        fields["round"] = value
    elif key == "mode":
        fields["mode"] = value
    elif key == "author":
        link = _LINK.match(value)
        fields["author"] = link.group("text") if link else _git_author(value)
        fields["author_url"] = link.group("url") if link else None
    elif key == "pr":
        pr = _PR.match(value)
        if not pr:
            fields["pr_title"] = value
            return True
        fields["pr_number"] = int(pr.group("n1") or pr.group("n2"))
        fields["pr_url"] = pr.group("url")
        fields["pr_title"] = pr.group("title")
    elif key == "branch":
        fields["branch"] = value.strip("`")
    elif key == "commits":
        cells = [c for c in re.split(r"<br\s*/?>", value) if c.strip()]
        # the report's own "… and N more commits" after the commits it lists
        if cells and (more := _MORE_COMMITS.fullmatch(cells[-1].strip())):
            fields["commits_more"] = int(more[1])
            cells.pop()
        fields["commits"] = tuple(_commit(c) for c in cells)
    elif key == "review sha":
        fields["review_sha"] = value.strip("`")
    elif key == "reviewers":
        fields["reviewers"] = tuple(parse_reviewer(r) for r in value.split(",") if r.strip())
    elif key == "verdict":
        v = _VERDICT.match(value)
        fields["verdict"] = (
            Verdict(v.group("label").strip(), (v.group("reason") or "").strip())
            if v
            else Verdict(value)
        )
    elif key in ("wall-clock time", "wall-clock", "wall clock time", "duration"):
        fields["wall_clock_s"] = parse_duration(value)
    else:
        return False
    return True


def _git_author(value: str) -> str:
    """`Name <email>` again from the cell's `Name `email`` (as the report writes a git author,
    `render.markdown.author_cell`); any other value as it is.

    The cell ends in a code span opened at its first backtick: read by counting backtick runs,
    not by a regex (`` ^([^`]*?)\\s*((`+).+?\\3)$ `` backtracked cubically on an author name
    that is a long run of backticks, and the author comes from the reviewed repository)."""
    cell = value.strip()
    tick = cell.find("`")
    span = cell[tick:] if tick != -1 else ""
    opening = len(span) - len(span.lstrip("`"))
    closing = len(span) - len(span.rstrip("`"))
    fence = min(opening, closing, (len(span) - 1) // 2)
    if fence < 1 or "\n" in span:
        return value
    name = cell[:tick].rstrip()
    email = code_span_text(span[:fence] + span[fence:-fence] + span[-fence:])
    return f"{name} <{email}>" if name else f"<{email}>"


_MORE_COMMITS = re.compile(r"… and (\d+) more commits")


def _commit(text: str) -> Commit:
    m = re.match(r"^\s*`(?P<sha>[^`]+)`\s*(?P<subject>.*)$", text)
    if m:
        return Commit(m.group("sha"), m.group("subject").strip())
    sha, _, subject = text.strip().partition(" ")
    return Commit(sha, subject.strip())


def parse_reviewer(text: str) -> Reviewer:
    """`Claude Opus 4.6 (effort: xhigh)` -> Reviewer(claude, Claude, Opus 4.6, xhigh)."""
    s = text.strip()
    effort = None
    m = _EFFORT.search(s)
    if m:
        effort = m.group("effort").strip() or None
        s = s[: m.start()].strip()
    for seat, shown in _multiword_names().items():
        if s == shown or s.startswith(shown + " "):  # `Static analysis` is one name
            model = s[len(shown) :].strip()
            return Reviewer(seat=seat, name=shown, model=model or None, effort=effort)
    name, _, model = s.partition(" ")
    return Reviewer(seat=seat_of(name), name=name, model=model.strip() or None, effort=effort)


@functools.cache
def _multiword_names() -> dict[str, str]:
    """Built-in seats whose heading name has a space (`static`: `Static analysis`). Loaded on
    first use: it imports the adapters."""
    from deepreview.agents.registry import BUILTINS, display_name

    return {seat: name for seat in BUILTINS if " " in (name := display_name(seat))}


def seat_of(name: str) -> str:
    """Registry name for a display name: `Claude` -> `claude`, `Claude Opus 5` -> `claude`."""
    first = name.strip().split(" ", 1)[0] if name.strip() else ""
    return first.lower()


def parse_duration(text: str) -> float | None:
    """`33 min 29 s` -> 2009.0; None when no duration is recognisable."""
    total = 0.0
    found = False
    for m in _DURATION.finditer(text.strip("` ")):
        total += float(m.group("n")) * _UNIT_SECONDS[m.group("unit")[0]]
        found = True
    return total if found else None
