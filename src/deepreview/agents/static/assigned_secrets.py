"""Secrets the change assigns in its added lines (`change_secrets`), as the static seat's
findings: what every stored file masks is also reported, one "Hard-coded secret" per line.

detect-secrets finds most of them too (one finding per line is kept, `keep_changed`); this
catches the ones its heuristics pass over (`export STRIPE_KEY=...`, a TOML `auth_token`). Pure
Python on the committed text, in the seat's process: a few regexes over the added lines.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from deepreview.agents.static.changes import ChangedFile
from deepreview.agents.static.diagnostics import AnalyzerRun, Diagnostic
from deepreview.agents.static.secret_scan import mask
from deepreview.agents.structured import inline_code
from deepreview.change_secrets import Hit, scan_lines
from deepreview.model import Severity

NAME = "assigned secrets"
RULE = "hard-coded-secret"
TITLE = "Hard-coded secret"
# The same key as detect-secrets' findings: one finding per line, whichever found it.
DEDUPE_KEY = "hardcoded-secret"
_KINDS = ("assignment", "url password")


def run_assigned_secrets(root: Path, files: Sequence[ChangedFile]) -> AnalyzerRun:
    """Scan the added lines of `files` as committed under `root` (`blobs`)."""
    if not any(f.analyzable for f in files):
        return AnalyzerRun(NAME, skipped="no text file with added lines")
    t0 = time.monotonic()
    diagnostics: list[Diagnostic] = []
    file_secrets: dict[str, tuple[str, ...]] = {}
    unread: dict[str, str] = {}
    for f in files:
        if not f.analyzable:
            continue
        try:
            text = (root / f.path).read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            # Said, never skipped: a secret assigned there is neither reported nor masked in
            # the stored files, so its row must not read as checked and clean.
            unread[f.path] = exc.strerror or type(exc).__name__
            continue
        hits = scan_lines(text.split("\n"), f.path, f.added_lines)
        if hits:
            file_secrets[f.path] = tuple(dict.fromkeys(h.value for h in hits))
        # A private key's lines are masked, not reported line by line: detect-secrets reports
        # the key once, at its BEGIN line.
        diagnostics += _diagnostics(f.path, [h for h in hits if h.kind in _KINDS])
    return AnalyzerRun(
        NAME,
        duration_s=time.monotonic() - t0,
        diagnostics=tuple(diagnostics),
        file_secrets=file_secrets,
        error=_unread_error(unread),
        unreached=tuple(unread) if unread else None,
    )


def _unread_error(unread: dict[str, str]) -> str | None:
    if not unread:
        return None
    named = ", ".join(f"{inline_code(path)} ({why})" for path, why in list(unread.items())[:5])
    more = f" and {len(unread) - 5} more" if len(unread) > 5 else ""
    return f"could not read {named}{more}"


def _diagnostics(path: str, hits: Sequence[Hit]) -> list[Diagnostic]:
    by_line: dict[int, list[Hit]] = {}
    for hit in hits:
        by_line.setdefault(hit.line, []).append(hit)
    found = []
    for line, here in sorted(by_line.items()):
        values = tuple(dict.fromkeys(h.value for h in here))
        shown = ", ".join(f"`{mask(v)}`" for v in values)
        what = " and ".join(dict.fromkeys(_what(h) for h in here))
        found.append(
            Diagnostic(
                analyzer=NAME,
                rule=RULE,
                path=path,
                line=line,
                severity=Severity.CRITICAL,
                title=TITLE,
                message=(
                    f"This change adds {what} ({shown}). Anything pushed to git stays in its "
                    "history, so a real credential here must be treated as leaked."
                ),
                fix_hint="Remove the value from the code, rotate the credential if it is real, "
                "and read it from the environment or a secret store instead.",
                category="security",
                dedupe_key=DEDUPE_KEY,
                secrets=values,
            )
        )
    return found


def _what(hit: Hit) -> str:
    if hit.kind == "url password":
        return "a password in a URL (`user:password@host`)"
    # The name is the change's text, but only word characters, dots, `$`, `@` and `-`
    # (`change_secrets._NAME`): safe in a code span.
    return f"a literal that looks like a credential, assigned to `{hit.name}`"
