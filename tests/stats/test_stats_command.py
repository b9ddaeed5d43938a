"""`deep-review stats` and `review --panel auto` on a store filled by real `review` runs.

The store (see stats_kit): 6 reviews with the fake lead, then 1 with `--lead none`, all of the
same branch: rounds 1 to 7 of one series, each seat raising the same finding every round. A
finding a seat alone raises again after an earlier round reported it is no unique insight (it is
counted apart, re-raised). Hand count, per seat:

    truthful  7 reviews, raised 7 (7I); with a lead: 6 raised, 6 kept (survival 100%),
              6 downgraded (I→S by the lead); unique 1 (round 1's, verified), re-raised 6;
              no cost reported
    noisy     7 reviews, raised 7 (7C); with a lead: 6 raised, 0 kept (survival 0%),
              6 false positives; unique 1 (the review without a lead: the led rounds dropped
              its finding, so no round reported it before; 0 verified), re-raised 0
    pricey    7 reviews, raised 7 (7S); with a lead: 6 raised, 6 kept (survival 100%);
              unique 1 (1 verified), re-raised 6; $1.50 per review per its transcript (which
              also claims 600 s: `stats` counts the measured time, as the retro does), so
              $10.50 in all, $9.00 over the led reviews: $9.00 / 6 kept = $1.50 per surviving
              finding and $10.50 / 1 = $10.50 per unique insight
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import statistics
from pathlib import Path
from typing import Any

import pytest
from stats_kit import (
    LEAD_COST,
    PRICEY_COST,
    PRICEY_SECONDS,
    PRICEY_TOKENS,
    StoreKit,
    run_json,
    seat,
)

from deepreview.serialize import report_from_data
from support.repos import run_cli

LED_REVIEWS = 6

# The module's store takes 7 real reviews to build: on one xdist worker it is built once.
pytestmark = pytest.mark.xdist_group("stats-store")


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> StoreKit:
    kit = StoreKit(tmp_path_factory.mktemp("stats-store"))
    for _ in range(LED_REVIEWS):
        kit.review()
    res = kit.cli("review", "--agents", "truthful,noisy,pricey", "--lead", "none", "--json")
    assert res.returncode == 0, res.stderr[-3000:]
    return kit


@pytest.fixture
def fresh(kit: StoreKit, tmp_path: Path) -> StoreKit:
    """The module's store copied, for tests that add reviews to it."""
    shutil.copytree(kit.store, tmp_path / "store")
    clone = StoreKit.__new__(StoreKit)
    clone.__dict__.update(kit.__dict__)
    clone.store = tmp_path / "store"
    return clone


def test_lead_saw_the_clusters_the_answer_names(kit: StoreKit) -> None:
    prompt = (kit.log / "prompt-1.txt").read_text(encoding="utf-8")
    order = [prompt.index(f'"member": "{m}"') for m in ("noisy:C1", "pricey:S1", "truthful:I1")]
    assert order == sorted(order)
    ids = [prompt.index(f'"id": "K{n}"') for n in (1, 2, 3)]
    assert ids[0] < order[0] < ids[1] < order[1] < ids[2] < order[2]


