"""The lead's prompt: the target, the clusters as JSON, the seats' measured runs, the rules.

Like the seats' prompt, every piece of author-written text (PR text, commit messages, the diff)
is fenced as untrusted data with a per-review random marker, and so is everything the seats wrote
(the clusters' findings, design observations, assessments), since the seats read that text.
The diff is inlined within the same byte budget as the seats', with the same notes on what no
one can read in the worktree (a submodule's code) or what git hides there (a file the change
marks `-diff`), and at most one empty line in a row outside the fenced data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

import jinja2

from deepreview import templating
from deepreview.checkmodel import CheckResults
from deepreview.checks.patch import fix_diff
from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.merge import reconcile_severity
from deepreview.lead.schema import published_schema_text
from deepreview.model import Assessment, DesignObservation, Report, format_counts
from deepreview.prompts.review import target_vars, tidy_blank_lines
from deepreview.targets.target import Target

BODY_EXCERPT: Final = 1500  # characters of a finding's body shown to the lead
FIX_EXCERPT: Final = 600

EXAMPLE: Final[dict[str, Any]] = {
    "decisions": [
        {"cluster": "K1", "action": "keep",
         "reason": "`stop()` at svc.go:88 never cancels the context created at svc.go:41."},
        {"cluster": "K2", "action": "drop", "false_positive": True,
         "reason": "go.mod pins controller-runtime v0.23.3, whose reconcile context is the "
                   "manager's (manager.go:212), so it is not cancelled per reconcile."},
        {"cluster": "K3", "action": "severity", "severity": "suggestion",
         "reason": "The error is only logged (svc.go:160); behaviour is unaffected."},
        {"cluster": "K4", "action": "merge", "merge_into": "K1",
         "reason": "Same missing cancel as K1, reached from restart() at svc.go:120."},
    ],
    "added_findings": [
        {"severity": "important", "title": "Listener leaked when `Listen` fails",
         "locations": [{"path": "svc.go", "start": 96, "end": 104}],
         "classification": "regression",
         "body": "```go\nln, err := listen()\n```\n`ln` is not closed when ...",
         "fix": "```diff\n+\tln.Close()\n```",
         "reason": "Read svc.go:96-138: the early return at :104 skips ln.Close()."},
    ],
    "executive_summary": "This change ... The main problems are K1 and L1.",
    "verdict": {"label": "Merge with fixes", "reason": "K1 and L1 need fixing first."},
    "retro": [
        {"seat": "claude", "narrative": "Claude alone found K1 ... It ran 7 `git blame` ..."},
    ],
    "design_observations": [
        {"id": "D2", "action": "drop", "reason": "Contradicted by manager.go:212."},
    ],
    "added_design_observations": [],
    "testing": {"intro": "", "items": ["No test covers restart() (K1)."]},
    "repo_context_updates": ['[repo] Add: "..." Why: ...'],
    "skill_improvements": [],
}  # fmt: skip


@dataclass(frozen=True)
class LeadContext:
    """Everything the lead prompt is rendered from (kept for the retry prompt)."""

    target: Target
    seat_reviews: tuple[SeatReview, ...]
    clusters: tuple[Cluster, ...]
    design: tuple[DesignObservation, ...]
    testing: Assessment
    documentation: Assessment
    report: Report  # the deterministic report: its retro has the coverage cells
    budget: int
    nonce: str


@dataclass(frozen=True)
class Retry:
    errors: tuple[str, ...]
    previous: str


@cache
def _env() -> jinja2.Environment:
    return templating.environment(
        loader=jinja2.PackageLoader("deepreview", "prompts"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # a Markdown prompt, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rstrip() + " […]"


def clusters_data(clusters: Sequence[Cluster], seat_reviews: Sequence[SeatReview]) -> list[Any]:
    """The clusters as the lead sees them: every member with its seat, ID and text."""
    names = {sr.seat: sr.reviewer.credit for sr in seat_reviews}
    out: list[Any] = []
    for c in clusters:
        out.append(
            {
                "id": c.id,
                "seats": list(dict.fromkeys(c.seats)),
                "rule_severity": reconcile_severity([m.finding.severity for m in c.members]).value,
                "why_grouped": list(c.reasons),
                "findings": [
                    {
                        "member": m.key,
                        "seat": m.seat,
                        "reviewer": names.get(m.seat, m.seat),
                        "id": m.finding.id,
                        "severity": m.finding.severity.value,
                        "classification": m.finding.classification,
                        "title": m.finding.title,
                        "locations": [str(loc) for loc in m.finding.locations],
                        "body": _clip(m.finding.body, BODY_EXCERPT),
                        "fix": _clip(m.finding.fix, FIX_EXCERPT),
                    }
                    for m in c.members
                ],
            }
        )
    return out


def stats_data(seat_reviews: Sequence[SeatReview], report: Report) -> list[Any]:
    """Each seat's measured run plus the coverage cells of the computed retro."""
    retro = {s.seat: s for s in report.retro.seats}
    out: list[Any] = []
    for sr in seat_reviews:
        run = sr.run
        cells = retro.get(sr.seat)
        entry: dict[str, Any] = {"seat": sr.seat, "status": run.status if run else "unknown"}
        if sr.review is None:
            entry["failure"] = sr.failure
        else:
            entry["findings"] = format_counts(sr.review.counts())
            entry["design_observations"] = len(sr.review.design_observations)
        if run is not None:
            entry.update(
                duration_s=None if run.duration_s is None else round(run.duration_s),
                model=run.model,
                tool_calls=run.tool_calls,
                tool_counts=dict(run.tool_counts),
                shell_breakdown=dict(run.shell_breakdown),
                permission_denials=run.permission_denials,
                tool_errors=run.tool_errors,
                tokens_in=run.tokens_in,
                tokens_out=run.tokens_out,
                cost_usd=run.cost_usd,
            )
        if cells is not None and sr.review is not None:
            entry["files_reviewed"] = cells.cell("Files reviewed")
            entry["coverage_misses"] = cells.cell("Coverage misses")
        out.append(entry)
    return out


