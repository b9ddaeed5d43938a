"""Every fix-check badge tone the HTML report uses has a style of its own, readable in both
colour schemes: a badge that proves little (or nothing was measured) must never look like the
one that speaks for the fix."""

from __future__ import annotations

import dataclasses
import re

from deepreview.checkmodel import CheckResults, FixCheck
from deepreview.model import Report
from deepreview.render.html import render_html

OK = FixCheck(applies=True, tests="pass", baseline="fail", diff="-a\n+b")
WEAK = FixCheck(applies=True, tests="pass", baseline="fail", edits_tests=("t.py",), diff="-c\n+d")
BAD = FixCheck(applies=False, reason="context not found", diff="-e\n+f")
_DARK = "@media screen and (prefers-color-scheme: dark)"


def _badged(report: Report) -> Report:
    """I1 with a fix that turns the tests green, S1's fix not checked, two more listed."""
    i1, s1, *rest = report.findings
    checks = CheckResults(
        test_command=("pytest",),
        baseline="fail",
        fixes_requested=True,
        fix_checks=(OK, WEAK, BAD),
        unchecked=(s1.id,),
    )
    findings = (dataclasses.replace(i1, fix_check=OK), s1, *rest)
    return dataclasses.replace(report, findings=findings, checks=checks)


def _variables(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*([^;]+);", block))


def _schemes(css: str) -> dict[str, dict[str, str]]:
    light = _variables(css.split(":root {", 1)[1].split("}", 1)[0])
    dark = _variables(css.split(_DARK, 1)[1].split("}", 1)[0])
    return {"light": light, "dark": {**light, **dark}}


def _rgba(value: str, names: dict[str, str]) -> tuple[float, float, float, float]:
    value = value.strip()
    if m := re.fullmatch(r"var\(--([\w-]+)\)", value):
        return _rgba(names[m.group(1)], names)
    if m := re.fullmatch(r"#([0-9a-fA-F]{6})", value):
        h = m.group(1)
        return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), 1.0)
    m = re.fullmatch(r"rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)", value)
    assert m, f"a colour this test cannot read: {value}"
    r, g, b, a = m.groups()
    return (float(r), float(g), float(b), float(a))


def _over(top: tuple[float, ...], under: tuple[float, ...]) -> tuple[float, float, float]:
    a = top[3]
    return (
        a * top[0] + (1 - a) * under[0],
        a * top[1] + (1 - a) * under[1],
        a * top[2] + (1 - a) * under[2],
    )


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rule(css: str, cls: str) -> dict[str, str]:
    found = re.search(rf"\.{cls}\s*\{{([^}}]*)\}}", css)
    assert found, f".{cls} has no rule in the report's stylesheet"
    return dict(re.findall(r"([\w-]+):\s*([^;]+);", found.group(1)))


def test_every_fixcheck_tone_has_a_distinct_readable_style(report: Report) -> None:
    html = render_html(_badged(report))
    used = set(re.findall(r"\bfixcheck-([a-z]+)\b", html))
    tones = {OK.tone, WEAK.tone, BAD.tone}
    assert tones == {"ok", "weak", "bad"} and used == {*tones, "unchecked"}
    css = html.split("<style", 1)[1].split("</style>", 1)[0]
    for scheme, names in _schemes(css).items():
        page = _rgba(names["bg"], names)
        looks = {}
        for tone in sorted(used):
            rule = _rule(css, f"fixcheck-{tone}")
            assert {"color", "background"} <= rule.keys(), (tone, rule)
            bg = _over(_rgba(rule["background"], names), page)
            fg = _over(_rgba(rule["color"], names), bg)
            ratio = _contrast(fg, bg)
            assert ratio >= 4.5, f"fixcheck-{tone} in {scheme}: contrast {ratio:.2f}"
            looks[tone] = (tuple(round(v) for v in fg), tuple(round(v) for v in bg))
        assert len(set(looks.values())) == len(looks), (scheme, looks)
