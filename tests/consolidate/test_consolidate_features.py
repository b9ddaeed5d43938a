from __future__ import annotations

import pytest

from deepreview.consolidate.features import (
    COMMIT_MESSAGE,
    PathResolver,
    Span,
    bare_names_in,
    cited_lines,
    excerpt_lines,
    extract,
    file_refs_in,
    finding_words,
    identifiers_in,
    parse_file_ref,
    stem,
    words,
)
from deepreview.model import Finding, Location, Severity

KNOWN = [
    "pkg/ctl/limavm_lifecycle.go",
    "pkg/ctl/hostswitch_windows.go",
    "pkg/a/util.go",
    "pkg/b/util.go",
]


@pytest.mark.parametrize(
    ("written", "resolved"),
    [
        ("limavm_lifecycle.go", "pkg/ctl/limavm_lifecycle.go"),  # bare basename, unique
        ("ctl/limavm_lifecycle.go", "pkg/ctl/limavm_lifecycle.go"),  # shorter suffix
        (
            "/private/tmp/review-codex-X/pkg/ctl/hostswitch_windows.go",
            "pkg/ctl/hostswitch_windows.go",
        ),
        ("./pkg/a/util.go", "pkg/a/util.go"),
        ("util.go", "util.go"),  # two known files end so: ambiguous, kept as written
        ("other.go", "other.go"),
    ],
)
def test_path_resolver(written: str, resolved: str) -> None:
    assert PathResolver(KNOWN).resolve(written) == resolved


def test_reviewers_partial_and_absolute_spellings_converge_on_the_repo_path() -> None:
    # seen on real reviews: one reviewer writes `__tests__/win.spec.ts`, another the repo path,
    # a third its checkout's absolute path; all three are mentioned, none is a changed file
    written = [
        "__tests__/win.spec.ts",
        "pkg/main/net/__tests__/win.spec.ts",
        "/Users/me/src/app/pkg/main/net/__tests__/win.spec.ts",
    ]
    resolver = PathResolver(written)
    assert {resolver.resolve(p) for p in written} == {"pkg/main/net/__tests__/win.spec.ts"}


def test_a_changed_file_is_never_resolved_away() -> None:
    # `cmd/x.go` changed; `tools/cmd/x.go` is only mentioned: a different file
    resolver = PathResolver(["tools/cmd/x.go"], authoritative=["cmd/x.go"])
    assert resolver.resolve("cmd/x.go") == "cmd/x.go"
    assert resolver.resolve("tools/cmd/x.go") == "tools/cmd/x.go"


def test_identifiers_drop_receivers_arguments_and_non_code() -> None:
    text = (
        "`s.Serve(vnLn)` returns; `hostSwitchStates[name]` is overwritten; "
        "`go func()` and `git blame` and `limavm_lifecycle.go:329` are not identifiers; `ln`"
    )
    assert identifiers_in(text) == {
        "s.serve": "s.Serve",
        "serve": "Serve",
        "hostswitchstates": "hostSwitchStates",
    }


def test_a_call_outside_backticks_is_an_identifier() -> None:
    text = "Operands swapped in sub(); cache.get(key) misses. Check the file(s) (see above)."
    assert identifiers_in(text) == {"sub": "sub", "get": "get", "cache.get": "cache.get"}


def test_file_refs_need_a_known_extension() -> None:
    assert parse_file_ref("a/b.go:12-30") == Location("a/b.go", 12, 30)
    assert parse_file_ref("hvsock.Dial") is None
    assert parse_file_ref("net.ErrClosed") is None


def test_words_split_camel_case_and_stem() -> None:
    assert words("Host-switch not stopped when `startInstance` fails") == [
        "host",
        "switch",
        "stop",
        "start",
        "instanc",
        "fail",
    ]
    assert stem("leaked") == stem("leaks") == stem("leak")
    assert finding_words("hardcoded key") & finding_words("Hard-coded credential") == {"hardcod"}
    assert stem("failure") == stem("fails")


def test_cited_lines_ignore_fenced_code_and_versions() -> None:
    text = "errors at lines 454–459 and 463-468, line 446, `a.go:58`; v0.23.3\n```\nx := 12-30\n```"
    assert cited_lines(text) == {"454-459", "463-468", "446", "58"}


def test_excerpt_lines_are_normalised() -> None:
    body = "```go\n   r.stopWatcher(limaVM.Name)\n+  r.stopHostSwitch(name)\nreturn err\n```"
    assert excerpt_lines(body) == {"r.stopWatcher(limaVM.Name)", "r.stopHostSwitch(name)"}


