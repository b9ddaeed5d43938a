"""Turn the kept diagnostics into a review in the format every seat writes.

The text goes through the same parser as a model's review, so it follows the agreed layout
exactly: Executive Summary, Findings by severity with `C1.`-style IDs and `(severity,
classification)` tags, Testing Assessment, Acknowledged Limitations, Coverage Summary.
Rendering is a Jinja2 template shipped as package data; this module only builds its inputs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import PurePosixPath

from deepreview.agents.static.changes import ChangedFile
from deepreview.agents.static.diagnostics import AnalyzerRun, Diagnostic
from deepreview.agents.static.secret_scan import mask
from deepreview.agents.structured import fenced, inline_code, review_markdown
from deepreview.model import SEVERITIES, AgentReview, CoverageEntry, Finding, Location

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


@lru_cache(maxsize=8)
def _longest_first(secrets: tuple[str, ...]) -> tuple[str, ...]:
    # the same file's secrets for each of its findings' texts: sorted once
    return tuple(sorted(set(secrets), key=len, reverse=True))


def redact(text: str, secrets: Sequence[str], *, literals: bool = False) -> str:
    """Replace every known secret value (longest first) and optionally all string literals."""
    for secret in _longest_first(tuple(secrets)):
        # Only a secret in the text gets its pattern: a file of a thousand assigned tokens
        # redacts each of its thousand findings with all of them (a regex each was quadratic).
        if secret and secret in text:
            # A scanner may report only part of a token (detect-secrets gives "ghp" for a
            # GitHub token): mask the whole run of token characters around each occurrence.
            pattern = rf"[A-Za-z0-9_\-+/=.]*{re.escape(secret)}[A-Za-z0-9_\-+/=.]*"
            text = re.sub(pattern, lambda m: mask(m[0]), text)
    if literals:
        text = _STRING_LITERAL_RE.sub(
            lambda m: f"{m['q']}{mask(m['body'])}{m['q']}" if m["body"] else m[0], text
        )
    return text


def _diagnostic_key(diagnostic: Diagnostic) -> tuple[str, str, str, str]:
    # The message too (numbers aside): `Undefined name `alpha`` and `Undefined name `beta`` are
    # two problems of one rule, and one finding titled after the first would hide the second.
    return (
        diagnostic.analyzer,
        diagnostic.rule,
        diagnostic.path,
        re.sub(r"\d+", "N", diagnostic.message),
    )


def group_diagnostics(diagnostics: Sequence[Diagnostic]) -> list[tuple[Diagnostic, ...]]:
    """One group per analyzer rule, file and message: 35 trailing-whitespace lines are one
    finding, two undefined names two.

    Secrets stay one finding per line: each is its own credential to rotate, and a model seat
    reporting the same line must be able to meet exactly that finding.
    """
    groups: dict[tuple[str, str, str, str], list[Diagnostic]] = {}
    singles: list[tuple[Diagnostic, ...]] = []
    for diagnostic in sorted(diagnostics, key=lambda d: (d.path, d.line)):
        if diagnostic.category == "security":
            singles.append((diagnostic,))
        else:
            groups.setdefault(_diagnostic_key(diagnostic), []).append(diagnostic)
    return [*singles, *(tuple(g) for g in groups.values())]


def assign_ids(
    groups: Sequence[tuple[Diagnostic, ...]],
) -> list[tuple[str, tuple[Diagnostic, ...]]]:
    """`C1`, `I1`, `S1`... in severity order, then path and line."""
    ordered = sorted(groups, key=lambda g: (g[0].severity.rank, g[0].path, g[0].line, g[0].rule))
    counters: dict[str, int] = {}
    result = []
    for group in ordered:
        letter = group[0].severity.letter
        counters[letter] = counters.get(letter, 0) + 1
        result.append((f"{letter}{counters[letter]}", group))
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


def locations(group: Sequence[Diagnostic]) -> tuple[Location, ...]:
    """The group's lines, adjacent and overlapping ones joined into ranges."""
    spans: list[list[int]] = []
    for d in sorted(group, key=lambda d: (d.line, d.last_line)):
        if spans and d.line <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], d.last_line)
        else:
            spans.append([d.line, d.last_line])
    path = group[0].path
    return tuple(Location(path, a, b if b != a else None) for a, b in spans)


def _lines_phrase(locs: Sequence[Location]) -> str:
    return ", ".join(str(loc).rsplit(":", 1)[1] for loc in locs)


