"""The SARIF 2.1.0 schema check every SARIF test uses (the OASIS schema, offline: see
schema/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

HERE = Path(__file__).resolve().parent
SCHEMA = json.loads((HERE / "schema" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(data: object) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(data)
