"""`benchmarks/_attribution.py` on a two-report corpus of our own (tests never read ../shared)."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]

REPORT = """# Deep Review: 20260105-101010-pr-9

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro, Gemini 4.1 Flash |
| **Verdict** | **Merge with fixes** — one leak |

---

## Important Issues

I1. **Dialer leaks on timeout** — `net/dial.go:40-44` [Claude Opus 9, Gemini 4.1 Flash] (important)

Body.

I2. **Retries ignore the context** — `net/retry.go:10` [Gemini 4.0 Pro] (important, regression)

Body.

I3. **A check the lead ran itself** — `net/dial.go:90` [orchestrator] (important, gap)

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Important Issues

I1. **`dial` leaks the socket when the deadline fires** — `net/dial.go:41` (important, regression)

```go
conn, err := d.DialContext(ctx, "tcp", addr)
```

The early return on timeout skips `conn.Close`.

### [Gemini 4.0 Pro]

## Findings

### Important Issues

I1. **`retry` loops after cancellation** — `net/retry.go:10-12` (important, regression)

`retry` never checks `ctx.Err()`.

### [Gemini 4.1 Flash]

## Findings

### Important Issues

I1. **Socket leak in `dial` on deadline** — `net/dial.go:40-43` (important, regression)

```go
conn, err := d.DialContext(ctx, "tcp", addr)
```

`conn` is not closed when the deadline fires.
"""

POINTERS = """# Deep Review: 20260106-101010-pr-10

| | |
|---|---|
| **Reviewers** | Claude Opus 9 |

---

## Important Issues

I1. **Something** — `a.go:1` [Claude Opus 9] (important, regression)

Body.

---

## Appendix: Original Reviews

### [Claude] — Pass 1

See `/tmp/deep-review-x/review-claude-pass-1.md`: I1 (consolidated I1).
"""


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_attribution", ROOT / "benchmarks/_attribution.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_agreement_counts_exact_credits_and_sets_the_lead_apart(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.md").write_text(POINTERS, encoding="utf-8")
    out = io.StringIO()
    rate = _module().report(tmp_path, out)
    text = out.getvalue()
    assert rate == 1.0, text  # both of the report's credited findings credit the same reviewers
    assert "agree:    2/2 = 100.0%" in text
    assert "1 more are the lead's own work, excluded from the rate" in text
    assert "skipped b.md: pointer-only appendix" in text


def test_a_mismatch_is_printed_with_its_kind(tmp_path: Path) -> None:
    # the report also credits Gemini 4.0 Pro for the leak, which its review never mentions
    text = REPORT.replace(
        "[Claude Opus 9, Gemini 4.1 Flash]", "[Claude Opus 9, Gemini 4.0 Pro, Gemini 4.1 Flash]"
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    out = io.StringIO()
    rate = _module().report(tmp_path, out)
    assert rate == 0.5
    assert "MISS a.md I1 Dialer leaks on timeout: reviewer's finding not" in (out.getvalue())


def test_a_credit_with_the_version_glued_to_the_family_names_the_appendix_reviewer() -> None:
    """The header says `Gemma4 31B` where the appendix heading says `[Gemma]`."""
    names = _module().Names(["Claude", "Gemma", "Gemini 4.0 Pro", "Gemini 4.1 Flash"])
    assert names("Gemma4 31B") == "Gemma"
    assert names("Claude Opus 9") == "Claude"
    assert names("Gemini 4.1 Flash") == "Gemini 4.1 Flash"
    assert names("Gemini") is None  # two of that family, no words to tell them apart


RANGES = """# Deep Review: 20260107-101010-pr-11

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro |

---

## Important Issues

I1. **Slow reader never waited on** — `lib/pump.go:42-67` [Claude Opus 9] (important, gap)

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Important Issues

I1. **Slow-reader test never blocks the reader** — `lib/pump.go:52-67` (important, gap)

The test drains `out` at once, so back-pressure is never reached.

### [Gemini 4.0 Pro]

## Findings

### Suggestions

S1. **Use the shared `fakeClock` helper** — `lib/pump.go:20-37` (suggestion, enhancement)

The setup builds its own clock.
"""


def test_a_report_range_matches_the_finding_it_overlaps_not_the_nearest_first_line(
    tmp_path: Path,
) -> None:
    """Lines 42-67 overlap our 52-67; its first line, 42, is nearer our 20-37 (5 against 10)."""
    (tmp_path / "a.md").write_text(RANGES, encoding="utf-8")
    out = io.StringIO()
    rate = _module().report(tmp_path, out)
    assert rate == 1.0, out.getvalue()


TIE = """# Deep Review: 20260108-101010-pr-12

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro |

