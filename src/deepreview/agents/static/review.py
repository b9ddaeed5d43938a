"""Turn the kept diagnostics into a review in the format every seat writes.

The text goes through the same parser as a model's review, so it follows the agreed layout
exactly: Executive Summary, Findings by severity with `C1.`-style IDs and `(severity,
classification)` tags, Testing Assessment, Acknowledged Limitations, Coverage Summary.
Rendering is a Jinja2 template shipped as package data; this module only builds its inputs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import PurePosixPath

import jinja2

from deepreview.agents.static.changes import ChangedFile
from deepreview.agents.static.diagnostics import AnalyzerRun, Diagnostic
from deepreview.agents.static.secret_scan import mask
from deepreview.markdown_fence import fence_for
from deepreview.model import SEVERITIES

CLASSIFICATION = "regression"  # only lines this change added are analyzed
_MAX_EXCERPT_LINES = 12
_LANGUAGES = {
    ".py": "python", ".pyi": "python", ".js": "javascript", ".mjs": "javascript",
    ".cjs": "javascript", ".jsx": "jsx", ".ts": "typescript", ".tsx": "tsx", ".go": "go",
    ".rs": "rust", ".java": "java", ".kt": "kotlin", ".rb": "ruby", ".php": "php",
    ".c": "c", ".h": "c", ".cc": "cpp", ".cpp": "cpp", ".hpp": "cpp", ".cs": "csharp",
    ".swift": "swift", ".sh": "bash", ".bash": "bash", ".zsh": "bash", ".ps1": "powershell",
    ".sql": "sql", ".html": "html", ".css": "css", ".scss": "scss", ".json": "json",
    ".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".ini": "ini", ".cfg": "ini",
    ".md": "markdown", ".xml": "xml", ".tf": "hcl", ".lua": "lua", ".r": "r",
}  # fmt: skip
_NAMES = {"Dockerfile": "dockerfile", "Makefile": "makefile", "CMakeLists.txt": "cmake"}
_STRING_LITERAL_RE = re.compile(r"""(?P<q>["'])(?P<body>(?:\\.|(?!(?P=q)).)*)(?P=q)""")


def language_for(path: str) -> str:
    pure = PurePosixPath(path)
    return _NAMES.get(pure.name) or _LANGUAGES.get(pure.suffix.lower(), "text")


def fenced(text: str, lang: str = "") -> str:
    """A fenced block whose fence is longer than any backtick run inside `text`."""
    fence = fence_for(text)
    body = text if text.endswith("\n") else text + "\n"
    return f"{fence}{lang}\n{body}{fence}"


def inline_code(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def table_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def redact(text: str, secrets: Sequence[str], *, literals: bool = False) -> str:
    """Replace every known secret value (longest first) and optionally all string literals."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        if secret:
            # A scanner may report only part of a token (detect-secrets gives "ghp" for a
            # GitHub token): mask the whole run of token characters around each occurrence.
            pattern = rf"[A-Za-z0-9_\-+/=.]*{re.escape(secret)}[A-Za-z0-9_\-+/=.]*"
            text = re.sub(pattern, lambda m: mask(m[0]), text)
    if literals:
        text = _STRING_LITERAL_RE.sub(
            lambda m: f"{m['q']}{mask(m['body'])}{m['q']}" if m["body"] else m[0], text
        )
    return text


@dataclass(frozen=True)
class FindingView:
    id: str
    severity: str
    title: str
    location: str
    classification: str
    excerpt: str
    lang: str
    message: str
    fix_hint: str
    fix_diff: str


@dataclass(frozen=True)
class SectionView:
    heading: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class CoverageRow:
    path: str
    status: str


def assign_ids(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, Diagnostic]]:
    """`C1`, `I1`, `S1`... in severity order, then path and line."""
    ordered = sorted(diagnostics, key=lambda d: (d.severity.rank, d.path, d.line, d.rule))
    counters: dict[str, int] = {}
    result = []
    for diagnostic in ordered:
        letter = diagnostic.severity.letter
        counters[letter] = counters.get(letter, 0) + 1
        result.append((f"{letter}{counters[letter]}", diagnostic))
    return result


def _excerpt(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    first = diagnostic.line
    last = min(diagnostic.last_line, first + _MAX_EXCERPT_LINES - 1)
    if not lines or first < 1 or first > len(lines):
        return ""
    chosen = [ln.rstrip("\r") for ln in lines[first - 1 : last]]
    if diagnostic.last_line > last:
        chosen.append("…")
    return "\n".join(chosen)


def _location(diagnostic: Diagnostic) -> str:
    if diagnostic.end_line is not None and diagnostic.end_line != diagnostic.line:
        return f"{diagnostic.path}:{diagnostic.line}-{diagnostic.end_line}"
    return f"{diagnostic.path}:{diagnostic.line}"


def _finding_view(
    finding_id: str, diagnostic: Diagnostic, lines: Sequence[str], secrets: Sequence[str]
) -> FindingView:
    hidden = (*secrets, *diagnostic.secrets)
    literals = diagnostic.mask_literals
    message = diagnostic.message
    if diagnostic.category == "security":
        message = f"**Security.** {message}"
    return FindingView(
        id=finding_id,
        severity=diagnostic.severity.value,
        title=redact(diagnostic.title, hidden),
        location=_location(diagnostic),
        classification=CLASSIFICATION,
        excerpt=redact(_excerpt(diagnostic, lines), hidden, literals=literals),
        lang=language_for(diagnostic.path),
        message=redact(message, hidden),
        fix_hint=redact(diagnostic.fix_hint, hidden),
        fix_diff=redact(diagnostic.fix_diff or "", hidden, literals=literals),
    )


def coverage_rows(
    files: Sequence[ChangedFile], ids_by_path: Mapping[str, Sequence[str]]
) -> list[CoverageRow]:
    rows = []
    for changed in files:
        ids = ids_by_path.get(changed.path)
        reason = changed.skip_reason
        if ids:
            status = ", ".join(ids)
        elif reason is not None:
            status = f"Not analyzed ({reason})"
        else:
            status = "Reviewed, no issues"
        notes = []
        if changed.old_path and changed.kind in ("renamed", "copied"):
            notes.append(f"{changed.kind} from {inline_code(changed.old_path)}")
        if reason is None and not changed.added_lines:
            notes.append("no lines added")
        if notes:
            status += " — " + ", ".join(notes)
        rows.append(CoverageRow(changed.path, status))
    return rows


def summary_text(
    files: Sequence[ChangedFile], runs: Sequence[AnalyzerRun], counts: Mapping[str, int]
) -> str:
    added = sum(len(f.added_lines) for f in files)
    analyzers = []
    for run in runs:
        state = "failed" if run.error else ("skipped" if run.skipped else "ran")
        analyzers.append(f"{run.name} ({state})")
    total = sum(counts.values())
    if total:
        found = (
            f"Found {counts['critical']} critical, {counts['important']} important and "
            f"{counts['suggestion']} suggestion-level issue(s) on added lines."
        )
    else:
        found = "No analyzer reported a problem on the added lines."
    return (
        f"Static analysis (no model) of the lines this change adds: {len(files)} changed "
        f"file(s), {added} added line(s). Analyzers: {', '.join(analyzers)}. {found} "
        "This seat checks lint rules, whitespace, conflict markers and committed secrets; it "
        "does not judge the change's logic or design."
    )


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=False,  # Markdown, not HTML; the HTML renderer escapes it later
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["fenced"] = fenced
    env.filters["code"] = inline_code
    env.filters["cell"] = table_cell
    source = resources.files(__package__).joinpath("review.md.j2").read_text("utf-8")
    return env.from_string(source)


def render_review(
    *,
    files: Sequence[ChangedFile],
    diagnostics: Sequence[Diagnostic],
    runs: Sequence[AnalyzerRun],
    contents: Mapping[str, Sequence[str]],
    file_secrets: Mapping[str, Sequence[str]],
    limitations: Sequence[str],
) -> str:
    """The review's Markdown. `contents` maps path -> file lines, for the code excerpts."""
    numbered = assign_ids(diagnostics)
    views: dict[str, list[FindingView]] = {s.value: [] for s in SEVERITIES}
    ids_by_path: dict[str, list[str]] = {}
    for finding_id, diagnostic in numbered:
        lines = contents.get(diagnostic.path, ())
        secrets = file_secrets.get(diagnostic.path, ())
        views[diagnostic.severity.value].append(
            _finding_view(finding_id, diagnostic, lines, secrets)
        )
        ids_by_path.setdefault(diagnostic.path, []).append(finding_id)
    sections = [SectionView(s.heading, tuple(views[s.value])) for s in SEVERITIES]
    counts = {s.value: len(views[s.value]) for s in SEVERITIES}
    return _template().render(
        summary=summary_text(files, runs, counts),
        sections=sections,
        limitations=limitations,
        coverage=coverage_rows(files, ids_by_path),
    )