def test_stats_json_matches_the_hand_count(kit: StoreKit) -> None:
    data = kit.stats_json()
    assert data["schema_version"] == 1
    assert (data["reviews"], data["reviews_with_lead"]) == (7, 6)
    assert [s["seat"] for s in data["seats"]] == ["truthful", "pricey", "noisy"]
    assert any("1 of 7 reviews had no lead" in n for n in data["notes"])

    truthful = seat(data, "truthful")
    assert {k: truthful[k] for k in HAND_COUNT} == {
        "reviews": 7,
        "reviews_with_lead": 6,
        "raised": 7,
        "raised_critical": 0,
        "raised_important": 7,
        "raised_suggestion": 0,
        "raised_with_lead": 6,
        "kept": 6,
        "survival_rate": 1.0,
        "false_positives": 0,
        "downgraded": 6,
        "dropped": 0,
        "unique_insights": 1,
        "unique_insights_with_lead": 1,
        "reraised": 6,
        "cost_usd": None,
        "cost_per_surviving_finding_usd": None,
        "cost_per_unique_insight_usd": None,
        "failure_rate": 0.0,
    }
    assert truthful["model"] == "" and truthful["family"] == "truthful"

    noisy = seat(data, "noisy")
    assert {k: noisy[k] for k in HAND_COUNT} == {
        "reviews": 7,
        "reviews_with_lead": 6,
        "raised": 7,
        "raised_critical": 7,
        "raised_important": 0,
        "raised_suggestion": 0,
        "raised_with_lead": 6,
        "kept": 0,
        "survival_rate": 0.0,
        "false_positives": 6,
        "downgraded": 0,
        "dropped": 0,
        "unique_insights": 1,
        "unique_insights_with_lead": 0,
        "reraised": 0,
        "cost_usd": None,
        "cost_per_surviving_finding_usd": None,
        "cost_per_unique_insight_usd": None,
        "failure_rate": 0.0,
    }

    pricey = seat(data, "pricey")
    assert {k: pricey[k] for k in HAND_COUNT} == {
        "reviews": 7,
        "reviews_with_lead": 6,
        "raised": 7,
        "raised_critical": 0,
        "raised_important": 0,
        "raised_suggestion": 7,
        "raised_with_lead": 6,
        "kept": 6,
        "survival_rate": 1.0,
        "false_positives": 0,
        "downgraded": 0,
        "dropped": 0,
        "unique_insights": 1,
        "unique_insights_with_lead": 1,
        "reraised": 6,
        "cost_usd": 7 * PRICEY_COST,
        "cost_per_surviving_finding_usd": 6 * PRICEY_COST / 6,
        "cost_per_unique_insight_usd": 7 * PRICEY_COST / 1,
        "failure_rate": 0.0,
    }
    assert (pricey["model"], pricey["family"]) == ("Claude Opus 4.6", "anthropic")
    assert pricey["cost_median_usd"] == PRICEY_COST
    # One duration per seat run: the measured one the retro and the report's `runs` show, not
    # the 600 s the pricey transcript claims (the fake returns at once).
    measured = sorted(
        run.duration_s
        for path in kit.store.glob("*.json")
        for run in report_from_data(json.loads(path.read_text(encoding="utf-8"))).runs
        if run.seat == "pricey" and run.duration_s is not None
    )
    assert len(measured) == 7
    assert pricey["duration_median_s"] == round(statistics.median(measured), 1)
    assert pricey["duration_p90_s"] == round(measured[6], 1) < PRICEY_SECONDS
    assert (pricey["tokens_in"], pricey["tokens_out"]) == (
        7 * PRICEY_TOKENS[0],
        7 * PRICEY_TOKENS[1],
    )
    # The command seats took well under the 600 s the pricey transcript reports.
    assert truthful["duration_p90_s"] < PRICEY_SECONDS


HAND_COUNT = (
    "reviews",
    "reviews_with_lead",
    "raised",
    "raised_critical",
    "raised_important",
    "raised_suggestion",
    "raised_with_lead",
    "kept",
    "survival_rate",
    "false_positives",
    "downgraded",
    "dropped",
    "unique_insights",
    "unique_insights_with_lead",
    "reraised",
    "cost_usd",
    "cost_per_surviving_finding_usd",
    "cost_per_unique_insight_usd",
    "failure_rate",
)


def test_stats_table_and_csv(kit: StoreKit) -> None:
    res = kit.cli("stats")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert "7 reviews (6 with a lead), repository repo" in res.stdout
    rows = [ln for ln in lines if ln.startswith("│ ")]
    assert [r.split("│")[1].strip() for r in rows] == ["truthful", "pricey", "noisy"]
    assert "$1.50" in rows[1] and "1.4M / 210.0k" in rows[1]
    # Measured time (the fake returns at once), not the 10 min its transcript claims.
    duration = rows[1].split("│")[10].strip()
    assert re.fullmatch(r"\d+\.\d s / \d+\.\d s", duration), duration
    assert "note: 1 of 7 reviews had no lead" in res.stdout

    res = kit.cli("stats", "--csv")
    assert res.returncode == 0, res.stderr
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["seat"] for r in table] == ["truthful", "pricey", "noisy"]
    assert table[1]["cost_per_surviving_finding_usd"] == "1.5"
    assert table[2]["survival_rate"] == "0.0" and table[0]["cost_usd"] == ""


