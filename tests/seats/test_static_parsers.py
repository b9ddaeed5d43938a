"""The static seat's pure pieces: diff parsing, git quoting, severity, masking, rendering."""

from __future__ import annotations

import os
import sys

import pytest

from deepreview.agents.static.agent import StaticAgent, keep_changed
from deepreview.agents.static.changes import (
    ChangedFile,
    join_changes,
    parse_changed_lines,
    parse_raw_z,
    unquote_git_path,
)
from deepreview.agents.static.diagnostics import Diagnostic
from deepreview.agents.static.diff_check import (
    CheckHit,
    diagnostics_from_hits,
    group_conflict_lines,
    parse_diff_check,
    quote_git_path,
)
from deepreview.agents.static.review import fenced, inline_code, redact
from deepreview.agents.static.ruff_check import severity_for
from deepreview.agents.static.secret_scan import mask
from deepreview.model import Severity

SHA_A = "a" * 40
SHA_B = "b" * 40

UNIFIED = """\
diff --git a/old.txt b/old.txt
index de98044..a7bc997 100644
--- a/old.txt
+++ b/old.txt
@@ -2 +2 @@ a
-b
+B
@@ -3,0 +4,2 @@ c
+d
+\fform feed stays on its line
diff --git "a/quo\\"te.txt" "b/quo\\"te.txt"
new file mode 100644
index 0000000..bca70f3
--- /dev/null
+++ "b/quo\\"te.txt"
@@ -0,0 +1 @@
+q
diff --git a/ren.txt b/renamed.txt
similarity index 90%
rename from ren.txt
rename to renamed.txt
index 0ff3bbb..fb3ced1 100644
--- a/ren.txt
+++ b/renamed.txt
@@ -5 +5 @@
-5
+five
diff --git a/sp ace é.py b/sp ace é.py
new file mode 100644
index 0000000..3e75765
--- /dev/null
+++ b/sp ace é.py\t
@@ -0,0 +1 @@
+new
diff --git a/bin.dat b/bin.dat
new file mode 100644
index 0000000..8352675
Binary files /dev/null and b/bin.dat differ
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
index 587be6b..0000000
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-x
"""


def test_parse_changed_lines_handles_quotes_renames_binary_and_deletes() -> None:
    lines = parse_changed_lines(UNIFIED)
    assert lines["old.txt"].added == {2, 4, 5}
    assert lines['quo"te.txt'].added == {1}
    assert lines["renamed.txt"].added == {5}
    assert lines["sp ace é.py"].added == {1}
    assert lines["bin.dat"].binary and not lines["bin.dat"].added
    assert lines["gone.txt"].added == frozenset()


def test_parse_raw_z_and_join() -> None:
    raw = (
        f":100644 100644 {SHA_A} {SHA_B} M\0old.txt\0"
        f":100644 100644 {SHA_A} {SHA_B} R090\0ren.txt\0renamed.txt\0"
        f":000000 120000 {'0' * 40} {SHA_B} A\0link\0"
        f":160000 160000 {SHA_A} {SHA_B} M\0vendor/sub\0"
        f":100644 000000 {SHA_A} {'0' * 40} D\0gone.txt\0"
        f":000000 100644 {'0' * 40} {SHA_B} A\0new\nline.txt\0"
    ).encode()
    entries = parse_raw_z(raw)
    assert [e.path for e in entries] == [
        "old.txt",
        "renamed.txt",
        "link",
        "vendor/sub",
        "gone.txt",
        "new\nline.txt",
    ]
    assert entries[1].old_path == "ren.txt"
    joined = {c.path: c for c in join_changes(entries, parse_changed_lines(UNIFIED))}
    assert joined["renamed.txt"].kind == "renamed" and joined["renamed.txt"].added_lines == {5}
    assert joined["link"].skip_reason == "symlink"
    assert joined["vendor/sub"].skip_reason == "submodule"
    assert joined["gone.txt"].skip_reason == "deleted"
    assert joined["old.txt"].analyzable


def test_parse_raw_z_keeps_non_utf8_names() -> None:
    raw = f":000000 100644 {'0' * 40} {SHA_B} A\0".encode() + b"caf\xe9.py\0"
    (entry,) = parse_raw_z(raw)
    assert os.fsencode(entry.path) == b"caf\xe9.py"


@pytest.mark.parametrize(
    "name",
    ['quo"te.txt', "tab\there", "new\nline", "back\\slash", "bell\a", "plain é.py", "sp ace"],
)
def test_git_quoting_round_trips(name: str) -> None:
    assert unquote_git_path(quote_git_path(name)) == name


def test_unquote_octal_bytes() -> None:
    assert unquote_git_path('"caf\\303\\251.py"') == "café.py"
    assert unquote_git_path("plain.py") == "plain.py"


