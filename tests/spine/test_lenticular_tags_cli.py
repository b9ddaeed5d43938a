"""A Japanese review's items each open with a tag in lenticular brackets: 【必須】 (required),
【推奨】 (recommended), 【任意】 (optional), as an English one opens with `[Critical]`: they are
its levels (critical, important, suggestion). Unread, such a review failed as `unparseable
review`. A tag that names no level (【変更点】, "changes") over places that restate the change
makes no finding.
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import review_printed

TAGGED = """## レビュー結果

以下の点を確認してください。

1. 【必須】`calc.py:2` — `add()` が掛け算をしているため、合計がすべて誤りになります。
2. 【推奨】`calc.py:1` — 関数名 `f` では何をするか分かりません。
3. 【任意】`calc.py:3` — docstring に例を加えるとよいでしょう。

以上です。
"""

CHANGES = """## 変更内容

1. 【変更点】`calc.py:2` — `add()` に型ヒントを追加します。
2. 【変更点】`calc.py:1` — モジュールの説明を追加します。
"""


def test_lenticular_level_tags_are_read(tmp_path: Path) -> None:
    _, out, report = review_printed(tmp_path, {"chat": TAGGED})
    assert out["seats"][0]["status"] == "ok", out["seats"]
    found = sorted((f["severity"], f["locations"][0]["start"]) for f in report["findings"])
    assert found == [("critical", 2), ("important", 1), ("suggestion", 3)]


def test_a_tag_naming_no_level_makes_no_finding(tmp_path: Path) -> None:
    _, out, report = review_printed(tmp_path, {"chat": CHANGES})
    assert not report.get("findings"), report.get("findings")
    assert out["seats"][0]["reason"] == "unparseable review", out["seats"]
