"""Reviewers' fix diffs: found in the fix text, parsed leniently, re-anchored on their context."""

from __future__ import annotations

from deepreview.checks.patch import fix_diff, fuzzy_apply, parse_patch

SOURCE = "def area(w, h):\n    return w * h\n\n\ndef perimeter(w, h):\n    return w + h\n"


def read(files: dict[str, str]):  # type: ignore[no-untyped-def]
    return lambda path: files.get(path)


def test_fix_diff_takes_the_diff_block_not_the_prose() -> None:
    fix = (
        "Double the sum:\n\n```python\nx = 1\n```\n\n"
        "```diff\n-    return w + h\n+    return 2 * (w + h)\n```\n"
    )
    assert fix_diff(fix) == "-    return w + h\n+    return 2 * (w + h)\n"
    assert fix_diff("Add a test for the empty list.") is None
    assert fix_diff("```python\nprint('no diff here')\n```") is None


def test_fix_diff_recognises_an_unlabelled_block_with_hunks() -> None:
    fix = (
        "```\n--- a/shapes.py\n+++ b/shapes.py\n@@ -6 +6 @@\n-    return w + h\n+    return 2\n```"
    )
    assert fix_diff(fix) is not None


def test_wrong_line_numbers_are_re_anchored_on_the_context() -> None:
    diff = (
        "--- a/shapes.py\n+++ b/shapes.py\n@@ -40,2 +40,2 @@\n"
        " def perimeter(w, h):\n-    return w + h\n+    return 2 * (w + h)\n"
    )
    applied = fuzzy_apply(diff, None, read({"shapes.py": SOURCE}))
    assert applied.ok, applied.reason
    assert applied.files["shapes.py"].endswith("    return 2 * (w + h)\n")
    assert applied.reason == "re-anchored at shapes.py:6"


def test_bare_lines_without_headers_use_the_findings_file() -> None:
    diff = "-    return w + h\n+    return 2 * (w + h)\n"
    applied = fuzzy_apply(diff, "shapes.py", read({"shapes.py": SOURCE}))
    assert applied.ok
    assert "2 * (w + h)" in applied.files["shapes.py"]


def test_lost_indentation_is_matched_and_restored() -> None:
    diff = "@@ @@\n-return w * h\n+return abs(w * h)\n"
    applied = fuzzy_apply(diff, "shapes.py", read({"shapes.py": SOURCE}))
    assert applied.ok
    assert "    return abs(w * h)\n" in applied.files["shapes.py"]


def test_missing_context_says_which_line() -> None:
    diff = "--- a/shapes.py\n+++ b/shapes.py\n@@ -1 +1 @@\n-    return w - h\n+    return w + h\n"
    applied = fuzzy_apply(diff, None, read({"shapes.py": SOURCE}))
    assert not applied.ok
    assert applied.reason == "context not found in shapes.py: `return w - h`"


def test_missing_file_and_new_file() -> None:
    gone = fuzzy_apply("--- a/gone.py\n+++ b/gone.py\n@@ -1 +1 @@\n-x\n+y\n", None, read({}))
    assert not gone.ok and gone.reason == "gone.py does not exist at the review SHA"
    new = fuzzy_apply(
        "--- /dev/null\n+++ b/new.py\n@@ -0,0 +1,2 @@\n+a = 1\n+b = 2\n", None, read({})
    )
    assert new.ok and new.files == {"new.py": "a = 1\nb = 2\n"}


def test_two_files_and_the_nearest_of_two_matches() -> None:
    src = "x = 1\nx = 1\nx = 1\n"
    diff = (
        "--- a/one.py\n+++ b/one.py\n@@ -3 +3 @@\n-x = 1\n+x = 2\n"
        "--- a/two.py\n+++ b/two.py\n@@ -1 +1 @@\n-x = 1\n+x = 3\n"
    )
    applied = fuzzy_apply(diff, None, read({"one.py": src, "two.py": src}))
    assert applied.files == {"one.py": "x = 1\nx = 1\nx = 2\n", "two.py": "x = 3\nx = 1\nx = 1\n"}


def test_blank_context_lines_that_lost_their_space() -> None:
    diff = (
        "@@ -2,4 +2,4 @@\n     return w * h\n\n\n"
        "-def perimeter(w, h):\n+def perimeter(w: int, h: int):\n"
    )
    [fp] = parse_patch(diff, "shapes.py")
    assert fp.hunks[0].old == ("    return w * h", "", "", "def perimeter(w, h):")
    applied = fuzzy_apply(diff, "shapes.py", read({"shapes.py": SOURCE}))
    assert applied.ok and "def perimeter(w: int, h: int):" in applied.files["shapes.py"]


CLAMP = (
    "def clamp(x, lo, hi):\n    if x < lo:\n        return lo\n"
    "    if x > hi:\n        return lo\n    return x\n"
)
NO_LINES = "-        return lo\n+        return hi\n"


def test_a_hunk_without_a_line_goes_nearest_the_findings_lines() -> None:
    applied = fuzzy_apply(NO_LINES, "clamp.py", read({"clamp.py": CLAMP}), near=(5, 5))
    assert applied.ok and applied.reason == "re-anchored at clamp.py:5"
    assert applied.files["clamp.py"].splitlines()[2:5] == [
        "        return lo",
        "    if x > hi:",
        "        return hi",
    ]
    # A finding on lines 4-6 overlaps only the second `return lo`.
    assert fuzzy_apply(NO_LINES, "clamp.py", read({"clamp.py": CLAMP}), near=(4, 6)).ok


def test_equally_near_or_unanchored_matches_are_refused() -> None:
    tie = fuzzy_apply(NO_LINES, "clamp.py", read({"clamp.py": CLAMP}), near=(4, 4))
    assert not tie.ok
    assert tie.reason == (
        "ambiguous: `return lo` is at clamp.py:3 and clamp.py:5, equally near line 4"
    )
    blind = fuzzy_apply(NO_LINES, "clamp.py", read({"clamp.py": CLAMP}))
    assert blind.reason == (
        "ambiguous: `return lo` is at clamp.py:3 and clamp.py:5, and the fix names no line"
    )


def test_where_a_hunk_landed_is_a_line_of_the_reviewed_file() -> None:
    """The second hunk lands after the first added two lines: its line is still counted in the
    file as the review SHA has it."""
    diff = (
        "@@ -90 +90,3 @@\n def area(w, h):\n+    # area\n+    # of a rectangle\n"
        "@@ -95 +97 @@\n-    return w + h\n+    return 2 * (w + h)\n"
    )
    applied = fuzzy_apply(diff, "shapes.py", read({"shapes.py": SOURCE}))
    assert applied.ok
    assert applied.reason == "re-anchored at shapes.py:2, shapes.py:6"