---

## Suggestions

S1. **Cache keys ignore the locale** — `web/cache.py:30-36` [Claude Opus 9] (suggestion, gap)

Body.

S2. **`render` logs at debug level only** — `web/cache.py:31` [Gemini 4.0 Pro] (suggestion)

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Suggestions

S1. **Cache keys ignore the locale** — `web/cache.py:26-36` (suggestion, gap)

`key = f"{page}:{user}"` leaves out `request.locale`, so a French page is served in German.

### [Gemini 4.0 Pro]

## Findings

### Suggestions

S1. **`render` logs at debug level only** — `web/cache.py:31` (suggestion, pre-existing)

A failed `render` call is logged with `logger.debug`, invisible in production.
"""


def test_of_our_findings_overlapping_the_reports_lines_the_one_with_its_title_matches(
    tmp_path: Path,
) -> None:
    """The report's S1 (lines 30-36) overlaps both our Claude finding (26-36) and Gemini's
    (31); Gemini's first line is nearer, but the report's S1 is Claude's finding (its title),
    and matching it to Gemini's judged two agreements as two mismatches."""
    (tmp_path / "a.md").write_text(TIE, encoding="utf-8")
    out = io.StringIO()
    rate = _module().report(tmp_path, out)
    assert rate == 1.0, out.getvalue()


COMMIT_REPORT = """# Deep Review: 20260107-101010-pr-11

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro |

---

## Suggestions

S1. **The commit message omits the retry limit** — commit `abc1234` [Claude Opus 9] (suggestion)

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Suggestions

S1. **Commit message omits the retry limit** — commit `abc1234` (suggestion, gap)

Only the helper is described.

### [Gemini 4.0 Pro]

## Findings

### Suggestions

S1. **`retry` has no upper bound in its docstring** — `net/retry.go:3` (suggestion, gap)

The docstring does not say how often it retries.
"""


def test_a_finding_on_the_commit_message_matches_ours_there(tmp_path: Path) -> None:
    """Neither the report nor the review gives a file: both are placed at the commit message,
    as consolidation places such a finding (`features.COMMIT_MESSAGE`)."""
    (tmp_path / "a.md").write_text(COMMIT_REPORT, encoding="utf-8")
    out = io.StringIO()
    assert _module().report(tmp_path, out) == 1.0, out.getvalue()
    assert "no location" not in out.getvalue()


ELSEWHERE = """# Deep Review: 20260109-101010-pr-13

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro |

---

## Important Issues

I1. **The pool hands out closed connections** — `srv/pool.go:90` [Claude Opus 9] (important)

Body.

I2. **Eviction never runs under load** — `srv/evict.go:5` [Gemini 4.0 Pro] (important)

Body.

I3. **Shutdown skips the flush** — `srv/stop.go:12` [Gemini 4.0 Pro] (important)

Body.

I4. **Stats count evictions twice** — `srv/stats.go:200` [Claude Opus 9] (important)

Body.

I5. **Timeouts are read as seconds** — `srv/conf.go:8` [Claude Opus 9] (important)

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Important Issues

I1. **`get` returns a conn its reaper already closed** — `srv/conn.go:12-14` (important, regression)

The reaper at `srv/pool.go:88-92` closes idle conns without taking them off the free list.

I2. **Evictions are counted in two places** — `srv/stats.go:40-44` (important, gap)

`evicted++` runs in both branches.

I3. **Timeouts are read as seconds** — `srv/conf.go:8` (important, regression)

`time.Duration(n)` is nanoseconds.

### [Gemini 4.0 Pro]

## Findings

### Important Issues

I1. **Config reload drops the log level** — `srv/reload.go:30` (important, regression)

The level is reset on every reload.

## Design Observations

### Concerns

```sh
# an idle server: no request, so no eviction
curl -s localhost:8080/stats
```

- **Eviction is tied to the request path** *(future)* — `srv/evict.go:5` runs only when a request
  arrives, so an idle server never evicts.
"""


