"""`benchmarks/bench_corpus.py` on a corpus made here: rate, misses with reasons, skips."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_corpus.py"

REPORT = """# Deep Review: 20260101-000000-pr-5

| | |
|---|---|
| **Reviewers** | Claude Opus 4.6, Codex GPT 5.4, Gemini 3.1 Pro |

## Executive Summary

Fine.

## Appendix: Original Reviews

### [Claude Opus 4.6]

### Findings

#### Important Issues

I1. **Leak** — `a.go:1` (important, gap)

#### Suggestions

S1. **Name** — `a.go:9` (suggestion, gap)

### [Codex GPT 5.4]

### Findings

#### Critical Issues

C1. **Crash** — `b.go:2` (critical, regression)

### [Gemini 3.1 Pro]

See `/tmp/deep-review-x/review-gemini-pass-1.md`: I1 (kept).
"""


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _corpus(tmp: Path, codex_important: int) -> tuple[Path, Path]:
    """The one-report corpus and a gold file; Codex's true Important count is the argument."""
    corpus = tmp / "corpus"
    corpus.mkdir()
    (corpus / "r.md").write_text(REPORT, encoding="utf-8")
    gold = tmp / "gold.json"
    rows = [
        {"file": "r.md", "reviewer": "Claude Opus 4.6", "pass": 1, "C": 0, "I": 1, "S": 1},
        {
            "file": "r.md",
            "reviewer": "Codex GPT 5.4",
            "pass": 1,
            "C": 1,
            "I": codex_important,
            "S": 0,
        },
    ]
    gold.write_text(json.dumps({"schema_version": 1, "reviews": rows}), encoding="utf-8")
    return corpus, gold


def test_rate_misses_and_skips(tmp_path: Path, bench: ModuleType) -> None:
    corpus, gold = _corpus(tmp_path, codex_important=1)
    out = io.StringIO()
    rate = bench.parse_accuracy(corpus, gold, out)
    text = out.getvalue()
    assert rate == 0.5
    assert "exact C/I/S match: 1/2 = 50.0%" in text
    assert "MISS r.md [Codex GPT 5.4] pass 1: got 1C 0I 0S, want 1C 1I 0S — I -1" in text
    assert "skip r.md [Gemini 3.1 Pro]: pointer-only (no review text)" in text


def _load_copy(folder: Path) -> ModuleType:
    folder.mkdir()
    (folder / "bench_corpus.py").write_text(BENCH.read_text(encoding="utf-8"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("bench_corpus_copy", folder / "bench_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_attribution_missing_then_present(tmp_path: Path) -> None:
    copy = _load_copy(tmp_path / "benchmarks")
    out = io.StringIO()
    assert copy.attribution(tmp_path, out) is None
    assert out.getvalue() == "attribution: not measured (benchmarks/_attribution.py missing)\n"
    (tmp_path / "benchmarks" / "_attribution.py").write_text(
        "def report(corpus, out):\n    print('## Attribution agreement', file=out)\n"
        "    return 0.9\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert copy.attribution(tmp_path, out) == 0.9
    assert out.getvalue() == "## Attribution agreement\n"


def test_attribution_through_the_real_module(tmp_path: Path, bench: ModuleType) -> None:
    """bench_corpus loads the real `_attribution.py`, whose dataclasses need their module
    registered while it is built; it prints the agreement instead of a load failure."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r.md").write_text(REPORT, encoding="utf-8")
    out = io.StringIO()
    rate = bench.attribution(corpus, out)
    assert "failed" not in out.getvalue()
    assert out.getvalue().startswith("attribution: 1 reports")
    assert rate is not None


def test_parse_robustness_rewrites_keep_the_counts(tmp_path: Path) -> None:
    """`bench_parse_robustness.py` rewrites each review as a model might (markdown fence, other
    severity words, CRLF, …) and counts again: on our own small corpus every rewrite holds."""
    corpus, gold = _corpus(tmp_path, codex_important=0)
    script = BENCH.parent / "bench_parse_robustness.py"
    res = subprocess.run(
        [sys.executable, str(script), "--corpus", str(corpus), "--gold", str(gold)],
        capture_output=True,
        text=True,
        check=True,
    )
    reviews, appendix = res.stdout.split("\n\n", 1)
    lines = reviews.splitlines()
    assert lines[0].endswith("reviews with gold counts: 2")
    assert len(lines) > 15, res.stdout  # a line per rewrite
    for line in lines[1:]:
        assert line.endswith("2/2 = 100.0%"), line
    # then the appendix's entry headings respelled, over the reports with `[Name]` headings
    head, *styles = appendix.strip().splitlines()
    assert head.startswith("appendix entry headings respelled (1 reports"), head
    assert len(styles) >= 5
    for line in styles:
        assert line.endswith("1/1 = 100.0%"), line
