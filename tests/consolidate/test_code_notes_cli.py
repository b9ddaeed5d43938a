"""Through the real `deep-review consolidate`: a seat that tells a problem outside its findings by
quoting the code line another seat's finding quotes (its line number far off, or none) is
credited on that finding as having noted it, in the JSON, the Markdown, the HTML and the retro
(code_notes.py); a quote of that line about another problem, praise of it, or a design remark
about a later change credits nobody."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.consolidating import consolidate_reviews
from support.id_links import without_id_links

FINDER = """## Findings

### Important Issues

I1. **Panel watcher is never removed, so panels leak** — `web/panel.ts:30-32` (important, gap)

```ts
    bus.on('config-changed', (event, cfg) => {
      this.cfg = cfg;
    });
```

The handler is added in `mounted()` and nothing removes it in `unmounted()`: each visit adds
one more and keeps the old panel alive through the closure over `this`.

Fix: register a bound method and call `bus.off` in `unmounted()`.

## Coverage Summary

- `web/panel.ts` — I1
"""

NOTER = """## Findings

### Suggestions

S1. **Retry delay is not capped** — `web/fetcher.ts:12` (suggestion, gap)

`delay *= 2` grows without bound.

## Design Observations

### Concerns

- The `bus.on('config-changed', (event, cfg) => ...)` handler in `web/panel.ts:44` is never
  removed when the panel unmounts, so old panels pile up. (in-scope)

## Coverage Summary

- `web/panel.ts` — Reviewed, no issues
- `web/fetcher.ts` — S1
"""

CONCERN = NOTER.split("- The `bus.on", 1)[1].split("(in-scope)", 1)[0]
CONCERN = "- The `bus.on" + CONCERN + "(in-scope)"


def _consolidate(tmp_path: Path, noter: str, fmt: str) -> str:
    return consolidate_reviews(tmp_path, {"claude": FINDER, "codex": noter}, fmt)


def _watcher(report: dict[str, object]) -> dict[str, object]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return next(f for f in findings if "watcher" in f["title"])


def test_a_concern_quoting_the_findings_code_line_credits_its_seat(tmp_path: Path) -> None:
    """Codex cites line 44, twelve lines from the finding's 30-32: no line credit, but it
    quotes the very `bus.on(...)` line Claude's finding quotes and says it is never removed."""
    watcher = _watcher(json.loads(_consolidate(tmp_path, NOTER, "json")))
    assert watcher["reviewers"] == ["Claude", "Codex"]
    note = watcher["sources"][-1]
    assert (note["reviewer"], note["finding_id"], note["kind"]) == (
        "Codex",
        "Design Observations",
        "note",
    )
    assert "never removed when the panel unmounts" in note["title"]
    assert [s["kind"] for s in watcher["sources"]] == ["finding", "note"]


def test_the_markdown_html_and_retro_show_it_as_a_note(tmp_path: Path) -> None:
    md = without_id_links(_consolidate(tmp_path, NOTER, "md"))
    assert "*Also noted by Codex (Design Observations).*" in md
    retro = md.split("## Agent Performance Retro", 1)[1].split("\n## ", 1)[0]
    codex = next(p for p in retro.split("\n### ") if p.lstrip("[").startswith("Codex"))
    assert "Found by others but not by Codex" not in codex, codex
    assert "Noted by Codex outside its findings: I1 (" in codex, codex
    html = _consolidate(tmp_path, NOTER, "html")
    assert "Design Observations (note):" in html


OTHER_PROBLEM = NOTER.replace(
    CONCERN,
    "- The `bus.on('config-changed', (event, cfg) => ...)` handler in `web/panel.ts` takes\n"
    "  `cfg` unchecked: a malformed payload should be rejected before the panel stores it."
    " (in-scope)",
)
PRAISE = NOTER.replace(
    CONCERN,
    "- The `bus.on('config-changed', (event, cfg) => ...)` wiring in `web/panel.ts` looks good"
    "\n  and matches the other panels. (in-scope)",
)
FUTURE = NOTER.replace(
    CONCERN,
    "- Once more events join `bus.on('config-changed', (event, cfg) => ...)` in `web/panel.ts`,\n"
    "  a typed event map should replace the string names. (future)",
)
BARE_NAME = NOTER.replace(
    CONCERN,
    "- The `config-changed` event in `web/panel.ts` is never removed from the bus docs. (future)",
)
OTHER_FILE = NOTER.replace("web/panel.ts:44", "web/sidebar.ts:44")


@pytest.mark.parametrize(
    "noter",
    [OTHER_PROBLEM, PRAISE, FUTURE, BARE_NAME, OTHER_FILE],
    ids=["same-line-other-problem", "praise", "future-change", "bare-name", "other-file"],
)
def test_near_misses_credit_nobody(tmp_path: Path, noter: str) -> None:
    assert noter != NOTER
    watcher = _watcher(json.loads(_consolidate(tmp_path, noter, "json")))
    assert watcher["reviewers"] == ["Claude"]
    assert [s["kind"] for s in watcher["sources"]] == ["finding"]
