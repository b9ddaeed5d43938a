"""`undecline` after a relead renumbered a review's findings: a decline is recorded under the
finding's ID but belongs to the finding (its fingerprint), and IDs move between report versions."""

from __future__ import annotations

import json
import os
from pathlib import Path

from lead_kit import ANSWER, answer, fenced, install_fake_claude, write_config

from support.repos import CliResult, cli_env, make_repo, run_cli

AGENTS = ["--agents", "alpha,bravo,charlie"]
LEAD_S2 = "`shout` changes the length of strings containing `ß`"  # the lead's added finding
SEAT_S2 = "The new string helper ships without tests"  # charlie's S1, unmerged without a lead


class Setup:
    def __init__(self, tmp: Path, *later_leads: str) -> None:
        self.repo = make_repo(tmp)
        write_config(tmp / "user-config.toml")
        answers = [fenced(ANSWER), *later_leads]
        install_fake_claude(tmp / "bin", answers, log_dir=tmp / "lead-log")
        self.env = cli_env(tmp, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
        self.env["PATH"] = f"{tmp / 'bin'}{os.pathsep}{self.env['PATH']}"

    def run(self, *args: str) -> CliResult:
        return run_cli(list(args), cwd=self.repo, env=self.env)

    def ok(self, *args: str) -> str:
        res = self.run(*args)
        assert res.returncode == 0, res.stderr
        return res.stdout

    def two_declines_recorded_as_s2(self) -> str:
        """A review whose S2 was declined, releaded (S2 is another finding now), and whose new
        S2 was declined too: two declines recorded from one review as S2."""
        rid: str = json.loads(self.ok("review", *AGENTS, "--lead", "claude", "--json"))["review_id"]
        self.ok("decline", rid, "S2", "--reason", "by design: the lead's finding")
        self.ok("relead", rid, "--lead", "none", "--force")
        self.ok("decline", rid, "S2", "--reason", "by design: the seat's finding")
        return rid

    def declined_titles(self) -> list[str]:
        return [d["title"] for d in json.loads(self.ok("declines", "--json"))["declines"]]


def test_undecline_removes_the_decline_of_the_finding_the_id_names_now(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    rid = s.two_declines_recorded_as_s2()
    # `declines` tells the two apart: the older one's S2 is no finding of the report any more
    listed = s.ok("declines").splitlines()
    assert f"{rid} S2 (no longer in its report)  util/strings.py:2  {LEAD_S2}" in listed[0]
    assert f"{rid} S2  util/strings.py  {SEAT_S2}" in listed[1]
    data = json.loads(s.ok("declines", "--json"))["declines"]
    assert [d["current_finding_id"] for d in data] == [None, "S2"]

    out = s.ok("undecline", rid, "S2")
    assert out.strip() == f"Removed the decline of S2 ({SEAT_S2}) from {rid}."
    assert s.declined_titles() == [LEAD_S2]
    # the one left is the only decline recorded as S2: naming it removes it
    out = s.ok("undecline", rid, "s2")
    assert out.strip() == f"Removed the decline of S2 ({LEAD_S2}) from {rid}."
    assert s.declined_titles() == []


def test_undecline_refuses_when_the_id_names_none_of_its_declines_now(tmp_path: Path) -> None:
    s = Setup(tmp_path, fenced(answer(added_findings=[])))
    rid = s.two_declines_recorded_as_s2()
    # a second lead adds no finding of its own: S2 is the README finding, declined under no ID
    s.ok("relead", rid, "--lead", "claude", "--force")
    res = s.run("undecline", rid, "S2")
    assert res.returncode == 2
    fps = [d["fingerprint"] for d in json.loads(s.ok("declines", "--json"))["declines"]]
    assert res.stderr == (
        f"deep-review: error: 2 declines of review {rid} were recorded as S2 (a relead "
        f"renumbered its findings): {fps[0]}: {LEAD_S2} (util/strings.py:2); {fps[1]}: "
        f"{SEAT_S2} (util/strings.py); name one by its fingerprint: `deep-review undecline "
        f"{rid} {fps[0]}`\n"
    )
    assert len(s.declined_titles()) == 2  # nothing removed

    out = s.ok("undecline", rid, fps[1])
    assert out.strip() == f"Removed the decline of S2 ({SEAT_S2}) from {rid}."
    assert s.declined_titles() == [LEAD_S2]
