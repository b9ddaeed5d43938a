"""Review shapes read wrongly before round five of the parse cases, tried through the command.

- field bullets whose names carry a pictograph (`* **📁 File:**` + `* **📍 Line:** 27`): the
  line was not read, so the finding had a file and no line;
- `### 🟢 Title` after `### 🔴 …` / `### 🟡 …` findings: the green circle was no level;
- a numbered item wrapped before its closing `(severity: high)`: the item was not read;
- a numbered list that skips a number (`1.`, `2.`, `4.`): the item after the gap was not read;
- a place told in words as `in `a.py` around line 40` / `in a.py line 8` was not read, and a
  body naming another place took the title's place away;
- a conversational review's paragraphs under `**One thing I'd want changed before merging**`
  were findings text we could not read, never findings.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import read_by_cli

_EMOJI_FIELDS = (
    "## 🐛 Problems\n\n"
    "### 🔴 Totals are summed as floats\n"
    "* **📁 File:** `shop/cart.py`\n"
    "* **{label}** 12\n"
    "* **💬 Details:** rounding drifts by a cent on large carts; use `Decimal`.\n\n"
    "### 🟡 Discount applied twice\n"
    "* **📁 File:** `shop/discounts.py`\n"
    "* **📍 Line:** 30\n"
    "* **💬 Details:** the coupon runs in `apply` and again in `total`.\n\n"
    "### 🟢 Helper name says too little\n"
    "* **📁 File:** `shop/util.py`\n"
    "* **📍 Line:** 4\n"
    "* **💬 Details:** `do_it` could say what it does.\n"
)


def test_pictograph_field_names_give_the_line(tmp_path: Path) -> None:
    found, unread = read_by_cli(tmp_path, _EMOJI_FIELDS.format(label="📍 Line:"))
    assert [(s, p) for s, p, _ in found] == [
        ("critical", "shop/cart.py:12"),
        ("important", "shop/discounts.py:30"),
        ("suggestion", "shop/util.py:4"),
    ]
    assert found[2][2] == "Helper name says too little"
    assert unread == []


def test_a_pictograph_before_another_word_is_no_line_field(tmp_path: Path) -> None:
    found, _ = read_by_cli(tmp_path, _EMOJI_FIELDS.format(label="📍 Timeline:"))
    assert found[0][1] == "shop/cart.py"


def test_a_green_circle_alone_is_no_level(tmp_path: Path) -> None:
    # no red, orange or yellow finding above: the green circle may lead praise, so it sets
    # no level of its own
    text = (
        "## Findings\n\n"
        "### 🟢 Helper name says too little\n"
        "`shop/util.py:4` — `do_it` could say what it does.\n"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert [s for s, _, _ in found] != ["suggestion"]


_WRAPPED = (
    "Problems I found:\n\n"
    "1. The `load` function in store/files.py line 14 returns None for a missing file and\n"
    "   the caller never checks it. (severity: high)\n\n"
    "2. In store/files.py line 30 the cache directory is hardcoded to /tmp.\n"
    "   (severity: medium)\n\n"
    "{n}. The name `x2` in store/index.py line 8 says nothing. (severity: low)\n"
)


def test_a_level_tag_wrapped_onto_the_next_line_isread_by_cli(tmp_path: Path) -> None:
    found, unread = read_by_cli(tmp_path, _WRAPPED.format(n=3))
    assert [(s, p) for s, p, _ in found] == [
        ("critical", "store/files.py:14"),
        ("important", "store/files.py:30"),
        ("suggestion", "store/index.py:8"),
    ]
    assert unread == []


def test_a_level_tag_inside_wrapped_text_stays_text(tmp_path: Path) -> None:
    text = (
        "Problems I found:\n\n"
        "1. The cache directory in store/files.py line 30 is hardcoded; the label\n"
        "   (severity: high)\n"
        "   is what the old linter printed beside it, and nobody reads it.\n"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert [s for s, _, _ in found] != ["critical"]


def test_a_skipped_number_does_not_end_the_list(tmp_path: Path) -> None:
    found, unread = read_by_cli(tmp_path, _WRAPPED.format(n=4))
    assert [(s, p) for s, p, _ in found] == [
        ("critical", "store/files.py:14"),
        ("important", "store/files.py:30"),
        ("suggestion", "store/index.py:8"),
    ]
    assert unread == []


def test_steps_with_a_skipped_number_stay_the_findings_text(tmp_path: Path) -> None:
    text = (
        "Problems I found:\n\n"
        "1. `load` in `store/files.py:14` returns None for a missing file. (severity: high)\n"
        "   To fix it:\n"
        "   1. raise `FileNotFoundError` in `load`\n"
        "   3. catch it in `main`\n"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert [(s, p) for s, p, _ in found] == [("critical", "store/files.py:14")]


def test_the_place_the_title_tells_wins_over_the_body(tmp_path: Path) -> None:
    text = (
        "Problems I found:\n\n"
        "1. The name `x2` in store/index.py line 8 says nothing. (severity: low)\n\n"
        "All in all fine, but the `load` function in store/files.py line 14 is the same story.\n"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert found[0][1] == "store/index.py:8"


_ASKED = (
    "Nice work overall, the new cache is much easier to follow.\n\n"
    "**What I liked**\n\n"
    "- Moving the key logic into `shop/keys.py` makes it testable, see `shop/keys.py:10-20`.\n\n"
    "**{lead}**\n\n"
    "In `shop/cache.py` around line 40, `get()` builds the key from the product id only, so\n"
    "a small image can be served where a large one was asked for (see line 12). Put the size\n"
    "in the key.\n\n"
    "And a very small thing: the `print` left in `shop/views.py:15` will be noisy in the logs.\n\n"
    "Otherwise LGTM, happy to approve once the key is fixed.\n"
)


def test_paragraphs_under_a_lead_in_asking_for_a_change_are_findings(tmp_path: Path) -> None:
    found, unread = read_by_cli(
        tmp_path, _ASKED.format(lead="One thing I'd want changed before merging")
    )
    assert [(s, p) for s, p, _ in found] == [
        ("important", "shop/cache.py:40"),
        ("suggestion", "shop/views.py:15"),
    ]
    assert found[1][2].startswith("The `print` left in")
    assert unread == []


def test_a_lead_in_asking_for_nothing_opens_no_findings(tmp_path: Path) -> None:
    found, _ = read_by_cli(tmp_path, _ASKED.format(lead="Nothing I'd want changed before merging"))
    assert found == []


def test_a_paragraph_with_no_place_keeps_them_all_unread(tmp_path: Path) -> None:
    text = _ASKED.format(lead="One thing I'd want changed before merging").replace(
        "the `print` left in `shop/views.py:15`", "the leftover `print`"
    )
    found, unread = read_by_cli(tmp_path, text)
    assert found == []
    assert unread


_FOLLOW_ON = (
    "Went through it commit by commit.\n\n"
    "**3f1a2b0 — read the timeout from the environment**\n\n"
    "- blocking: in `read_timeout` (svc/config.py, lines 12–20) an empty `TIMEOUT` becomes 0,\n"
    "  so every request times out at once.\n"
    "{gap}- non-blocking: the parser could take `30s` and `2m` as well, people will write them.\n"
)


def test_a_rated_item_right_under_a_placed_one_takes_its_place(tmp_path: Path) -> None:
    found, _ = read_by_cli(tmp_path, _FOLLOW_ON.format(gap=""))
    assert sorted((s, p) for s, p, _ in found) == [
        ("critical", "svc/config.py:12"),
        ("suggestion", "svc/config.py:12"),
    ]


def test_a_rated_item_after_a_blank_line_keeps_no_place(tmp_path: Path) -> None:
    found, _ = read_by_cli(tmp_path, _FOLLOW_ON.format(gap="\n"))
    assert ("suggestion", None) in [(s, p) for s, p, _ in found]


def test_under_a_heading_that_names_no_commit_the_item_keeps_no_place(tmp_path: Path) -> None:
    text = _FOLLOW_ON.format(gap="").replace(
        "**3f1a2b0 — read the timeout from the environment**", "**Issues:**"
    )
    found, _ = read_by_cli(tmp_path, text)
    assert ("suggestion", None) in [(s, p) for s, p, _ in found]
