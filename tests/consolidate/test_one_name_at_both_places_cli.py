"""Through the real `deep-review review --lead none`: a setting is declared in one file and read
in another, and two seats each stand at one end: one at the declaration ("`session_ttl` is
written in minutes but read as seconds"), the other at the line that reads it ("`session_ttl`
taken as seconds: sessions end after 30 s"). The name both give is on both lines, the titles say
the same beyond it, the grades agree: the declaration and the use are one place for that
problem (`named_sites`). Two seats at the same two lines naming the same setting for different
things ("`session_ttl` is too long for an admin console" / the seconds) stay two.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.printing_seats import findings_of_change

SETTINGS = (
    "# how long a signed-in session lasts\n"  # 1
    "session_ttl: 30\n"  # 2
    "cookie_name: sid\n"  # 3
)
SESSIONS = (
    "import time\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def open_session(store, user, settings):\n"  # 4
    "    expires = time.time() + settings['session_ttl']\n"  # 5
    "    store.put(user.id, expires)\n"  # 6
    "    return expires\n"  # 7
)
AT_THE_USE = (
    "- [P2] app/sessions.py:5 — `session_ttl` taken as seconds: the setting holds minutes, so"
    " every session ends after thirty seconds and users are signed out mid-task.\n"
)
SAME_UNIT_PROBLEM = (
    "## Findings\n\n### Important Issues\n\n#### I1. `session_ttl` is written in minutes but"
    " taken as seconds\n\n**File:** `conf/app.yaml:2`\n\nThe comment and the value mean thirty"
    " minutes; the code that opens a session adds the number to a time in seconds.\n"
)
OTHER_PROBLEM = (
    "## Findings\n\n### Important Issues\n\n#### I1. `session_ttl` too long for an admin"
    " console\n\n**File:** `conf/app.yaml:2`\n\nHalf an hour of idle access to the admin pages"
    " is more than the security policy allows; ten minutes is the usual ceiling there.\n"
)


def _credited(tmp: Path, **seats: str) -> list[list[str]]:
    found: list[dict[str, Any]] = findings_of_change(
        tmp, {"conf/app.yaml": SETTINGS, "app/sessions.py": SESSIONS}, seats
    )
    return sorted(sorted(f["reviewers"]) for f in found)


def test_one_setting_told_at_its_declaration_and_its_use_is_one(tmp_path: Path) -> None:
    got = _credited(tmp_path, alpha=SAME_UNIT_PROBLEM, bravo=AT_THE_USE)
    assert got == [["Alpha", "Bravo"]], got


def test_the_same_setting_named_for_another_problem_stays_apart(tmp_path: Path) -> None:
    got = _credited(tmp_path, alpha=OTHER_PROBLEM, bravo=AT_THE_USE)
    assert got == [["Alpha"], ["Bravo"]], got
