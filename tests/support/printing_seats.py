"""Command seats that print a canned review: the fastest way to put a given text through the
real `deep-review review` (parser, consolidation, verdict) as if a seat wrote it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from support.repos import cli_env, commit_all, make_repo, run_cli, write

# A complete review in our own format that finds nothing.
NO_FINDINGS = (
    "## Executive Summary\n\nSmall helper functions; nothing wrong with them.\n\n"
    "## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\nNone.\n\n"
    "### Suggestions\n\nNone.\n"
)


def printing_seats(tmp: Path, seats: dict[str, str]) -> None:
    """One `command` seat per name in `tmp/user-config.toml` (the file `cli_env(tmp)` points
    DEEP_REVIEW_CONFIG at), printing the given text (read from a file)."""
    lines = []
    for name, text in seats.items():
        out = tmp / f"{name}.out"
        out.write_text(text, encoding="utf-8")
        argv = ["sh", "-c", f"cat >/dev/null; cat '{out}'"]
        lines.append(f"[seats.{name}]\nargv = {json.dumps(argv)}\n")
    (tmp / "user-config.toml").write_text("\n".join(lines), encoding="utf-8")


def review_printed(tmp: Path, seats: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    """`deep-review review --lead none --json` of the demo repository with `seats` printing
    their texts: (the command's result, its JSON output, the stored report's JSON or {})."""
    printing_seats(tmp, seats)
    repo = make_repo(tmp)
    res = run_cli(
        ["review", "--agents", ",".join(seats), "--lead", "none", "--json", *args],
        cwd=repo,
        env=cli_env(tmp),
    )
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text()) if out["paths"].get("json") else {}
    return res, out, report


def stored_report(tmp: Path, repo: Path, seats: Sequence[str]) -> dict[str, Any]:
    """`deep-review review --lead none --json` of `repo` with the seats configured in
    `tmp/user-config.toml`, every seat ok: the stored report's JSON."""
    res = run_cli(
        ["review", "--agents", ",".join(seats), "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp),
    )
    data: dict[str, Any] = res.json()
    assert {s["status"] for s in data["seats"]} == {"ok"}, res.stderr[-2000:]
    report: dict[str, Any] = json.loads(Path(data["paths"]["json"]).read_text(encoding="utf-8"))
    return report


def findings_of_change(
    tmp: Path, files: dict[str, str], seats: dict[str, str], *, static: bool = False
) -> list[dict[str, Any]]:
    """The stored report's findings for a change adding `files` to the demo repository,
    reviewed by `seats` printing their texts (and the static seat)."""
    repo = make_repo(tmp)
    for path, text in files.items():
        write(repo, path, text)
    commit_all(repo, "Add " + ", ".join(files))
    printing_seats(tmp, seats)
    names = [*seats, "static"] if static else list(seats)
    found: list[dict[str, Any]] = stored_report(tmp, repo, names)["findings"]
    return found


def assert_seat_fails(tmp: Path, text: str, reason: str) -> None:
    """One seat printing `text`: it fails with `reason` (never a clean review), and with no
    other seat the review exits 3, whatever `--fail-on` asks."""
    res, out, _ = review_printed(tmp, {"alpha": text}, "--fail-on", "important")
    seat = out["seats"][0]
    assert (seat["status"], seat["reason"]) == ("failed", reason), out["seats"]
    assert res.returncode == 3, (res.stdout, res.stderr)


def one_seat_verdict(tmp: Path, text: str) -> tuple[str, str, str]:
    """A review by one seat, `chat`, printing `text` (no lead), in a fresh repository: the
    seat's status and the report's verdict label and reason."""
    repo = make_repo(tmp)
    printing_seats(tmp, {"chat": text})
    res = run_cli(
        ["review", "--agents", "chat", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp)
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    verdict = json.loads(Path(out["paths"]["json"]).read_text())["header"]["verdict"]
    return out["seats"][0]["status"], verdict["label"], verdict["reason"]


def one_stored_review(tmp: Path, text: str) -> tuple[Path, dict[str, str], str]:
    """A review of a fresh repository by one seat, `canned`, printing `text` (no lead), stored:
    (the repository, the environment the command ran with, the review's ID)."""
    repo = make_repo(tmp)
    env = cli_env(tmp)
    printing_seats(tmp, {"canned": text})
    res = run_cli(["review", "--agents", "canned", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return repo, env, res.json()["review_id"]
