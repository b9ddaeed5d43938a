"""Through the real `deep-review consolidate`: which reviewers' notes credit them (notes.py).
A Documentation Assessment note credits a finding about a comment in a test script (`.bats`)
and a finding whose text it quotes though the titles share no word; an "Optional:" testing note
credits nobody."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

_EMPTY = """## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

{suggestions}

## Documentation Assessment

{documentation}
"""

SCRIPT_COMMENT = """S1. **`boot.bats` still blames the image download for the long wait**\
 — `tests/boot.bats:40-43` (suggestion, gap)

```bash
    # The image (~300 MB) is downloaded and unpacked here; slow runners
    # need up to ten minutes, so the timeout stays generous.
```

The image ships inside the binary now; nothing is downloaded at this step.

Fix: say what the wait is for, and measure the timeout again."""

SCRIPT_NOTE = (
    "The README is right about the build. However, `tests/boot.bats:40-43` still says the"
    " image is downloaded before the VM starts; it is embedded now, so the comment misleads."
)

DOC_TYPO = """S1. **Spelling mistakes in the settings guide** — `docs/settings.md:12`\
 (suggestion, gap)

```markdown
  Allowed valuess: on, off
```

Fix: correct the spelling."""

DOC_NOTE = "`docs/settings.md:12` says “Allowed valuess”; it should say “Allowed values”."
OTHER_NOTE = "`docs/settings.md:12` says “enabled”; the flag is `on` or `off`."


def _run(  # type: ignore[no-untyped-def]
    tmp_path: Path,
    first: tuple[str, str],
    second: tuple[str, str],
    fmt: str = "json",
    names: tuple[Path, Path] | None = None,
):
    """`consolidate` of two reviews (Claude's and then Codex's unless `names` says), each our
    template with these (suggestions, rest after the Documentation heading) filled in."""
    a, b = names or (tmp_path / "review-claude-pass-1.md", tmp_path / "review-codex-pass-1.md")
    for path, (suggestions, documentation) in ((a, first), (b, second)):
        path.write_text(_EMPTY.format(suggestions=suggestions, documentation=documentation))
    res = run_cli(
        ["consolidate", str(a), str(b), "--format", fmt], cwd=tmp_path, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    return res


def _consolidate(tmp_path: Path, suggestion: str, note: str) -> dict:  # type: ignore[type-arg]
    out: dict = json.loads(_run(tmp_path, (suggestion, "None."), ("None.", note)).stdout)  # type: ignore[type-arg]
    return out


def test_a_note_on_a_test_scripts_comment_credits_its_reviewer(tmp_path: Path) -> None:
    """`.bats` is a file, and a finding quoting only comment lines is about a comment."""
    [finding] = _consolidate(tmp_path, SCRIPT_COMMENT, SCRIPT_NOTE)["findings"]
    assert finding["reviewers"] == ["Claude", "Codex"]
    note = finding["sources"][-1]
    assert (note["finding_id"], note["kind"]) == ("Documentation Assessment", "note")
    assert note["locations"][0]["path"] == "tests/boot.bats"


def test_a_note_quoting_the_findings_text_credits_its_reviewer(tmp_path: Path) -> None:
    [finding] = _consolidate(tmp_path, DOC_TYPO, DOC_NOTE)["findings"]
    assert finding["reviewers"] == ["Claude", "Codex"]
    assert "Allowed valuess" in finding["sources"][-1]["title"]


def test_a_note_quoting_other_words_credits_nobody(tmp_path: Path) -> None:
    [finding] = _consolidate(tmp_path, DOC_TYPO, OTHER_NOTE)["findings"]
    assert finding["reviewers"] == ["Claude"]


TEST_GAP = """S1. **No test runs `loadProxy` with `strict` off** — `pkg/env/proxy_test.go:30`\
 (suggestion, gap)

The warning `loadProxy` prints when `strict` is off has no test.

Fix: add one."""


def _testing(tmp_path: Path, note: str) -> dict:  # type: ignore[type-arg]
    testing = f"None.\n\n## Testing Assessment\n\n{note}"
    out: dict = json.loads(_run(tmp_path, (TEST_GAP, "None."), ("None.", testing)).stdout)  # type: ignore[type-arg]
    return out


def test_a_testing_note_marked_optional_credits_nobody(tmp_path: Path) -> None:
    """The reviewer weighed that test and chose not to ask for it: no sighting of the gap."""
    gap = "the `loadProxy` warning with `strict` off (`pkg/env/proxy_test.go:30`)."
    [required] = _testing(tmp_path, f"- **Required:** {gap}")["findings"]
    assert required["reviewers"] == ["Claude", "Codex"]
    [optional] = _testing(tmp_path, f"- **Optional:** {gap}")["findings"]
    assert optional["reviewers"] == ["Claude"]


SYMLINK = """I1. **Login file symlinks make the managed block flap** — `pkg/shell/login.go:68-70`\
 (important, regression)

