"""A complete review whose report files are gone or empty (deleted or truncated by hand, a store
copied half-way): its index row and run.json still say complete. Through the real
`deep-review` command: `list` (table and `--json`) and `index.html` show it as `files missing`
and link no file that is not there, `show` and `open` refuse it with one line naming `relead`
and `delete` (exit 2, no traceback), and `relead` writes the files again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import CliResult, run_cli
from support.rounds import ROUND1, alpha_seat, make_branch_repo
from support.shared_store import keep, put_back

SUFFIXES = (".json", ".md", ".html")
Stored = tuple[Fakes, Path, str]  # the module's review: its fakes, repository and ID


def _cli(fakes: Fakes, repo: Path, *args: str) -> CliResult:
    return run_cli(list(args), cwd=repo, env={**fakes.env(), "BROWSER": "false"})


@pytest.fixture(scope="module")
def _one_review(tmp_path_factory: pytest.TempPathFactory) -> tuple[Fakes, Path, str, Path]:
    """A complete review stored in the default formats (md, json, html), made once per module
    (and worker): every test here only damages its store, which `stored` puts back first."""
    tmp = tmp_path_factory.mktemp("stored")
    fakes = Fakes(tmp)
    repo = make_branch_repo(tmp)
    fakes.write_config(alpha_seat(fakes, ROUND1))
    res = fakes.review(repo, "--agents", "alpha")
    assert res.returncode == 0, res.stderr
    rid: str = res.json()["review_id"]
    for suffix in SUFFIXES:
        assert (fakes.store / f"{rid}{suffix}").is_file()
    return fakes, repo, rid, keep(fakes.store)


@pytest.fixture
def stored(_one_review: tuple[Fakes, Path, str, Path]) -> Stored:
    """The module's review with its store as the review left it (`support.shared_store`)."""
    fakes, repo, rid, kept = _one_review
    put_back(kept, fakes.store)
    return fakes, repo, rid


