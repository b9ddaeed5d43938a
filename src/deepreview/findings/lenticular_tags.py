"""A tag in lenticular brackets at an item's head (`【必須】`, `【推奨】`, `【任意】`): how Japanese
(and Chinese) reviews mark a point's level, as an English one writes `[Critical]`. The words are
the levels of a requirement (必須 required, 推奨 recommended, 任意 optional) or of a severity
(重大 / 重要 / 軽微, 高 / 中 / 低, 严重 / 一般 / 建议). A tag naming no level (`【変更点】`,
"changes"; `【補足】`, "a note") is none: the item stays what it was.
"""

from __future__ import annotations

import re
from typing import Final

_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(("必須", "必须", "重大", "致命", "致命的", "严重", "ブロッカー", "高"),
                    "critical"),
    **dict.fromkeys(("推奨", "推荐", "重要", "中", "要修正", "要対応", "一般"), "important"),
    **dict.fromkeys(("任意", "軽微", "轻微", "提案", "建议", "建議", "低", "nit", "Nit"),
                    "suggestion"),
}  # fmt: skip
_LEAD: Final = re.compile(
    r"^(?:\*\*)?【[ \t]*(?P<w>[^】\s]{1,8})[ \t]*】(?:\*\*)?[ \t]*(?P<r>\S.*)$"
)


def lenticular_lead(text: str) -> tuple[str, str] | None:
    """An item opening with a lenticular level tag -> (its level word, the item without it)."""
    m = _LEAD.match(text)
    word = _WORDS.get(m["w"]) if m is not None else None
    return (word, m["r"]) if m is not None and word is not None else None