`addBlock` writes through the symlink and `cleanup` then removes the target as unknown.

Fix: resolve the symlink first."""


def _design(tmp_path: Path, concern: str) -> dict:  # type: ignore[type-arg]
    design = f"None.\n\n## Design Observations\n\n**Concerns**\n\n- {concern}"
    a, b = tmp_path / "review-gemini-pass-1.md", tmp_path / "review-claude-pass-1.md"
    out: dict = json.loads(
        _run(tmp_path, (SYMLINK, "None."), ("None.", design), names=(a, b)).stdout
    )  # type: ignore[type-arg]
    return out


def test_a_note_beside_a_findings_lines_needs_more_than_one_shared_word(tmp_path: Path) -> None:
    """Two lines below a finding, a concern sharing only the word "login" is another issue; one
    on its very lines, or sharing two of its title words, is the same one seen again."""
    other = "Creating a login profile where none existed changes which file the shell reads"
    [beside] = _design(tmp_path, f"{other} (`pkg/shell/login.go:73-78`).")["findings"]
    assert beside["reviewers"] == ["Gemini"]
    [on_it] = _design(tmp_path, f"{other} (`pkg/shell/login.go:69`).")["findings"]
    assert on_it["reviewers"] == ["Gemini", "Claude"]
    same = "A login file that is a symlink loses the block again (`pkg/shell/login.go:73`)."
    [near] = _design(tmp_path, same)["findings"]
    assert near["reviewers"] == ["Gemini", "Claude"]


ROLL_UP = """S1. **Descriptions of the webhook lag behind the change** — `docs/webhooks.md:40-44`\
 (suggestion, gap)

The design doc, two comments and an error message still describe the first version:

- `docs/webhooks.md:40-44` says it runs on create only.
- **Registration.** `pkg/hooks/controller.go:73-74` says the webhook enforces naming "on create".
- `pkg/hooks/types.go:27` presents the name rule as the validator's only check.
- `pkg/hooks/errors.go:12` tells the user to rename the object, which cannot help.

Fix: describe create and update."""

STALE_COMMENT = """S1. **`setupWebhook` doc comment omits update requests**\
 — `pkg/hooks/controller.go:73-74` (suggestion, gap)

```go
// setupWebhook registers a validating webhook that enforces naming on create.
```

Since this change the `setupWebhook` registration also covers update requests.

Fix: mention update."""


def _two(tmp_path: Path, claude: str, codex: str) -> dict:  # type: ignore[type-arg]
    out: dict = json.loads(_run(tmp_path, (claude, "None."), (codex, "None.")).stdout)  # type: ignore[type-arg]
    return out


def test_a_findings_list_of_places_credits_it_where_another_finding_sits(tmp_path: Path) -> None:
    """Claude lists three stale places as one finding; Codex raised one of them on its own. Both
    saw that comment: Codex's finding credits Claude too, through the list item, shown as such;
    Claude's own finding and the counts stay as they are."""
    findings = _two(tmp_path, ROLL_UP, STALE_COMMENT)["findings"]
    by_place = {f["locations"][0]["path"]: f for f in findings}
    assert set(by_place) == {"docs/webhooks.md", "pkg/hooks/controller.go"}
    stale = by_place["pkg/hooks/controller.go"]
    assert stale["reviewers"] == ["Claude", "Codex"]
    item = stale["sources"][-1]
    assert (item["reviewer"], item["finding_id"], item["kind"]) == ("Claude", "S1 item", "note")
    assert "Registration." in item["title"]
    assert by_place["docs/webhooks.md"]["reviewers"] == ["Claude"]


def test_a_single_place_in_a_findings_prose_credits_nobody(tmp_path: Path) -> None:
    """One place named in passing is the finding's reasoning, not a list of sightings."""
    prose = ROLL_UP.replace(
        "\n- `pkg/hooks/types.go:27` presents the name rule as the", ""
    ).replace(" validator's only check.\n", "")
    prose = prose.replace("- `docs/webhooks.md:40-44` says it runs on create only.\n", "")
    findings = _two(tmp_path, prose, STALE_COMMENT)["findings"]
    stale = next(f for f in findings if f["locations"][0]["path"] == "pkg/hooks/controller.go")
    assert stale["reviewers"] == ["Codex"]


def test_the_markdown_report_says_who_only_noted_a_finding(tmp_path: Path) -> None:
    """In Markdown the credit list alone would read as two reviewers raising it."""
    res = _run(tmp_path, (ROLL_UP, "None."), (STALE_COMMENT, "None."), fmt="md")
    assert res.stdout.count("*Also noted by Claude (S1 item).*") == 1
    # a note is no second report of it: no finding "came from more than one reviewer"
    assert "more than one reviewer" not in res.stdout
    stale = res.stdout.split("`setupWebhook` doc comment omits update requests", 1)[1]
    assert stale.index("*Also noted by Claude (S1 item).*") < stale.index("Fix: mention update.")
