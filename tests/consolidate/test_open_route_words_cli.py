"""Through the real `deep-review consolidate --format json`: an action anyone may take, told by
one seat as the open route or function and by the other as the missing check, is one problem
(`consolidate/failure_access.py`, found on merge cases 66 and 75); a policy run while the user
is "still unauthenticated" is an order of steps, not an open route.

- "`POST /admin/reindex` is callable without a token" / "unauthenticated callers can start a
  full reindex" at one route: one.
- "Any account can redirect a shop's payouts" over the view / "nothing checks that the shop
  belongs to `request.user`" at its save: one.
- "the endpoint is public" at one route, and "the request user is still unauthenticated when
  the policy runs, because of the middleware order" ten lines above: two.
"""

from __future__ import annotations

from pathlib import Path

from support.consolidating import ONE, TWO, reviewer_sets
from support.consolidating import bullet_finding as _bullet
from support.consolidating import heading_finding as _heading


def test_a_route_callable_without_a_token_is_the_unauthenticated_call(tmp_path: Path) -> None:
    claude = _heading(
        "`POST /admin/reindex` is callable without a token",
        "The route is registered outside the `admin` group, so the guard that wraps the other "
        "admin routes never sees it. Move it into the group.",
        "service/http/routes.go:40",
    )
    codex = _bullet(
        "service/http/routes.go:40",
        "unauthenticated callers can start a full reindex, which pins the search cluster for "
        "an hour",
    )
    assert reviewer_sets(tmp_path, {"claude": claude, "codex": codex}) == ONE


def test_any_account_redirecting_payouts_is_the_missing_check(tmp_path: Path) -> None:
    claude = _heading(
        "Any account can redirect a shop's payouts",
        "The IBAN from the form is saved on whichever shop the URL names; a signed-in customer "
        "of another shop sends that shop's money to themselves.",
        "shops/views.py:58-63",
    )
    codex = _bullet(
        "shops/views.py:61",
        "nothing checks that the shop belongs to `request.user` before `shop.save()`",
    )
    assert reviewer_sets(tmp_path, {"claude": claude, "codex": codex}) == ONE


def test_still_unauthenticated_when_the_policy_runs_is_not_an_open_route(tmp_path: Path) -> None:
    claude = _heading(
        "The export endpoint is public",
        '`MapGet("/export")` has no `.RequireAuthorization()`, unlike every other route here.',
        "src/Api/Program.cs:34",
    )
    codex = _bullet(
        "src/Api/Program.cs:24",
        "the authorization policy runs while the request user is still unauthenticated, because "
        "the middleware order puts `UseAuthorization` first; valid callers get 401",
    )
    assert reviewer_sets(tmp_path, {"claude": claude, "codex": codex}) == TWO
