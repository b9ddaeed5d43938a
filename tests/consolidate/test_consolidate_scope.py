"""Findings outside the change, and findings about files that do not exist at the review SHA."""

from __future__ import annotations

from pathlib import Path

from consolidate_helpers import finding, seat

from deepreview.consolidate import build_report
from deepreview.consolidate.scope import (
    DELETED,
    NOT_FOUND,
    OUTSIDE,
    PAST_END,
    SUSPECT,
    mark_scope,
    renamed,
)
from deepreview.model import Header, LeadInfo
from deepreview.pipeline.finish import present_files
from deepreview.targets.resolve import resolve_target
from support.repos import commit_all, git, write

CHANGED = ("svc/handler.py",)
PRESENT = frozenset({"svc/handler.py", "svc/util.py", "docs/guide.md", "cmd/main.py", "x/main.py"})


def _scopes(*findings):  # type: ignore[no-untyped-def]
    return [f.scope for f in mark_scope(findings, changed_files=CHANGED, present_files=PRESENT)]


def test_in_change_outside_and_not_found() -> None:
    assert _scopes(
        finding("I1", "a", "svc/handler.py:3"),
        finding("I2", "b", "svc/util.py:9"),
        finding("I3", "c", "svc/gone.py:4"),
        finding("I4", "d"),  # no location: nothing to say
    ) == [None, OUTSIDE, NOT_FOUND, None]


def test_one_changed_file_among_several_is_in_the_change() -> None:
    assert _scopes(finding("I1", "a", "svc/util.py:1", "svc/handler.py:2")) == [None]


def test_reviewer_spellings_of_a_path_are_found() -> None:
    # a bare basename, an absolute worktree path, a basename several directories share
    assert _scopes(
        finding("I1", "a", "handler.py:3"),
        finding("I2", "b", "/tmp/wt-claude/svc/util.py:1"),
        finding("I3", "c", "main.py:7"),
    ) == [None, OUTSIDE, OUTSIDE]


def test_a_folder_at_the_review_sha_is_found_as_written_from_the_root() -> None:
    assert _scopes(
        finding("I1", "a", "docs"),
        finding("I2", "b", "`svc/`"),
        finding("I3", "c", "guide"),  # a folder's name alone is no folder of the repository
        finding("I4", "d", "doc"),
    ) == [OUTSIDE, OUTSIDE, NOT_FOUND, NOT_FOUND]


def test_unknown_present_files_mark_nothing_not_found() -> None:
    out = mark_scope([finding("I1", "a", "svc/gone.py:4")], changed_files=CHANGED)
    assert out[0].scope == OUTSIDE
    assert mark_scope([finding("I1", "a", "svc/gone.py:4")])[0].scope is None


def test_without_a_lead_the_retro_lists_not_found_as_suspected_false_positive() -> None:
    seats = [
        seat("claude", finding("I1", "Leak in `serve`", "svc/handler.py:3")),
        seat("codex", finding("I1", "Stale `helper` contract", "svc/helpers_old.py:12")),
    ]
    report = build_report(Header("r"), seats, changed_files=CHANGED, present_files=PRESENT)
    gone = next(f for f in report.findings if f.scope == NOT_FOUND)
    codex = next(s for s in report.retro.seats if s.seat == "codex")
    cells = dict(codex.cells)
    assert f"1 suspected ({gone.id}" in cells["False positives"]
    assert "Suspected false positives (file not found at review SHA" in codex.narrative
    claude = next(s for s in report.retro.seats if s.seat == "claude")
    assert "suspected" not in dict(claude.cells)["False positives"]
    # a lead that verified the findings has judged them: nothing is merely suspected
    judged = build_report(
        Header("r"),
        seats,
        changed_files=CHANGED,
        present_files=PRESENT,
        lead=LeadInfo(seat="claude", status="ok"),
    )
    assert next(f for f in judged.findings if f.id == gone.id).scope == NOT_FOUND
    codex = next(s for s in judged.retro.seats if s.seat == "codex")
    assert "suspected" not in dict(codex.cells)["False positives"]


def test_merged_finding_lists_who_said_what() -> None:
    seats = [
        seat("claude", finding("I2", "Leak in `serve`", "svc/handler.py:3-9")),
        seat("codex", finding("S1", "`serve` leaks the listener", "svc/handler.py:4")),
    ]
    (f,) = build_report(Header("r"), seats).findings
    assert [(s.reviewer, s.finding_id, s.severity.value, s.title) for s in f.sources] == [
        ("Claude", "I2", "important", "Leak in `serve`"),
        ("Codex", "S1", "suggestion", "`serve` leaks the listener"),
    ]


def test_a_finding_whose_every_line_is_past_the_end_of_its_file() -> None:
    counted = {p: None for p in PRESENT} | {
        "svc/handler.py": 40,
        "cmd/main.py": 10,
        "x/main.py": 90,
    }
    scopes = [
        f.scope
        for f in mark_scope(
            [
                finding("I1", "a", "svc/handler.py:41"),  # past the end, in the change
                finding("I2", "b", "svc/handler.py:40"),  # the last line
                finding("I3", "c", "svc/handler.py:99", "svc/handler.py:3"),  # one place is real
                finding("I4", "d", "main.py:50"),  # x/main.py is long enough: it may mean that
                finding("I5", "e", "cmd/main.py:11"),  # outside the change, past its end
                finding("I6", "f", "svc/util.py:500"),  # not counted: nothing said
                finding("I7", "g", "svc/handler.py"),  # the whole file
            ],
            changed_files=CHANGED,
            present_files=counted,
        )
    ]
    assert scopes == [PAST_END, None, None, OUTSIDE, PAST_END, OUTSIDE, None]
    # a plain set of present files (no counts) marks nothing past the end
    assert _scopes(finding("I1", "a", "svc/handler.py:4000")) == [None]


def test_line_counts_take_the_longer_of_base_and_head(tmp_path: Path) -> None:
    """A finding about deleted code cites a line only the base had: not past the end."""
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "a.py", "".join(f"x{i} = {i}\n" for i in range(30)))
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, "a.py", "x0 = 0\n")
    commit_all(repo, "shrink")
    target = resolve_target(repo, "main..topic")
    seats = [seat("claude", finding("I1", "removed check", "a.py:25"))]
    counts = present_files(target, seats)
    assert counts is not None and counts["a.py"] == 30
    report = build_report(Header("r"), seats, changed_files=("a.py",), present_files=counts)
    assert report.findings[0].scope is None


def test_deleted_and_renamed_away_paths_are_in_the_change() -> None:
    """A deleted file is among the changed paths but gone at the review SHA; a rename's old
    path is neither: both are the change's, tagged with what happened to them."""
    removed = {"svc/legacy.py": None, "svc/old.py": "svc/new.py"}
    out = mark_scope(
        [
            finding("I1", "a", "svc/legacy.py:2"),
            finding("I2", "b", "old.py:1"),  # a basename spelling of the old path
            finding("I3", "c", "svc/new.py:1"),
        ],
        changed_files=(*CHANGED, "svc/legacy.py", "svc/new.py"),
        present_files=PRESENT | {"svc/new.py"},
        removed_files=removed,
    )
    assert [f.scope for f in out] == [DELETED, renamed("svc/new.py"), None]
    assert not {f.scope for f in out} & set(SUSPECT)