def design_data(design: Sequence[DesignObservation]) -> list[Any]:
    return [
        {
            "id": f"D{n}",
            "kind": o.kind,
            "scope": o.scope,
            "text": o.text,
            "reviewers": list(o.reviewers),
        }
        for n, o in enumerate(design, start=1)
    ]


# Per seat: a seat whose unread text runs longer is a seat that wrote its review some other way;
# the lead reads the rest in the seat's raw review if it must.
UNREAD_LIMIT: Final = 6_000


def unread_seats(seat_reviews: Sequence[SeatReview]) -> list[str]:
    """The seats with findings text the tool could not read as findings."""
    return [sr.seat for sr in seat_reviews if sr.review is not None and sr.review.unread_findings]


def unread_data(seat_reviews: Sequence[SeatReview]) -> list[Any]:
    """Each such seat's unread findings text, for the lead to read and credit."""
    return [
        {
            "seat": sr.seat,
            "name": sr.reviewer.credit,
            "text": _clip("\n\n".join(sr.review.unread_findings), UNREAD_LIMIT),
        }
        for sr in seat_reviews
        if sr.review is not None and sr.review.unread_findings
    ]


def _assessments(testing: Assessment, documentation: Assessment) -> str:
    data = {
        name: {"intro": a.intro, "items": list(a.items)}
        for name, a in (("testing", testing), ("documentation", documentation))
        if not a.empty
    }
    return _dump(data) if data else ""


def checks_data(checks: CheckResults | None, clusters: Sequence[Cluster]) -> Any:
    """The measured fix checks and surviving mutants, tied to the cluster members they test."""
    if checks is None:
        return None
    if checks.note:
        return {"note": checks.note}
    by_diff = {c.diff: c for c in checks.fix_checks}
    fixes = []
    for c in clusters:
        for m in c.members:
            diff = fix_diff(m.finding.fix)
            check = by_diff.get(diff) if diff is not None else None
            if check is not None:
                item = {"cluster": c.id, "member": m.key, "fix_check": check.badge}
                if check.output_tail:
                    item["test_output_tail"] = _clip(check.output_tail, FIX_EXCERPT)
                fixes.append(item)
    data: dict[str, Any] = {
        "test_command": " ".join(checks.test_command),
        "without_any_change": checks.baseline_text,
    }
    if checks.fixes_requested:
        data.update(fixes_summary=checks.fixes_summary, fix_checks=fixes)
    if checks.probes_requested:
        data["probe_summary"] = checks.probe_summary
        data["surviving_mutants"] = [
            {"location": f"{m.path}:{m.line}", "operator": m.operator, "diff": m.one_line_diff}
            for m in checks.survivors
        ]
    return data


def _dump(data: Any) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False)


def _compact_schema() -> str:
    """The published schema without the `title` noise, on few lines."""
    schema = json.loads(published_schema_text())

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "title" or not isinstance(v, str)}
        if isinstance(node, list):
            return [strip(x) for x in node]
        return node

    return json.dumps(strip(schema), ensure_ascii=False, separators=(",", ":"))


def build_lead_prompt(ctx: LeadContext, retry: Retry | None = None) -> str:
    seats = [
        {
            "seat": sr.seat,
            "name": sr.reviewer.credit,
            "ok": sr.review is not None,
            "failure": sr.failure,
        }
        for sr in ctx.seat_reviews
    ]
    checks = checks_data(ctx.report.checks, ctx.clusters)
    prompt = (
        _env()
        .get_template("lead.md.j2")
        .render(
            **target_vars(ctx.target, budget=ctx.budget, nonce=ctx.nonce),
            seat_count=len(ctx.seat_reviews),
            seats=seats,
            stats_json=_dump(stats_data(ctx.seat_reviews, ctx.report)),
            clusters_json=_dump(clusters_data(ctx.clusters, ctx.seat_reviews)),
            design=bool(ctx.design),
            design_json=_dump(design_data(ctx.design)),
            assessments_json=_assessments(ctx.testing, ctx.documentation),
            unread_json=_dump(unread) if (unread := unread_data(ctx.seat_reviews)) else "",
            checks_json=_dump(checks) if checks else "",
            retry=retry,
            schema_json=_compact_schema(),
            example_json=_dump(EXAMPLE),
        )
    )
    return tidy_blank_lines(prompt, ctx.nonce)


__all__ = [
    "LeadContext",
    "Retry",
    "build_lead_prompt",
    "clusters_data",
    "design_data",
    "stats_data",
    "unread_data",
    "unread_seats",
]
