"""Through the real `deep-review consolidate`: two reviewers at one block of an answer file, one
faulting the hard-coded account name, the other the empty password, both mentioning the
`AutoLogon` block the two settings feed. Their titles share no word and name no failure in
common; what their explanations share is mostly the words of that one code name (`AutoLogon`
is "auto" and "logon" wherever it is written), which counts once, as the name both give, not
again as something both say (`score._told_beyond_names`): nothing else ties them, no line of
code quoted by both, no line cited by both. A careful lead keeps them apart
(`apart.claims_apart`). The same empty password told in other words at that block is one.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_REVIEW = """## Executive Summary

Adds an unattended Windows setup.

## Findings

### Suggestions

1. **{title}** — `setup/unattend.xml:{lines}` (suggestion, gap)

{body}

2. **{other}** — `{other_place}` (suggestion, gap)

{other_body}
"""
# each reviewer's other remark, elsewhere: what makes a word of the two findings rare or common
OTHERS = {
    "claude": dict(
        other="`build_iso` leaves the staging folder behind",
        other_place="tools/build_iso.py:30-41",
        other_body="The temporary folder is never removed when `mkisofs` fails.",
    ),
    "gemini": dict(
        other="Time zone fixed to UTC",
        other_place="setup/regional.xml:7",
        other_body="The `TimeZone` element ignores the host's zone; take it from the settings.",
    ),
}

ACCOUNT_NAME = _REVIEW.format(
    **OTHERS["claude"],
    title="Local account name hardcoded `builder`",
    lines="40-58",
    body=(
        '```xml\n<LocalAccount wcm:action="add">\n  <Name>builder</Name>\n'
        "  <DisplayName>builder</DisplayName>\n```\n\n"
        "The guest user is always called builder: the name is written in the `LocalAccount` "
        "entry under `UserAccounts`, as its `DisplayName` too, and again in the `AutoLogon` "
        "block, so the `user.name` setting that Linux guests "
        "respect is ignored here. The release notes recommend logging in as a different user, "
        "which suggests the template was tested by hand with another name."
    ),
)
EMPTY_PASSWORD = _REVIEW.format(
    **OTHERS["gemini"],
    title="Empty password created for the user",
    lines="41-42",
    body=(
        "The `LocalAccount` entry under `UserAccounts` (its `DisplayName` too) is given an "
        "empty password so that `AutoLogon` can sign in at the console. SSH daemons refuse "
        "empty passwords by default and domain "
        "policies often forbid them for network logons; since access is by key anyway this "
        "is acceptable, but the guide should say the account has no password."
    ),
)


def _credited(tmp: Path, alpha: str, bravo: str) -> list[list[str]]:
    a, b = tmp / "review-claude-pass-1.md", tmp / "review-gemini-pass-1.md"
    a.write_text(alpha, encoding="utf-8")
    b.write_text(bravo, encoding="utf-8")
    res = run_cli(["consolidate", str(a), str(b), "--format", "json"], cwd=tmp, env=cli_env(tmp))
    assert res.returncode == 0, res.stderr
    return sorted(sorted(f["reviewers"]) for f in json.loads(res.stdout)["findings"])


def test_a_code_name_both_mention_is_not_a_claim_both_make(tmp_path: Path) -> None:
    got = _credited(tmp_path, ACCOUNT_NAME, EMPTY_PASSWORD)
    # each reviewer's other remark stands alone either way
    assert got == [["Claude"], ["Claude"], ["Gemini"], ["Gemini"]], got


def test_the_same_empty_password_in_other_words_is_one(tmp_path: Path) -> None:
    other_words = _REVIEW.format(
        **OTHERS["claude"],
        title="Guest account has no password",
        lines="40-58",
        body=(
            '```xml\n<LocalAccount wcm:action="add">\n  <Name>builder</Name>\n```\n\n'
            "The `LocalAccount` block sets an empty password so that `AutoLogon` can sign in. "
            "SSH daemons refuse empty passwords by default; the guide should say the account "
            "has no password, since access is by key anyway."
        ),
    )
    got = _credited(tmp_path, other_words, EMPTY_PASSWORD)
    assert got == [["Claude"], ["Claude", "Gemini"], ["Gemini"]], got
