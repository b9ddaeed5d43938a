"""Through the real `deep-review review --lead none`: a crash is one failure kind
(`consolidate/claims.py`, "crash"), told at a function and at its call in another file, and a
symptom many causes share (`claims.SYMPTOMS`), so it joins nothing a few lines apart (tm66).

- "`parse_port` panics on a non-numeric port" in `config.rs` and "a bad first argument
  crashes the server" at the call in `main.rs`, both important: one.
- "`parse_port` panics" beside "`parse_port("0")` is accepted" at the same line: two.
- "A trailing comma crashes the parser" (important) at the loop calling `parse_range` and
  "negative numbers crash it" (minor) inside it: two inputs ending the same way, two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

CONFIG = (
    "pub fn parse_port(raw: &str) -> u16 {\n"  # 1
    "    let port: u16 = raw.trim().parse().unwrap();\n"  # 2
    "    port\n"  # 3
    "}\n"  # 4
)
MAIN = (
    "mod config;\n"  # 1
    "\n"  # 2
    "fn main() {\n"  # 3
    "    let args: Vec<String> = std::env::args().collect();\n"  # 4
    "    let port = config::parse_port(&args[1]);\n"  # 5
    '    println!("listening on {port}");\n'  # 6
    "}\n"  # 7
)
PANIC = (
    "## Findings\n\n### Important Issues\n\n#### I1. `parse_port` panics on a non-numeric port\n\n"
    "**File:** `src/config.rs:1-3`\n\n`.unwrap()` on the parse result aborts the process when "
    "the port holds a typo. Return a `Result`.\n"
)


def _credited(tmp: Path, files: dict[str, str], **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(tmp, files, seats)
    return sorted(sorted(f["reviewers"]) for f in found)


def test_a_crash_told_in_the_function_and_at_its_call_in_another_file_is_one(
    tmp_path: Path,
) -> None:
    got = _credited(
        tmp_path,
        {"src/config.rs": CONFIG, "src/main.rs": MAIN},
        alpha=PANIC,
        bravo="- [P1] src/main.rs:5 — a bad first argument (`server abc`) crashes the server "
        "instead of printing a usage error.\n",
    )
    assert got == [["Alpha", "Bravo"]], got


def test_a_crash_beside_another_failure_at_its_line_stays_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"src/config.rs": CONFIG, "src/main.rs": MAIN},
        alpha=PANIC,
        bravo='- [P1] src/config.rs:2 — `parse_port("0")` is accepted and binds an ephemeral '
        "port the clients cannot know; reject 0.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


RANGES = (
    "def parse_range(text):\n"  # 1
    '    if "-" in text:\n'  # 2
    '        lo, hi = text.split("-")\n'  # 3
    "        return range(int(lo), int(hi) + 1)\n"  # 4
    "    n = int(text)\n"  # 5
    "    return range(n, n + 1)\n"  # 6
    "\n"  # 7
    "\n"  # 8
    "def parse_ranges(spec):\n"  # 9
    "    pages = []\n"  # 10
    '    for part in spec.split(","):\n'  # 11
    "        pages.extend(parse_range(part))\n"  # 12
    "    return sorted(set(pages))\n"  # 13
)


def test_two_crashes_at_a_function_and_its_caller_graded_apart_stay_two(tmp_path: Path) -> None:
    got = _credited(
        tmp_path,
        {"util/ranges.py": RANGES},
        alpha="## Findings\n\n### Important Issues\n\n#### I1. A trailing comma crashes the "
        'parser\n\n**File:** `util/ranges.py:11-12`\n\n`"1,2,".split(",")` ends with an empty '
        'part and `int("")` raises.\n',
        bravo="- (minor) util/ranges.py:3 — negative page numbers like -2 split into an empty "
        "low bound and crash with a ValueError.\n",
    )
    assert got == [["Alpha"], ["Bravo"]], got


CLIENT = (
    "package fetch\n"  # 1
    "\n"  # 2
    "func (c *Client) Get(req *http.Request) ([]byte, error) {\n"  # 3
    "\tresp, err := c.HTTP.Do(req)\n"  # 4
    "\tdefer resp.Body.Close()\n"  # 5
    "\tif err != nil {\n"  # 6
    "\t\treturn nil, err\n"  # 7
    "\t}\n"  # 8
    "\treturn io.ReadAll(resp.Body)\n"  # 9
    "}\n"  # 10
)


def test_a_panic_and_the_nil_dereference_causing_it_at_one_line_are_one(tmp_path: Path) -> None:
    # one title names the end (a panic), the other the cause (a nil dereference)
    got = _credited(
        tmp_path,
        {"fetch/client.go": CLIENT},
        alpha="## Findings\n\n### Critical Issues\n\n#### C1. `Get` panics when the request "
        "fails\n\n**File:** `fetch/client.go:5`\n\nThe `defer` runs before the error check; "
        "`resp` is nil when `Do` fails.\n",
        bravo="- [P1] fetch/client.go:4-6 — nil pointer dereference on transport errors: the "
        "close is deferred on a nil response before `err` is looked at.\n",
    )
    assert got == [["Alpha", "Bravo"]], got
