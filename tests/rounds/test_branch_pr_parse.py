"""What `gh pr list --json number,url` and REST `pulls?head=` answer, read as one open PR."""

from __future__ import annotations

import pytest

from deepreview.errors import UsageError
from deepreview.github.branch_pr import BranchPr, parse_pr_list


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], None),
        (
            [{"number": 12, "url": "https://github.com/o/n/pull/12"}],
            BranchPr(12, "https://github.com/o/n/pull/12"),
        ),
        (
            [{"number": 3, "html_url": "https://github.com/o/n/pull/3", "state": "open"}],
            BranchPr(3, "https://github.com/o/n/pull/3"),
        ),
        ([{"number": "4"}, {"number": True}, {"number": 0}, "x", {"number": 5}], BranchPr(5)),
        ([{"number": 6, "url": ["not", "a", "url"]}], BranchPr(6)),
    ],
)
def test_the_first_well_formed_pr_wins(data: object, expected: BranchPr | None) -> None:
    assert parse_pr_list(data) == expected


@pytest.mark.parametrize("data", [{"number": 7}, "7", None])
def test_an_answer_that_is_no_list_is_one_error(data: object) -> None:
    with pytest.raises(UsageError, match="non-list"):
        parse_pr_list(data)
