"""Which function a line is in and which functions it calls (`consolidate/code_sites.py`)."""

from __future__ import annotations

from deepreview.consolidate.code_sites import called_at, defined_at, enclosing

PYTHON = [
    "import os",  # 1
    "",  # 2
    "def load(path):",  # 3
    "    with open(path) as fh:",  # 4
    "        return parse(fh.read())",  # 5
    "",  # 6
    "LIMIT = compute_limit()",  # 7
    "",  # 8
    "class Store:",  # 9
    "    async def save(self, item):",  # 10
    "        await self.db.put(item)",  # 11
]

GO = [
    "package store",  # 1
    "",  # 2
    "func (s *Store) Put(k string) error {",  # 3
    '\tif k == "" {',  # 4
    "\t\treturn errEmpty",  # 5
    "\t}",  # 6
    "\treturn s.write(k)",  # 7
    "}",  # 8
    "",  # 9
    "var defaultStore = New()",  # 10
]

TYPESCRIPT = [
    "export async function withBackoff(fn: () => Promise<void>) {",  # 1
    "  await fn();",  # 2
    "}",  # 3
    "",  # 4
    "export const poll = async (url: string) => {",  # 5
    "  return withBackoff(() => fetch(url));",  # 6
    "};",  # 7
]

JAVA = [
    "public final class Rates {",  # 1
    "    static long monthly(long cents, int bps) {",  # 2
    "        return cents * bps / 120000;",  # 3
    "    }",  # 4
    "",  # 5
    "    static long yearly(long cents, int bps) {",  # 6
    "        return monthly(cents, bps) * 12;",  # 7
    "    }",  # 8
    "}",  # 9
]

RUST = [
    "pub fn parse_port(raw: &str) -> u16 {",  # 1
    "    raw.trim().parse().unwrap()",  # 2
    "}",  # 3
]


def test_a_python_line_is_in_the_function_it_is_indented_under() -> None:
    assert enclosing(PYTHON, 5) == "load"
    assert enclosing(PYTHON, 3) == "load"  # the definition line itself
    assert enclosing(PYTHON, 11) == "save"


def test_a_python_line_back_at_the_margin_is_in_no_function() -> None:
    assert enclosing(PYTHON, 7) is None
    assert enclosing(PYTHON, 1) is None


def test_a_line_inside_braces_is_in_the_function_they_open() -> None:
    assert enclosing(GO, 5) == "Put"
    assert enclosing(TYPESCRIPT, 6) == "poll"
    assert enclosing(JAVA, 7) == "yearly"
    assert enclosing(RUST, 2) == "parse_port"


def test_a_line_after_the_closing_brace_is_in_no_function() -> None:
    assert enclosing(GO, 10) is None
    assert enclosing(TYPESCRIPT, 4) is None


def test_a_range_is_in_the_functions_of_its_lines() -> None:
    assert defined_at(JAVA, 3, 7) == {"monthly", "yearly"}
    assert defined_at(PYTHON, 99, 100) == frozenset()  # past the end


def test_calls_on_a_line_and_two_lines_around_it() -> None:
    # line 5's calls are two lines from line 7: beside it (`NEAR_CALL_LINES`)
    assert called_at(PYTHON, 7, 7) == {"compute_limit", "parse", "read"}
    assert "write" in called_at(GO, 7, 7)
    assert {"withbackoff", "fetch"} <= called_at(TYPESCRIPT, 6, 6)


def test_keywords_and_a_line_s_own_definition_are_no_calls() -> None:
    assert called_at(JAVA, 7, 7) == {"monthly"}  # line 6 defines `yearly`
    assert "if" not in called_at(GO, 4, 4)
    assert "withbackoff" not in called_at(TYPESCRIPT, 1, 1)


# tm66: an f-string's braces in a Python function are no block of braces
PYTHON_FSTRING = [
    "def search(conn, term):",  # 1
    "    sql = (",  # 2
    '        "SELECT id FROM products "',  # 3
    "        f\"WHERE name LIKE '%{term}%'\"",  # 4
    "    )",  # 5
    "    return conn.execute(sql).fetchall()",  # 6
    "",  # 7
    "def count(conn):",  # 8
    '    return conn.execute("SELECT 1")',  # 9
]


def test_a_line_after_an_f_string_is_still_in_its_python_function() -> None:
    assert enclosing(PYTHON_FSTRING, 6) == "search"
    assert enclosing(PYTHON_FSTRING, 9) == "count"


C = [
    "#include <string.h>",  # 1
    "int count(const char *s);",  # 2: a prototype, no body
    "struct user *user_new(const char *name)",  # 3
    "{",  # 4
    "    if (name == NULL)",  # 5
    "        return make_default(name,",  # 6
    "                            0);",  # 7
    "    return build(name);",  # 8
    "}",  # 9
    "",  # 10
    "static void Store::close(struct store *s) {",  # 11
    "    free(s);",  # 12
    "}",  # 13
]


def test_a_c_line_is_in_the_function_whose_head_names_its_return_type() -> None:
    assert enclosing(C, 5) == "user_new"
    assert enclosing(C, 7) == "user_new"  # a call's wrapped arguments open no function
    assert enclosing(C, 12) == "close"
    assert enclosing(C, 2) is None  # a prototype is no definition
    assert enclosing(C, 10) is None
    assert called_at(C, 12, 12) == {"free"}  # the head's own name is no call


def test_a_python_class_head_is_no_function() -> None:
    lines = ["class Store(Base):", "    limit = compute(3)"]
    assert enclosing(lines, 2) is None
