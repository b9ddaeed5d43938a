"""A static seat that runs out of time keeps what its analyzers finished (trial45b defect 9).

detect-secrets got every changed file in one run and printed its answer at the end: one slow
file and the run timed out with nothing, so a secret in a small file beside it was neither
reported nor masked in the stored files. The worker now answers file by file (smallest first),
and a run cut off by the deadline keeps the files it finished; the seat is still a timeout.
"""

from __future__ import annotations

from deepreview.agents.static.agent import StaticAgent
from support.static_deadline import kill_secret_scan_after_first_file

_FIRST = "AKIAIOSFODNN7EXAMPLE"
# A shape only detect-secrets knows (no secret's name: the seat's own `assigned secrets` scan,
# which reads every file, does not claim it either).
_LATER = "AKIAZQ81KQ7MN2PL5VR9"


def test_a_secret_scan_cut_off_by_the_deadline_keeps_the_files_it_finished(
    repo, make_task, monkeypatch
) -> None:
    repo.write("README.md", "base\n")
    base = repo.commit("base")
    repo.write("keys.py", f'AWS_ACCESS_KEY_ID = "{_FIRST}"\n')
    repo.write("later.cfg", "# padding\n" * 200 + f'LATER_ID = "{_LATER}"\n')
    repo.commit("change")
    kill_secret_scan_after_first_file(monkeypatch)
    outcome = StaticAgent().run(make_task(repo, base))
    assert outcome.status == "timeout", outcome.reason
    assert _FIRST in outcome.secrets
    assert _LATER not in outcome.secrets  # not reached: not claimed either
    assert "detect-secrets failed (timed out" in outcome.review_text
    assert outcome.review is not None
    assert [loc.path for f in outcome.review.findings for loc in f.locations] == ["keys.py"]
    assert _FIRST not in outcome.review_text
