"""Review shapes read wrongly before round six of the parse cases, tried through the command.

- review comments each with a GitHub ```suggestion fence under a paragraph led by its bold place
  (`**`a.py` line 12** — …`), levels said only in words: nothing was read;
- a checklist whose ticked item (`- [x] …`, already done) was counted as a finding;
- field labels in Spanish, French, German or Portuguese (`**Archivo:**`, `**Gravité :**`,
  `**Datei:**`, `**Gravidade:**`) and their level words (`Alta`, `Moyenne`, `Niedrig`) were
  not read.
"""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, run_cli


def _read(tmp_path: Path, text: str) -> tuple[list[tuple[str, str | None, str]], list[str]]:
    """`deep-review parse` of `text`: (severity, place, title) per finding, the unread text."""
    review = tmp_path / "review.md"
    review.write_text(text, encoding="utf-8")
    out = run_cli(["parse", str(review)], cwd=tmp_path, env=cli_env(tmp_path)).json()
    found = []
    for f in out["findings"]:
        loc = f["locations"][0] if f["locations"] else None
        place = f"{loc['path']}:{loc['start']}" if loc and loc["start"] else None
        place = place or (loc["path"] if loc else None)
        found.append((f["severity"], place, f["title"]))
    return found, list(out["unread_findings"])


_CHECKLIST = (
    "## Review\n\n"
    "A checklist of what is left:\n\n"
    "### Must fix before merge\n\n"
    "- [ ] `cache/store.go:40` — `Get` returns the entry after it expired, so stale prices\n"
    "      are served for a day. Compare against `now` before returning.\n\n"
    "### Should fix\n\n"
    "- [x] `cache/store.go:71` — the eviction loop holds the lock while it writes the log\n"
    "      line, so readers wait on the disk.\n"
    "- [ ] `cache/store.go:88` — `Purge` does not stop the janitor goroutine, which leaks.\n"
)


def test_a_ticked_checklist_item_is_done_not_a_finding(tmp_path: Path) -> None:
    # the tick alone says it is done: its words tell the problem as the open items do
    found, unread = _read(tmp_path, _CHECKLIST)
    assert [(s, p) for s, p, _ in found] == [
        ("critical", "cache/store.go:40"),
        ("important", "cache/store.go:88"),
    ]
    assert unread == []


def test_an_unticked_item_stays_a_finding(tmp_path: Path) -> None:
    found, _ = _read(tmp_path, _CHECKLIST.replace("- [x]", "- [ ]"))
    assert [p for _, p, _ in found] == [
        "cache/store.go:40",
        "cache/store.go:71",
        "cache/store.go:88",
    ]