def test_extract_resolves_locations_and_mentions() -> None:
    f = Finding(
        "I1",
        Severity.IMPORTANT,
        "Missing `stopHostSwitch`",
        (Location("limavm_lifecycle.go", 329, 341),),
        "gap",
        body="It overwrites the entry at `hostswitch_windows.go:57-62`.",
    )
    feats = extract("claude", f, PathResolver(KNOWN))
    assert feats.key == "claude:I1"
    assert feats.locations[0].path == "pkg/ctl/limavm_lifecycle.go"
    assert feats.mentions[0].path == "pkg/ctl/hostswitch_windows.go"
    assert (feats.mentions[0].start, feats.mentions[0].end) == (57, 62)
    assert "stophostswitch" in feats.identifiers
    assert feats.classification == "gap"


def test_a_renames_old_path_resolves_to_its_new_path() -> None:
    """However a reviewer writes a rename's old path (trial 35 item 5), it is the new file;
    a basename the old and new path share is that one file, not an ambiguity; an old path a
    new file took over stays itself."""
    r = PathResolver(
        {"mod/m1.py"},
        authoritative={"pkg/n1.py", "pkg/x.py", "keep.py", "old/keep.py"},
        aliases={"mod/m1.py": "pkg/n1.py", "mod/x.py": "pkg/x.py", "keep.py": "old/keep.py"},
    )
    assert r.resolve("mod/m1.py") == "pkg/n1.py"
    assert r.resolve("`./mod/m1.py`") == "pkg/n1.py"
    assert r.resolve("m1.py") == "pkg/n1.py"
    assert r.resolve("/tmp/dr-seat-x/mod/x.py") == "pkg/x.py"
    assert r.resolve("x.py") == "pkg/x.py"
    assert r.resolve("keep.py") == "keep.py"


@pytest.mark.parametrize(
    "title",
    [
        "Missing `retries: 0` case test for the uploader",
        "No `mode: strict` test for `load`",
        "Missing `parse(text: str)` docstring",
    ],
)
def test_a_colon_inside_code_does_not_end_the_title(title: str) -> None:
    # the gap phrases stop at a sentence's `.;:`; a colon in a code span is not one
    f = Finding("S1", Severity.SUGGESTION, title, (Location("pkg/up.py", 10, 20),))
    got = extract("a", f, PathResolver(["pkg/up.py"])).kind
    assert got == ("missing docs" if "docstring" in title else "tests")


def test_bare_code_names_are_snake_case_or_a_capital_inside_a_word() -> None:
    assert bare_names_in("SQL injection in find_users") == {"find_users": "find_users"}
    assert bare_names_in("#### C1: SQL Injection in getUser") == {"getuser": "getUser"}
    assert bare_names_in("DB_PASSWORD leaks via UserStore") == {
        "db_password": "DB_PASSWORD",
        "userstore": "UserStore",
    }
    # plain words, paths, file names, dotted and backticked names are not bare names
    assert bare_names_in("Unsafe re-use of the Token in app/db_x.py and find_users.py") == {}
    assert bare_names_in("os.path_join and `find_users`") == {}


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("The default `timeout` of `load` is not documented", "missing docs"),
        ("`MAX_ROWS` isn't documented", "missing docs"),
        ("`load`'s docstring does not mention the `timeout` default", "missing docs"),
        # a comment that says the wrong thing is about the code it describes
        ("The comment still describes the old default", "code"),
        ("`load` now defaults `timeout` to 0", "code"),
    ],
)
def test_a_doc_said_to_be_missing_in_other_words_is_a_missing_doc(title: str, kind: str) -> None:
    f = Finding("S1", Severity.SUGGESTION, title, (Location("cfg/load.py", 1, 1),))
    assert extract("a", f, PathResolver(["cfg/load.py"])).kind == kind


def test_an_extensionless_file_with_a_line_or_a_folder_is_a_place() -> None:
    refs = file_refs_in("built at `Makefile:99-100`, see `build/Dockerfile` and the `Makefile`")
    assert refs == [Location("Makefile", 99, 100), Location("build/Dockerfile", None, None)]


@pytest.mark.parametrize(
    ("title", "located", "placed"),
    [
        ("The commit message leaves out the migration", (), True),
        ("Commit messages do not say why the flag moved", (), True),
        # its own place wins: the message beside the line it misdescribes
        ("Commit message says `retry` is capped; it is not", (Location("app/x.py", 3, 3),), False),
        # a commit named is not the message: "the commit that adds `retry`"
        ("The commit that adds `retry` has no test", (), False),
    ],
)
def test_a_finding_about_the_commit_message_is_placed_there(
    title: str, located: tuple[Location, ...], placed: bool
) -> None:
    f = Finding("S1", Severity.SUGGESTION, title, located)
    spans = extract("a", f, PathResolver(["app/x.py"])).locations
    assert (Span(COMMIT_MESSAGE, None, None) in spans) is placed