def test_why_says_where_the_credited_reviewer_put_a_finding_nothing_of_ours_sits_at(
    tmp_path: Path,
) -> None:
    """A report finding nothing of ours sits at: the lead moved it to a place the reviewer's
    finding only cites (I1), promoted a reviewer's design note (I2), chose a file the reviewer
    never names (I3), or moved the line far from the reviewer's own (I4); I5 is located."""
    (tmp_path / "a.md").write_text(ELSEWHERE, encoding="utf-8")
    out = io.StringIO()
    _module().report(tmp_path, out, why=True)
    text = out.getvalue()
    miss = {
        line.split()[2]: n
        for n, line in enumerate(text.splitlines())
        if line.startswith("  MISS a.md")
    }
    assert sorted(miss) == ["I1", "I2", "I3", "I4"], text
    lines = text.splitlines()

    def why(fid: str) -> str:
        at = miss[fid] + 1
        return lines[at] if at < len(lines) else ""

    assert why("I1").strip() == (
        "Claude Opus 9 cites `srv/pool.go:88-92` in the text of its I1 (srv/conn.go:12-14),"
        " not as its place"
    ), text
    assert why("I2").strip() == (
        "Gemini 4.0 Pro cites `srv/evict.go:5` under Concerns, not in a finding"
    ), text
    assert why("I3").strip() == "Gemini 4.0 Pro never names stop.go", text
    assert why("I4").strip() == (
        "Claude Opus 9 I2 is in that file at srv/stats.go:40-44, 156 lines from line 200"
    ), text
    # without --why the miss stands alone
    plain = io.StringIO()
    _module().report(tmp_path, plain)
    assert "cites" not in plain.getvalue() and "never names" not in plain.getvalue()


RETITLED = """# Deep Review: 20260109-101010-pr-13

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro |

---

## Important Issues

I1. **Re-verify the credential before the retry** — `auth/token.go:40-52` [Gemini 4.0 Pro]

`refresh` checks the token once, then sleeps through the backoff and retries with it; by the
second attempt the token may have expired, so the retry is sent with a stale token.

## Suggestions

S1. **Cache keyed by user name alone** — `auth/token.go:40` [Claude Opus 9] (suggestion)

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Suggestions

S1. **Cache keyed by user name alone** — `auth/token.go:40-41` (suggestion, gap)

`sessions[name]` lets two tenants with one login share an entry.

### [Gemini 4.0 Pro]

## Findings

### Important Issues

I1. **Stale token sent after the backoff sleep** — `auth/token.go:50-52` (important, gap)

`refresh` validates the token, sleeps through the backoff, then retries with the same token;
it may have expired during the sleep, so the second attempt sends a stale token.
"""


def test_of_our_findings_equally_near_with_titles_equally_unlike_the_retold_one_matches(
    tmp_path: Path,
) -> None:
    """The lead retitled Gemini's finding in words neither of ours holds, and its range
    overlaps both: the titles tie, and Claude's other issue starts on the report's first line.
    The report's explanation retells Gemini's, so that is its match, not a "mixed" miss."""
    (tmp_path / "a.md").write_text(RETITLED, encoding="utf-8")
    out = io.StringIO()
    assert _module().report(tmp_path, out) == 1.0, out.getvalue()


APART = """# Deep Review: 20260107-101010-pr-13

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro, Gemini 4.1 Flash |
| **Verdict** | **Merge with fixes** — one leak |

---

## Important Issues

I1. **Dialer leaks on timeout** — `net/dial.go:40-44` [Claude Opus 9, Gemini 4.0 Pro] (important)

Body.

I2. **The pool is never drained** — `net/pool.go:10` [Claude Opus 9, Gemini 4.1 Flash] (important)

Body.

I3. **Resolver cache never expires** — `net/dial.go:275` [Claude Opus 9, Gemini 4.0 Pro] (important)

Body.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Important Issues

I1. **`dial` leaks the socket when the deadline fires** — `net/dial.go:41` (important, regression)

The early return on timeout skips `conn.Close`.

I2. **`drain` is never called on shutdown** — `net/pool.go:10-12` (important, regression)

Idle connections stay open after `Shutdown` returns.

I3. **`lookupCache` keeps entries forever** — `net/dial.go:300-304` (important, regression)

Nothing removes an entry from `lookupCache`, so a changed DNS record is never seen.

I4. **`dialTimeout` is read once at start** — `net/dial.go:280` (important, regression)

A changed setting needs a restart.

### [Gemini 4.0 Pro]

## Findings

### Important Issues

I1. **Timeout path forgets the connection** — `net/dial.go:160` (important, regression)

When the deadline passes, the handle opened above is dropped.

I2. **DNS answers cached in `lookupCache` forever** — `net/dial.go:300-303` (important, regression)

Entries in `lookupCache` are never removed, so a changed DNS record is never seen.

### [Gemini 4.1 Flash]

No findings.
"""