def _finding(
    finding_id: str, group: tuple[Diagnostic, ...], lines: Sequence[str], secrets: Sequence[str]
) -> Finding:
    first = group[0]
    hidden = (*secrets, *(s for d in group for s in d.secrets))
    literals = any(d.mask_literals for d in group)
    message = first.message
    if first.category == "security":
        message = f"**Security.** {message}"
    locs = locations(group)
    if len(group) > 1:
        message += f" Reported on {len(group)} added lines ({_lines_phrase(locs)})."
    body_parts = []
    excerpt = redact(_excerpt(first, lines), hidden, literals=literals)
    if excerpt:
        body_parts.append(fenced(excerpt, language_for(first.path)))
    body_parts.append(redact(message, hidden))
    fix_parts = [redact(first.fix_hint or "See the analyzer's message above.", hidden)]
    diffs = list(dict.fromkeys(d.fix_diff for d in group if d.fix_diff))
    if diffs:
        joined = "\n".join(diff.rstrip("\n") for diff in diffs)
        fix_parts.append(fenced(redact(joined, hidden, literals=literals), "diff"))
    return Finding(
        id=finding_id,
        severity=first.severity,
        title=redact(first.title, hidden),
        locations=locs,
        classification=CLASSIFICATION,
        body="\n\n".join(body_parts),
        fix="\n\n".join(fix_parts),
    )


# A file an analyzer did not reach before the seat's deadline: the others checked it, that one
# did not (the retro's Files reviewed does not count it as reviewed: `consolidate.retro`).
PARTLY = "Partly analyzed"


def coverage_rows(
    files: Sequence[ChangedFile],
    ids_by_path: Mapping[str, Sequence[str]],
    unreached: Mapping[str, Sequence[str]] | None = None,
    unchecked: Collection[str] = (),
) -> list[CoverageEntry]:
    """One row per changed file; `unreached`: path -> what kept analyzers from it (`ruff timed
    out before it`, `ruff failed`); `unchecked`: the paths no analyzer checked at all."""
    rows = []
    for changed in files:
        ids = ids_by_path.get(changed.path)
        reason = changed.skip_reason
        missed = (unreached or {}).get(changed.path)
        cut = ", ".join(missed) if missed else ""
        if ids:
            status = ", ".join(ids) + (f" — {PARTLY.lower()}: {cut}" if cut else "")
        elif reason is not None:
            status = f"Not analyzed ({reason})"
        elif cut and changed.path in unchecked:
            status = f"Not analyzed ({cut})"
        elif cut:
            status = f"{PARTLY} ({cut})"
        else:
            status = "Reviewed, no issues"
        notes = []
        if changed.old_path and changed.kind in ("renamed", "copied"):
            notes.append(f"{changed.kind} from {inline_code(changed.old_path)}")
        if reason is None and not changed.added_lines:
            notes.append("no lines added")
        if notes:
            status += " — " + ", ".join(notes)
        rows.append(CoverageEntry(changed.path, status))
    return rows


def summary_text(
    files: Sequence[ChangedFile], runs: Sequence[AnalyzerRun], counts: Mapping[str, int]
) -> str:
    # A submodule's `Subproject commit` line and a symlink's target are pointers, no line of
    # a file: counted, a bump read as code nobody checked.
    added = sum(len(f.added_lines) for f in files if not (f.submodule or f.symlink))
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


def _unreached(runs: Sequence[AnalyzerRun]) -> dict[str, list[str]]:
    """path -> what kept analyzers from it, the analyzers named together by what it was:
    `detect-secrets, ruff timed out before it`, `ruff failed`."""
    names: dict[str, dict[str, list[str]]] = {}
    for run in runs:
        if run.ran_out_of_time:
            why = "timed out before it"
        else:
            why = "failed" if run.error else "not run"
        for path in run.unreached or ():
            names.setdefault(path, {}).setdefault(why, []).append(run.name)
    return {
        path: [f"{', '.join(who)} {why}" for why, who in by_why.items()]
        for path, by_why in names.items()
    }


def _unchecked(runs: Sequence[AnalyzerRun]) -> set[str]:
    """The paths some analyzer was given and every analyzer given them missed."""
    given = {path for run in runs for path in run.given}
    checked = {path for run in runs for path in set(run.given) - set(run.unreached or ())}
    return given - checked


def build_review(
    *,
    files: Sequence[ChangedFile],
    diagnostics: Sequence[Diagnostic],
    runs: Sequence[AnalyzerRun],
    contents: Mapping[str, Sequence[str]],
    file_secrets: Mapping[str, Sequence[str]],
    notes: Sequence[str],
) -> AgentReview:
    """The seat's review as data; `raw` is its Markdown (for the appendix), rendered from it.

    `contents` maps path -> file lines, for the code excerpts.
    """
    findings: list[Finding] = []
    ids_by_path: dict[str, list[str]] = {}
    for finding_id, group in assign_ids(group_diagnostics(diagnostics)):
        path = group[0].path
        findings.append(
            _finding(finding_id, group, contents.get(path, ()), file_secrets.get(path, ()))
        )
        ids_by_path.setdefault(path, []).append(finding_id)
    counts = {s.value: sum(1 for f in findings if f.severity is s) for s in SEVERITIES}
    review = AgentReview(
        seat="static",
        executive_summary=summary_text(files, runs, counts),
        findings=tuple(findings),
        coverage=tuple(coverage_rows(files, ids_by_path, _unreached(runs), _unchecked(runs))),
        seat_notes=tuple(notes),
    )
    return replace(review, raw=review_markdown(review))
