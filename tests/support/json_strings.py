"""Every string a JSON document holds (values, at any depth): what a test checks for text
that must never reach a stored report (control characters, secrets)."""

from __future__ import annotations


def json_strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in json_strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in json_strings(v)]
    return []
