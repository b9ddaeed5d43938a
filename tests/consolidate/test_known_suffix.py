"""`file_names.known_suffix`: the one suffix match of a written path against known paths, used
by the parse (a seat citing the repository's own checkout) and by the consolidation's
`PathResolver` (one spelling per file)."""

from __future__ import annotations

from deepreview.consolidate.features import PathResolver
from deepreview.findings.file_names import is_absolute, known_files, known_suffix


def test_the_longest_known_path_the_written_one_ends_with_wins() -> None:
    known = ("x.go", "pkg/x.go", "other/x.go")
    assert known_suffix("/home/me/repo/pkg/x.go", known) == "pkg/x.go"
    assert known_suffix("/home/me/repo/lib/x.go", known) == "x.go"


def test_a_known_path_matches_only_at_a_folder_boundary() -> None:
    assert known_suffix("/home/me/repo/xpkg/x.go", ("pkg/x.go",)) is None
    assert known_suffix("pkg/x.go", ("pkg/x.go",)) is None  # the path itself is no suffix


def test_backslashes_in_the_written_path_read_as_folders() -> None:
    assert known_suffix("C:\\src\\repo\\pkg\\x.go", ("pkg/x.go",)) == "pkg/x.go"


def test_by_default_the_known_paths_are_the_files_the_parse_was_given() -> None:
    assert known_suffix("/home/me/repo/pkg/x.go") is None
    with known_files(["pkg/x.go"]):
        assert known_suffix("/home/me/repo/pkg/x.go") == "pkg/x.go"


def test_absolute_paths() -> None:
    assert [is_absolute(p) for p in ("/a/b.py", "~/b.py", "C:/a/b.py", "a/b.py", "b.py")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_the_resolver_takes_the_same_suffix() -> None:
    resolver = PathResolver(known=(), authoritative=("x.go", "pkg/x.go"))
    assert resolver.resolve("/Users/me/src/repo/pkg/x.go") == "pkg/x.go"
    assert resolver.resolve("/Users/me/src/repo/lib/x.go") == "x.go"