def test_parse_diff_check_matches_known_paths_only() -> None:
    text = (
        "a:1: b.py:2: trailing whitespace.\n"
        "+x  \n"
        '"tab\\tname.py":3: leftover conflict marker\n'
        "other.py:1: trailing whitespace.\n"
    )
    hits = parse_diff_check(text, ["a:1: b.py", "tab\tname.py"])
    assert hits == [
        CheckHit("a:1: b.py", 2, "trailing whitespace."),
        CheckHit("tab\tname.py", 3, "leftover conflict marker"),
    ]


def test_conflict_markers_group_into_blocks() -> None:
    content = ["a", "<<<<<<< HEAD", "b", "=======", "c", ">>>>>>> x", "d", "<<<<<<< HEAD", "e"]
    assert group_conflict_lines([2, 4, 6, 8], content) == [(2, 6), (8, 8)]
    assert group_conflict_lines([4], content) == [(4, 4)]


def test_trailing_whitespace_in_crlf_files_is_only_the_cr() -> None:
    hits = [
        CheckHit("w.txt", 1, "trailing whitespace."),
        CheckHit("w.txt", 2, "trailing whitespace."),
    ]
    found = diagnostics_from_hits(hits, {"w.txt": ["clean\r", "dirty \r", ""]})
    assert [d.line for d in found] == [2]


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        ("F821", Severity.IMPORTANT),
        ("F811", Severity.IMPORTANT),
        ("F401", Severity.SUGGESTION),
        ("F841", Severity.SUGGESTION),
        ("S307", Severity.IMPORTANT),
        ("S101", Severity.SUGGESTION),
        ("W291", Severity.SUGGESTION),
        ("UP006", Severity.SUGGESTION),
        ("invalid-syntax", Severity.IMPORTANT),
        (None, Severity.IMPORTANT),
    ],
)
def test_ruff_severity(code: str | None, severity: Severity) -> None:
    assert severity_for(code) == severity


def test_mask_hides_most_of_the_value() -> None:
    assert mask("AKIAIOSFODNN7EXAMPLE") == "AKIA…"
    assert mask("hunter2") == "hu…"
    assert mask("abc") == "a…"
    assert redact('k = "hunter22"', ["hunter22"]) == 'k = "hu…"'
    assert redact('password = "letmein12345"', [], literals=True) == 'password = "letm…"'


def test_redact_builds_a_pattern_only_for_the_secrets_in_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A file of 1,000 assigned tokens gives 1,000 findings, each redacted with the file's
    # 1,000 secrets: a regex per secret per text ran the static seat past its timeout.
    import deepreview.agents.static.review as review_mod

    calls: list[str] = []
    real_sub = review_mod.re.sub

    def counting_sub(pattern: str, *args: object, **kwargs: object) -> str:
        calls.append(pattern)
        return real_sub(pattern, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review_mod.re, "sub", counting_sub)
    secrets = [f"tok{i:05d}abcdef" for i in range(300)]
    assert redact('token_7 = "tok00007abcdef"', secrets) == 'token_7 = "tok0…"'
    assert len(calls) == 1, len(calls)


def test_fences_survive_backticks_in_code() -> None:
    assert fenced("x = '```'", "python") == "````python\nx = '```'\n````"
    assert inline_code("a`b.py") == "`` a`b.py ``"


def _diag(path: str, line: int, severity: Severity, key: str | None, analyzer: str) -> Diagnostic:
    return Diagnostic(analyzer, "r", path, line, severity, "t", "m", dedupe_key=key)


def test_keep_changed_filters_lines_and_dedupes() -> None:
    files = [
        ChangedFile("a.py", "modified", frozenset({2, 3})),
        ChangedFile("bin", "added", frozenset({1}), binary=True),
    ]
    kept = keep_changed(
        [
            _diag("a.py", 1, Severity.SUGGESTION, None, "ruff"),  # unchanged line
            _diag("a.py", 2, Severity.SUGGESTION, "trailing-whitespace", "ruff"),
            _diag("a.py", 2, Severity.SUGGESTION, "trailing-whitespace", "git"),
            _diag("a.py", 3, Severity.IMPORTANT, "hardcoded-secret", "ruff"),
            _diag("a.py", 3, Severity.CRITICAL, "hardcoded-secret", "detect-secrets"),
            _diag("bin", 1, Severity.CRITICAL, None, "detect-secrets"),  # not analyzable
        ],
        files,
    )
    assert [(d.line, d.analyzer) for d in kept] == [(2, "ruff"), (3, "detect-secrets")]


def test_crlf_and_non_utf8_names_in_a_real_repo(repo, make_task) -> None:
    if sys.platform == "darwin":
        pytest.skip("macOS file systems reject non-UTF-8 names")
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("dos.txt", b"one\r\ntwo \r\n")
    (repo.root / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"text\n")
    repo.commit("odd")
    outcome = StaticAgent().run(make_task(repo, base))
    assert outcome.status == "ok", outcome.reason
    text = outcome.review_text
    assert "`dos.txt:2`" in text and "`dos.txt:1`" not in text
    # spelt as `targets.git.decode_path` spells it in the prompt and the other seats
    assert "| `caf\\xe9.txt` | Reviewed, no issues |" in text
    text.encode("utf-8")  # no lone surrogates left
