"""`<store>/declines.json`: the store's declines as a file, beside the index.

The index can be lost (deleted by hand, moved aside when damaged) and is rebuilt from the
review folders; a decline belongs to no one review folder (it is its series' decision and
outlives the review it was recorded from), so the store keeps them all in one file, replaced
whole on every change (`atomicfile`), and a rebuilt index reads them back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from deepreview.atomicfile import replace_bytes
from deepreview.errors import StoreError
from deepreview.store.write_error import write_hint

DECLINES_JSON: Final = "declines.json"
_VERSION: Final = 1


def write_declines_file(root: Path, declines: list[dict[str, Any]]) -> None:
    data = {"version": _VERSION, "declines": declines}
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    try:
        replace_bytes(root / DECLINES_JSON, text.encode("utf-8"))
    except OSError as exc:
        # not `store_error`'s "or pass --store DIR": the declines belong to this store
        raise StoreError(
            f"cannot write {root / DECLINES_JSON}: {exc.strerror or exc}; {write_hint(exc)}, "
            "then run the command again"
        ) from exc


def read_declines_file(root: Path) -> list[dict[str, Any]]:
    """The file's declines; [] when there is none (a store from before it, no declines)."""
    path = root / DECLINES_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise StoreError(
            f"cannot read {path}: {exc}; fix or delete it (its declines are then lost)"
        ) from exc
    items = data.get("declines") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise StoreError(f"{path} holds no list of declines; fix or delete it")
    return [d for d in items if isinstance(d, dict)]