def test_why_says_where_a_credited_reviewers_finding_of_ours_is_and_how_it_scored(
    tmp_path: Path,
) -> None:
    """The report credits a reviewer our finding does not: --why names that reviewer's nearest
    finding of ours (its place, how far from the report's) and its pair score and evidence
    against our finding's members, or says the reviewer has no finding of its own."""
    (tmp_path / "a.md").write_text(APART, encoding="utf-8")
    out = io.StringIO()
    _module().report(tmp_path, out, why=True)
    lines = out.getvalue().splitlines()
    at = {ln.split()[2]: n for n, ln in enumerate(lines) if ln.startswith("  MISS a.md")}
    assert sorted(at) == ["I1", "I2", "I3"], lines
    # ours I1 (the cache, both credited) is in the report's file too: named before the pairs
    assert lines[at["I1"] + 1].strip() == "ours I1 credits all of them, at net/dial.go:300"
    where, pair = lines[at["I1"] + 2].strip(), lines[at["I1"] + 3].strip()
    assert where.startswith("gemini-4.0-pro:I1 is in ours ") and where.endswith(
        "at net/dial.go:160 (116 lines off): Timeout path forgets the connection"
    ), lines
    assert pair.startswith("pair gemini-4.0-pro:I1 ~ claude:I1 0."), lines
    assert "same file `dial.go`" in pair, lines
    assert lines[at["I2"] + 1].strip() == "Gemini 4.1 Flash has no finding of its own, nor a note"
    # the merge is made, further from the report's line than another finding of ours
    assert lines[at["I3"] + 1].strip() == "ours I1 credits all of them, at net/dial.go:300"
    plain = io.StringIO()
    _module().report(tmp_path, plain)
    assert "pair " not in plain.getvalue() and "no finding of its own" not in plain.getvalue()


READ_ALIKE = """# Deep Review: 20260110-101010-pr-14

| | |
|---|---|
| **Reviewers** | Claude Opus 9, Gemini 4.0 Pro |

---

## Important Issues

I1. **Session cookie set without `secure`** — `web/login.py:40` [Claude Opus 9] (important)

Body.

## Suggestions

S1. **Blank token logs the user in** — `web/login.py:45-47` [Gemini 4.0 Pro] (suggestion)

`check_token` returns true for an empty string, so submitting the form with a blank token logs
the user in.

S2. **Files are created for shells the user lacks** — `sh/rc.py:89` [Gemini 4.0 Pro] (suggestion)

`install` writes every profile file unconditionally, even for shells that are not installed,
leaving unused profile files behind.

---

## Appendix: Original Reviews

### [Claude Opus 9]

## Findings

### Important Issues

I1. **Session cookie set without `secure`** — `web/login.py:40-62` (important, gap)

`response.set_cookie("sid", sid)` omits `secure=True`, so the cookie travels over plain HTTP.

I2. **A `.tcshrc` created for the shell hides `.cshrc`** — `sh/rc.py:96-103` (important)

tcsh reads only the first of the two it finds; creating one hides the settings of the other.

### [Gemini 4.0 Pro]

## Findings

### Suggestions

S1. **Blank token accepted** — `web/login.py:43-44` (suggestion, gap)

`check_token` returns true for an empty string, so a blank form logs the user in.

S2. **Unconditional creation of unused profile files** — `sh/rc.py:88-103` (suggestion, gap)

`install` writes every profile file, even for shells that are not installed.
"""


def test_a_finding_a_line_off_that_reads_like_the_reports_in_title_and_text_matches(
    tmp_path: Path,
) -> None:
    """S1's lines sit inside Claude's wide 40-62 and one line past Gemini's 43-44: the report
    retitled and retold Gemini's finding (title and explanation both far more alike), so it is
    that one's, not the overlapping finding about another thing. S2 is the negative: Claude's
    finding 7 lines off shares more title words ("created", "shells") but reads less like the
    report's explanation than Gemini's overlapping one, so the nearest stays the match."""
    (tmp_path / "a.md").write_text(READ_ALIKE, encoding="utf-8")
    out = io.StringIO()
    assert _module().report(tmp_path, out) == 1.0, out.getvalue()
