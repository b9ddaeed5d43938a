"""Through the real `deep-review review --lead none`: a remark on a whole section of a page
and another over most of that section, with nothing else alike, are two problems: a range as
long as a section is where both looked (`score_caps._a_section_wide`), as one line is. Test gaps are
the exception: a missing test is placed on the whole suite by one reviewer and on one example by
another (see `tests/consolidate/test_test_gap_suite_range_cli.py`).
"""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import findings_of_change

PAGE = "".join(
    f"{line}\n"
    for line in [
        "# Syncing notes",  # 1
        "",  # 2
        "Notes sync to the server every five minutes.",  # 3
        "",  # 4
        "## Conflicts",  # 5
        "",  # 6
        "When the same note changed on two devices, the newer edit wins and",  # 7
        "the older one is kept as a copy named `note (conflict).md`.",  # 8
        "",  # 9
        "## Offline",  # 10
        "",  # 11
        "Edits made offline are queued and sent, oldest first, on reconnect.",  # 12
        "The queue survives a restart of the app.",  # 13
        "",  # 14
        "## Attachments",  # 15
        "",  # 16
        "Attachments up to 50 MB are synced; larger files stay on the device.",  # 17
    ]
)


def review_text(fid: str, title: str, place: str, body: str) -> str:
    """One Important finding in the headed style of a model's review."""
    return (
        "## Findings\n\n### Important Issues\n\n"
        f"#### {fid}. {title}\n\n**File:** `{place}`\n\n{body}\n"
    )


LONG_PAGE = PAGE + "".join(
    f"Attachment rule {n}: files of type {n} sync as they are.\n" for n in range(18, 40)
)


def test_a_remark_on_a_whole_section_does_not_join_one_on_a_sentence_of_it(
    tmp_path: Path,
) -> None:
    # "move the attachment rules to their own page" over the whole section (15-39) and "the
    # rules contradict the server's list" over most of it (18-39): the section is where, not
    # what, and nothing else in the two is alike
    got = sorted(
        sorted(f["reviewers"])
        for f in findings_of_change(
            tmp_path,
            {"docs/sync.md": LONG_PAGE},
            {
                "alpha": review_text(
                    "I1",
                    "Per-type rules disagree with the server's list",
                    "docs/sync.md:18-39",
                    "Half of these types are rejected on upload since the server's allow-list "
                    "changed; readers following the table lose their files.",
                ),
                "bravo": review_text(
                    "I1",
                    "Split the attachment rules into a page of their own",
                    "docs/sync.md:15-39",
                    "Twenty-odd rules in a row bury the sync overview; readers looking for "
                    "how notes merge scroll past all of them.",
                ),
            },
        )
    )
    assert got == [["Alpha"], ["Bravo"]], got
