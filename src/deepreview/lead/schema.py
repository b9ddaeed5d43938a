"""The published JSON Schema of the lead's answer, generated from `LeadAnswer`.

`schemas/lead-decisions.schema.json` is package data; `tests/lead` fails when it drifts from the
model. Regenerate it with `python -m deepreview.lead.schema` (or the golden-update switch
`DEEPREVIEW_UPDATE_GOLDENS=1` when running that test).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from deepreview.lead.answer import LeadAnswer

SCHEMA_NAME: Final = "lead-decisions.schema.json"
SCHEMA_ID: Final = "https://deep-review.invalid/schemas/lead-decisions.schema.json"


def answer_schema() -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **LeadAnswer.model_json_schema(),
    }
    schema["title"] = "Deep Review lead answer"
    return schema


def schema_text() -> str:
    """The schema file's exact content."""
    return json.dumps(answer_schema(), indent=2, ensure_ascii=False) + "\n"


@cache
def published_schema_text() -> str:
    """The schema as shipped in the package (what the lead is shown)."""
    return (resources.files("deepreview") / "schemas" / SCHEMA_NAME).read_text(encoding="utf-8")


def schema_path() -> Path:
    return Path(str(resources.files("deepreview") / "schemas" / SCHEMA_NAME))


def write_schema(path: Path | None = None) -> Path:
    target = path or schema_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    return target


if __name__ == "__main__":
    written = write_schema(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    sys.stderr.write(f"wrote {written}\n")
