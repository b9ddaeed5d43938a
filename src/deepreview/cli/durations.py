"""`--timeout` and `--probe-minutes` take a bare number in one unit; `--timeout 10m` or
`--probe-minutes 5min` read as "not a valid float", which does not say what to type. The line
names the unit and, for a value written with a unit, the number to give instead."""

from __future__ import annotations

import re
from typing import Any, Final

import click

_WITH_UNIT: Final = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\s*$", re.I
)
_SECONDS: Final = {"s": 1, "m": 60, "h": 3600}


class Duration(click.ParamType):
    """A float in `unit` ("seconds" or "minutes"); `example` when nothing better is known."""

    name = "float"

    def __init__(self, unit: str, example: str) -> None:
        self.unit = unit
        self.example = example

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, float):
            return value
        try:
            return float(value)
        except (TypeError, ValueError):
            pass
        flag = param.opts[0] if param is not None and param.opts else ""
        self.fail(
            f"{value!r} is no number; give a number of {self.unit} "
            f"(e.g. {flag} {self._instead(str(value))})",
            param,
            ctx,
        )

    def _instead(self, value: str) -> str:
        m = _WITH_UNIT.match(value)
        if m is None:
            return self.example
        seconds = float(m[1]) * _SECONDS[m[2][0].lower()]
        amount = seconds if self.unit == "seconds" else seconds / 60
        return f"{amount:g}"
