"""Mutation operators by token rewriting (Python, Go), changed lines, and seeded sampling."""

from __future__ import annotations

from deepreview.checks.mutate import (
    Mutation,
    added_lines,
    apply_mutation,
    language,
    line_mutations,
    sample,
)


def mutated(path: str, source: str, line: int) -> set[tuple[str, str]]:
    return {(m.operator, m.mutated) for m in line_mutations(path, source, [line])}


def test_python_operators() -> None:
    src = "def ok(a, b, n):\n    if a >= n and b != 0:\n        total = a + b\n    return total\n"
    assert mutated("lib.py", src, 2) == {
        ("flip comparison", "    if a > n and b != 0:"),
        ("flip comparison", "    if a >= n and b == 0:"),
        ("swap and/or", "    if a >= n or b != 0:"),
        ("off by one", "    if a >= n and b != 1:"),
        ("negate condition", "    if not (a >= n and b != 0):"),
    }
    assert mutated("lib.py", src, 3) == {
        ("swap +/-", "        total = a - b"),
        ("delete statement", "        pass"),
    }
    assert mutated("lib.py", src, 4) == {("return early", "    return None")}


def test_strings_comments_and_signs_are_left_alone() -> None:
    src = 'msg = "a < b and c"  # x >= 1\ny = -1\n'
    assert mutated("m.py", src, 1) == {("delete statement", "pass")}
    # `-1` is a sign, not a subtraction: only the constant moves.
    assert mutated("m.py", src, 2) == {
        ("off by one", "y = -2"),
        ("off by one", "y = -0"),
        ("delete statement", "pass"),
    }


def test_go_operators() -> None:
    src = (
        "package p\n\n"
        "func F(a, b int) bool {\n"
        "\tif a < b || b == 0 {\n"
        "\t\tcount += 2 // a < b\n"
        "\t}\n"
        '\treturn a <= b && s != "x < y"\n'
        "}\n"
    )
    assert mutated("p.go", src, 4) == {
        ("flip comparison", "\tif a <= b || b == 0 {"),
        ("flip comparison", "\tif a < b || b != 0 {"),
        ("swap and/or", "\tif a < b && b == 0 {"),
        ("off by one", "\tif a < b || b == 1 {"),
        ("negate condition", "\tif !(a < b || b == 0) {"),
    }
    assert mutated("p.go", src, 5) == {
        ("swap +/-", "\t\tcount -= 2 // a < b"),
        ("off by one", "\t\tcount += 3 // a < b"),
        ("off by one", "\t\tcount += 1 // a < b"),
        ("delete statement", "\t\t// statement deleted"),
    }
    assert mutated("p.go", src, 7) == {
        ("flip comparison", '\treturn a < b && s != "x < y"'),
        ("flip comparison", '\treturn a <= b && s == "x < y"'),
        ("swap and/or", '\treturn a <= b || s != "x < y"'),
    }


def test_go_declarations_are_not_deleted_and_raw_strings_are_skipped() -> None:
    src = "package p\n\nfunc G() {\n\tx := 1 + 2\n\ts := `a\nb < c`\n\t_ = x\n}\n"
    assert ("delete statement", "\t// statement deleted") not in mutated("p.go", src, 4)
    assert mutated("p.go", src, 6) == set()


def test_only_sources_not_tests() -> None:
    assert language("pkg/mod.py") == "python"
    assert language("pkg/test_mod.py") is None
    assert language("tests/helpers.py") is None
    assert language("conftest.py") is None
    assert language("slice.go") == "go"
    assert language("slice_test.go") is None
    assert language("README.md") is None


def test_added_lines_of_a_diff() -> None:
    diff = (
        "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n"
        "@@ -1,3 +1,4 @@\n x = 1\n-y = 2\n+y = 3\n+z = 4\n w = 5\n"
        "@@ -10,0 +11,1 @@\n+q = 6\n"
        "diff --git a/gone.py b/gone.py\n--- a/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x = 1\n"
    )
    assert added_lines(diff) == {"a.py": [2, 3, 11]}


def test_sampling_is_seeded_and_spreads_over_lines() -> None:
    muts = [Mutation("a.py", line, "op", "x", f"y{k}") for line in (1, 2, 3) for k in range(5)]
    first = sample(muts, 6, seed=0)
    assert first == sample(muts, 6, seed=0)
    assert sorted(m.line for m in first) == [1, 1, 2, 2, 3, 3]
    assert len(sample(muts, 100)) == 15


def test_apply_mutation_replaces_one_line() -> None:
    m = Mutation("a.py", 2, "flip comparison", "    return a >= b", "    return a > b")
    assert (
        apply_mutation("def f(a, b):\n    return a >= b\n", m) == "def f(a, b):\n    return a > b\n"
    )