def test_filters(kit: StoreKit) -> None:
    assert kit.stats_json("--series", "feature/x")["reviews"] == 7
    assert kit.stats_json("--series", "#99")["reviews"] == 0
    assert kit.stats_json("--since", "2999-01-01")["reviews"] == 0
    assert kit.stats_json("--since", "2000-01-01")["reviews"] == 7
    assert kit.stats_json("--repo-wide")["scope"]["repo"] is None
    res = kit.cli("stats", "--since", "yesterday")
    assert res.returncode == 2 and "use a date like" in res.stderr
    res = kit.cli("stats", "--json", "--csv")
    assert res.returncode == 2 and "pick one" in res.stderr


def test_facts_survive_a_store_without_the_cache(fresh: StoreKit) -> None:
    """Reviews stored before migration 4 have no cached facts: they come from the JSON."""
    import sqlite3

    db = sqlite3.connect(fresh.store / "index.sqlite")
    with db:
        db.execute("DELETE FROM seat_facts")
    db.close()
    env_store = ["--store", str(fresh.store)]
    data = fresh.stats_json(*env_store)
    assert seat(data, "pricey")["cost_per_surviving_finding_usd"] == PRICEY_COST
    db = sqlite3.connect(fresh.store / "index.sqlite")
    assert db.execute("SELECT COUNT(*) FROM seat_facts").fetchone() == (21,)
    db.close()