def _damage(fakes: Fakes, rid: str, gone: str) -> list[str]:
    """Delete (or empty, `empty.md`; cut at half its bytes, `cut.json`, `cut.md`, `cut.html`;
    edited to the same size, `edited.md`, `edited.html`) the report files `gone` names; the
    names damaged."""
    if gone == "empty.md":
        (fakes.store / f"{rid}.md").write_bytes(b"")
        return [f"{rid}.md"]
    if gone.startswith("cut."):
        record = fakes.store / f"{rid}.{gone[4:]}"
        data = record.read_bytes()
        record.write_bytes(data[: len(data) // 2])
        return [record.name]
    if gone.startswith("edited."):
        page = fakes.store / f"{rid}.{gone[7:]}"
        data = page.read_bytes()
        assert b"Division by zero" in data
        page.write_bytes(data.replace(b"Division by zero", b"Division by Zero", 1))
        return [page.name]
    names = [f"{rid}{s}" for s in (SUFFIXES if gone == "all" else (gone,))]
    for name in names:
        (fakes.store / name).unlink()
    return names


CASES = [".md", ".json", ".html", "all", "empty.md", "cut.json", "cut.md", "edited.html"]
# why each damaged file is not whole, as `list --json` says it
PROBLEM = {
    "empty.md": "empty",
    "cut.json": "cut short",
    "cut.md": "cut short",
    "cut.html": "cut short",
    "edited.md": "edited",
    "edited.html": "edited",
}


@pytest.mark.parametrize("gone", CASES)
def test_list_and_index_say_files_missing(stored: Stored, gone: str) -> None:
    fakes, repo, rid = stored
    names = _damage(fakes, rid, gone)
    listed = _cli(fakes, repo, "list")
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr, listed.stderr
    row = next(ln for ln in listed.stdout.splitlines() if rid in ln)
    assert "files missing" in row, listed.stdout
    as_json = _cli(fakes, repo, "list", "--json")
    assert as_json.returncode == 0, as_json.stderr
    (entry,) = [r for r in as_json.json()["reviews"] if r["id"] == rid]
    assert entry["status"] == "files missing", entry
    assert entry["missing_files"] == sorted(names), entry
    why = PROBLEM.get(gone, "missing")
    assert entry["file_problems"] == dict.fromkeys(names, why), entry
    # the reason and the way out, on stderr (and in `--json`'s notes)
    (note,) = [ln for ln in listed.stderr.splitlines() if rid in ln]
    assert note.startswith(f"note: review {rid} is complete but"), note
    assert f"{names[0]} ({why})" in note, note
    mend = f"`deep-review relead {rid} --lead none`"  # made with no lead: kept so
    assert mend in note and f"`deep-review delete {rid}`" in note, note
    assert any(f"{names[0]} ({why})" in n for n in as_json.json()["notes"]), as_json.stdout
    page = (fakes.store / "index.html").read_text(encoding="utf-8")
    cell = page.split(f'data-review-id="{rid}"', 1)[1].split("</tr>", 1)[0]
    assert "files missing" in cell, cell
    # the reason too, as `list` says it
    assert f"{names[0]} ({why})" in cell, cell
    assert f"deep-review relead {rid}" in cell, cell
    for name in names:
        assert f'href="{name}"' not in cell, cell


def test_index_follows_the_reason(stored: Stored) -> None:
    """index.html says why each file is not whole, and is written again when the reason
    changes (a file cut short, then deleted)."""
    fakes, repo, rid = stored
    _damage(fakes, rid, "cut.json")
    assert _cli(fakes, repo, "list").returncode == 0
    page = (fakes.store / "index.html").read_text(encoding="utf-8")
    assert f"{rid}.json (cut short)" in page, page
    _damage(fakes, rid, ".json")
    assert _cli(fakes, repo, "list").returncode == 0
    page = (fakes.store / "index.html").read_text(encoding="utf-8")
    assert f"{rid}.json (missing)" in page and "(cut short)" not in page, page


@pytest.mark.parametrize("gone", CASES)
@pytest.mark.parametrize("command", [["show"], ["show", "--format", "json"], ["open"]])
def test_show_and_open_refuse_with_one_line(stored: Stored, gone: str, command: list[str]) -> None:
    fakes, repo, rid = stored
    names = _damage(fakes, rid, gone)
    res = _cli(fakes, repo, command[0], rid, *command[1:])
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert f"review {rid}" in lines[0], lines[0]
    assert f"{names[0]} ({PROBLEM.get(gone, 'missing')})" in lines[0], lines[0]
    assert f"deep-review relead {rid}" in lines[0], lines[0]
    assert f"deep-review delete {rid}" in lines[0], lines[0]
    assert "Division by zero" not in res.stdout


@pytest.mark.parametrize("gone", ["all", "cut.json"])
def test_relead_writes_them_again(stored: Stored, gone: str) -> None:
    fakes, repo, rid = stored
    _damage(fakes, rid, gone)
    res = run_cli(["relead", rid, "--lead", "none"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, (res.stdout, res.stderr)
    shown = _cli(fakes, repo, "show", rid)
    assert shown.returncode == 0, shown.stderr
    assert "Division by zero" in shown.stdout
    listed = _cli(fakes, repo, "list", "--json")
    (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
    assert entry["status"] == "complete", entry
    page = (fakes.store / "index.html").read_text(encoding="utf-8")
    assert "files missing" not in page


@pytest.mark.parametrize("gone", ["cut.html", "edited.md"])
def test_list_tells_a_readable_file_cut_or_edited(stored: Stored, gone: str) -> None:
    """A `.md` or `.html` cut short or edited (even to the same size) is told by what the
    review recorded of each file when it wrote it (run.json's `report_files`)."""
    fakes, repo, rid = stored
    (name,) = _damage(fakes, rid, gone)
    listed = _cli(fakes, repo, "list", "--json")
    (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
    assert (entry["status"], entry["file_problems"]) == (
        "files missing",
        {name: PROBLEM[gone]},
    ), entry


def test_a_store_from_before_the_record_still_lists(stored: Stored) -> None:
    """A run.json written before `report_files` was kept: a whole review lists complete, and
    a `.md` cut short there is not told (its end says nothing certain), as before."""
    fakes, repo, rid = stored
    run_json = fakes.store / rid / "run.json"
    data = json.loads(run_json.read_text(encoding="utf-8"))
    assert data.pop("report_files"), data
    run_json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    for damage in ((), ("cut.md",)):
        for gone in damage:
            _damage(fakes, rid, gone)
        listed = _cli(fakes, repo, "list", "--json")
        assert listed.returncode == 0, listed.stderr
        (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
        assert (entry["status"], entry["missing_files"]) == ("complete", []), entry
        assert _cli(fakes, repo, "show", rid).returncode == 0


def test_a_whole_review_lists_no_missing_files(stored: Stored) -> None:
    fakes, repo, rid = stored
    listed = _cli(fakes, repo, "list", "--json")
    (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
    assert entry["status"] == "complete", entry
    assert entry["missing_files"] == [], entry
    shown = _cli(fakes, repo, "show", rid, "--format", "sarif")  # never stored: rendered
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["version"] == "2.1.0"


def test_a_format_the_review_did_not_store_is_not_missing(tmp_path: Path) -> None:
    """`--format md` stores no HTML: that is no missing file (run.json lists what was written),
    but its Markdown deleted is."""
    fakes, repo, first = first_round(tmp_path)
    rid: str = first["review_id"]  # --format md: md and json
    assert not (fakes.store / f"{rid}.html").exists()
    listed = _cli(fakes, repo, "list", "--json")
    (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
    assert (entry["status"], entry["missing_files"]) == ("complete", []), entry
    assert _cli(fakes, repo, "open", rid).returncode == 0  # rendered from the JSON record
    (fakes.store / f"{rid}.md").unlink()
    listed = _cli(fakes, repo, "list", "--json")
    (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
    assert (entry["status"], entry["missing_files"]) == ("files missing", [f"{rid}.md"]), entry


@pytest.mark.parametrize("gone", [".json", "cut.json"])
def test_decline_names_relead_not_resume(stored: Stored, gone: str) -> None:
    """What else reads the JSON record of a complete review says the same, not `resume`
    (which has nothing left to do on a complete review) nor "re-run the review"."""
    fakes, repo, rid = stored
    _damage(fakes, rid, gone)
    res = _cli(fakes, repo, "decline", rid, "I1", "--reason", "by design: fine")
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    assert f"deep-review relead {rid}" in res.stderr, res.stderr
    assert "resume" not in res.stderr and "re-run" not in res.stderr, res.stderr


def test_a_review_that_stored_sarif_misses_it_alone(tmp_path: Path) -> None:
    """`--format sarif` stores SARIF beside the JSON record and the readable formats: that
    file deleted alone (or cut short) makes the review `files missing` as any other would;
    one that never stored SARIF misses none (above)."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.write_config(alpha_seat(fakes, ROUND1))
    res = fakes.review(repo, "--agents", "alpha", "--format", "sarif")
    assert res.returncode == 0, res.stderr
    rid: str = res.json()["review_id"]
    sarif = fakes.store / f"{rid}.sarif"
    assert sarif.is_file()
    listed = _cli(fakes, repo, "list", "--json")
    (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
    assert (entry["status"], entry["missing_files"]) == ("complete", []), entry
    whole = sarif.read_bytes()
    for damage, why in ((b"", "missing"), (whole[: len(whole) // 2], "cut short")):
        if damage:
            sarif.write_bytes(damage)
        else:
            sarif.unlink()
        listed = _cli(fakes, repo, "list", "--json")
        (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
        assert entry["status"] == "files missing", entry
        assert entry["file_problems"] == {f"{rid}.sarif": why}, entry
        table = _cli(fakes, repo, "list")
        row = next(ln for ln in table.stdout.splitlines() if rid in ln)
        assert "files missing" in row, table.stdout
        shown = _cli(fakes, repo, "show", rid, "--format", "sarif")
        assert shown.returncode == 2, (shown.stdout, shown.stderr)
        assert f"{rid}.sarif ({why})" in shown.stderr, shown.stderr


def test_a_record_written_otherwise_but_whole_is_not_cut_short(stored: Stored) -> None:
    """The cheap check (the record ends as deep-review writes it) is only a first look: a
    whole JSON record written another way (compact, by a script) is read before it is called
    cut short."""
    fakes, repo, rid = stored
    record = fakes.store / f"{rid}.json"
    record.write_text(json.dumps(json.loads(record.read_text(encoding="utf-8"))), "utf-8")
    listed = _cli(fakes, repo, "list", "--json")
    (entry,) = [r for r in listed.json()["reviews"] if r["id"] == rid]
    assert (entry["status"], entry["missing_files"]) == ("complete", []), entry
    shown = _cli(fakes, repo, "show", rid)
    assert shown.returncode == 0, shown.stderr