def test_a_cache_from_before_lead_facts_is_recomputed(fresh: StoreKit) -> None:
    """A store whose facts were cached before the lead's (facts version 1, no lead rows): the
    panel still counts the lead, from each review's JSON, and caches it."""
    import sqlite3

    from deepreview.store.history import FACTS_VERSION

    db = sqlite3.connect(fresh.store / "index.sqlite")
    with db:
        db.execute("DELETE FROM lead_facts")
        db.execute("UPDATE seat_facts SET version = 1")
    db.close()
    res = fresh.cli(
        "review", "--agents", "truthful,noisy,pricey", "--lead", "claude", "--panel", "auto",
        "--store", str(fresh.store), "--json",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    panel, _, _ = _panel_outputs(res.json())
    assert panel["lead"] == {"seat": "claude", "median_cost_usd": LEAD_COST, "reviews": LED_REVIEWS}
    db = sqlite3.connect(fresh.store / "index.sqlite")
    # the 7 earlier reviews recomputed, and the new one recorded
    current = db.execute("SELECT COUNT(*) FROM lead_facts WHERE version = ?", (FACTS_VERSION,))
    assert current.fetchone() == (8,)
    db.close()


def test_the_reports_show_each_seats_tokens_and_cost(kit: StoreKit) -> None:
    """The retro's Summary table carries what `stats` counts (the README's "measured numbers:
    duration, tool calls, tokens, cost"): the command seats measured none."""
    reports = sorted(kit.store.glob("*.md"))
    assert len(reports) == LED_REVIEWS + 1
    tokens_in, tokens_out = PRICEY_TOKENS
    for path in reports:
        table = path.read_text(encoding="utf-8").split("### Summary\n", 1)[1]
        assert f"| Tokens | — | — | {tokens_in} in, {tokens_out} out |\n" in table, path
        assert f"| Cost | — | — | ${PRICEY_COST:.2f} |\n" in table, path


def test_index_html_has_the_reviewers_panel(kit: StoreKit) -> None:
    html = (kit.store / "index.html").read_text(encoding="utf-8")
    panel = html.split('<section class="reviewers-panel"', 1)[1]
    rows = panel.split('<tr class="seat-stats"')[1:]
    assert [r.split('data-seat="', 1)[1].split('"', 1)[0] for r in rows] == [
        "truthful",
        "pricey",
        "noisy",
    ]
    assert panel.count('<circle class="pt"') == 3
    assert "script-src &#39;none&#39;" in html and "<script" not in html


def test_index_html_reviewers_panel_is_the_stats_table(kit: StoreKit) -> None:
    """The panel covers the whole store, as `stats --repo-wide` does, with the same cells
    (re-raised findings, tokens, failure rates) and the same note about reviews without a
    lead."""
    import html as html_lib
    import re

    res = kit.cli("stats", "--repo-wide")
    assert res.returncode == 0, res.stderr
    text_rows = [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in res.stdout.splitlines()
        if line.startswith("│ ")
    ]
    page = (kit.store / "index.html").read_text(encoding="utf-8")
    panel = page.split('<section class="reviewers-panel"', 1)[1].split("</section>", 1)[0]
    html_rows = [
        [html_lib.unescape(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in panel.split('<tr class="seat-stats"')[1:]
    ]
    assert html_rows == text_rows
    assert any("(+6 re-raised)" in cell for row in html_rows for cell in row), html_rows
    [note] = [ln[len("note: ") :] for ln in res.stdout.splitlines() if "had no lead" in ln]
    assert note in html_lib.unescape(panel), note
    assert "they count raised findings and unique insights only" not in panel


def test_empty_store_is_clear(tmp_path: Path) -> None:
    kit = StoreKit(tmp_path)
    res = kit.cli("stats")
    assert res.returncode == 0, res.stderr
    assert "No complete reviews in" in res.stdout and "Run `deep-review review` first" in res.stdout
    # Outside a repository every repository counts: not "No complete reviews in DIR for every
    # repository", which reads as a claim about each.
    kit.store.mkdir(exist_ok=True)
    res = run_cli(["stats", "--store", str(kit.store)], cwd=tmp_path, env=kit.env())
    assert res.returncode == 0, res.stderr
    assert f"No complete reviews in {kit.store} for any repository." in res.stdout, res.stdout
    data = kit.stats_json()
    assert (data["reviews"], data["seats"]) == (0, [])
    assert kit.cli("stats", "--csv").stdout.startswith("seat,model,")


def test_one_review_store_and_the_fallback_panel(tmp_path: Path) -> None:
    kit = StoreKit(tmp_path)
    kit.review()
    res = kit.cli("stats")
    assert res.returncode == 0, res.stderr
    assert "1 review (1 with a lead)" in res.stdout
    assert "Only one review in scope" in res.stdout
    data = kit.stats_json()
    assert (seat(data, "noisy")["false_positives"], seat(data, "pricey")["kept"]) == (1, 1)

    out = kit.review("--panel", "auto")
    assert [s["seat"] for s in out["seats"]] == ["truthful", "noisy", "pricey"]
    panel = run_json(out)["panel"]
    assert panel["mode"] == "fallback" and panel["seats"] == ["truthful", "noisy", "pricey"]
    assert "too little history" in panel["summary"]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "**Panel choice**" in md and "too little history" in md


def _panel_outputs(out: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    return run_json(out)["panel"], md, html


def _panel_review(kit: StoreKit, *args: str) -> tuple[dict[str, Any], str, dict[str, str]]:
    """`review --panel auto` of the three seats on the kit's store: (run.json's panel, the
    report's Markdown, each seat's reason)."""
    res = kit.cli(
        "review", "--agents", "truthful,noisy,pricey", "--panel", "auto",
        "--store", str(kit.store), "--json", *args,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    panel, md, _ = _panel_outputs(res.json())
    return panel, md, {c["seat"]: c["reason"] for c in panel["choices"]}


def test_panel_auto_keeps_the_useful_seats_and_drops_the_noisy_one(fresh: StoreKit) -> None:
    res = fresh.cli(
        "review", "--agents", "truthful,noisy,pricey", "--lead", "claude", "--panel", "auto",
        "--store", str(fresh.store), "--json",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    out = res.json()
    assert [s["seat"] for s in out["seats"]] == ["truthful", "pricey"]
    assert any(
        line.startswith("Panel chosen from this repository's history")
        for line in res.stderr.splitlines()
    )

    panel, md, html = _panel_outputs(out)
    assert panel["mode"] == "history" and panel["seats"] == ["truthful", "pricey"]
    reasons = {c["seat"]: c["reason"] for c in panel["choices"]}
    assert reasons["noisy"].startswith("dropped: no verified unique insight in 6 reviews")
    assert "the lead dropped 6 of its 6 findings (6 as false positives)" in reasons["noisy"]
    # one each: the other five led rounds raised the same finding again
    assert reasons["truthful"].startswith("kept: 1 verified unique insight in 6 reviews")
    assert reasons["pricey"].startswith("kept: 1 verified unique insight in 6 reviews")
    assert "$9.00" in reasons["pricey"] and "median cost $1.50" in reasons["pricey"]
    # the lead runs with any panel: its median cost is part of the estimate
    assert panel["estimated_cost_usd"] == PRICEY_COST + LEAD_COST

    notes = md.split("## Review Process Notes", 1)[1].split("## Appendix", 1)[0]
    assert "**Panel choice**" in notes
    assert "- `noisy` dropped: no verified unique insight" in notes
    assert "- `truthful` kept:" in notes and "- `pricey` kept:" in notes
    assert '<ul class="panel-choice">' in html and "<code>noisy</code> dropped" in html
    report = report_from_data(json.loads(Path(out["paths"]["json"]).read_text()))
    assert report.process_notes.panel[0] == panel["summary"]

    # run.json keeps the choice: a relead (a new lead answer) still reports it.
    res = fresh.cli("relead", out["review_id"], "--store", str(fresh.store), "--json")
    assert res.returncode == 0, res.stderr[-3000:]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "- `noisy` dropped: no verified unique insight" in md


def test_panel_auto_respects_the_budget_and_keeps_two_families(fresh: StoreKit) -> None:
    panel, md, reasons = _panel_review(fresh, "--lead", "claude", "--budget-usd", "1")
    assert panel["seats"] == ["truthful", "noisy"]
    assert "`pricey` dropped for the budget" in md
    assert reasons["pricey"].startswith("dropped for the budget: its median cost of $1.50")
    assert reasons["noisy"].startswith("kept for diversity: the panel keeps at least two")
    assert "within a budget of $1.00" in panel["summary"]


def test_budget_without_panel_is_bad_input(kit: StoreKit) -> None:
    res = kit.cli("review", "--agents", "truthful", "--budget-usd", "3")
    assert res.returncode == 2 and "--budget-usd only applies with --panel auto" in res.stderr


def test_panel_budget_counts_the_lead(fresh: StoreKit) -> None:
    """pricey's median $1.50 fits $1.52 alone; with the lead's median $0.0312 it does not."""
    panel, md, reasons = _panel_review(fresh, "--lead", "claude", "--budget-usd", "1.52")
    assert panel["seats"] == ["truthful", "noisy"]
    assert reasons["pricey"].startswith(
        "dropped for the budget: its median cost of $1.50 per review would bring the estimate "
        "(the lead's included) to $1.53, over $1.52"
    )
    assert panel["lead"] == {"seat": "claude", "median_cost_usd": LEAD_COST, "reviews": LED_REVIEWS}
    assert panel["estimated_cost_usd"] == LEAD_COST
    assert (
        "estimated cost $0.03 per review, $0.03 of it the lead `claude` (its median over "
        f"{LED_REVIEWS} reviews), within a budget of $1.52" in panel["summary"]
    )
    assert panel["summary"] in md


def test_panel_budget_says_when_the_lead_has_no_cost_history(fresh: StoreKit) -> None:
    panel, _, _ = _panel_review(fresh, "--lead", "none", "--budget-usd", "1.52")
    assert panel["seats"] == ["truthful", "pricey"]
    assert panel["lead"] is None
    assert "estimated cost $1.50 per review, within a budget of $1.52" in panel["summary"]
