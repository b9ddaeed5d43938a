"""One finding, one label across the report (through `deep-review review` with a fake lead).

The retro's cells name a finding by its title with the code spans kept (`I2 (README does not
document `sub`)`, `consolidate/labels.title_labels`), but the lead's notes and Reconciliation
still used the old short label, the first identifier alone: the same report said `I2 (sub)`
two lines below, and its False positives cell said `Charlie C1 add` where a rejected decision
said `Charlie C1 (add)`. Now every note that names a finding by a short label uses the retro's.
"""

from __future__ import annotations

import re
from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced

README = "I2 (README does not document `sub`)"
OVERFLOW = "Charlie C1 (Integer overflow in `add` for large…)"


def _row(md: str, name: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| {name} |"))


def test_the_retro_and_the_lead_notes_name_a_finding_alike(tmp_path: Path) -> None:
    decisions = [d for d in ANSWER["decisions"] if d["cluster"] != "K2"]  # K2: no decision
    decisions.append({"cluster": "K4", "action": "merge", "merge_into": "K1", "reason": "same"})
    run = review_with_lead(tmp_path, [fenced(answer(decisions=decisions))])
    md = run.md

    # the retro's cells
    assert _row(md, "Unique insights") == f"| Unique insights | {README} | 0 | 0 |"
    assert _row(md, "False positives") == f"| False positives | 0 | 0 | 1 ({OVERFLOW}) |"
    # the lead's notes in Reconciliation, and its run note
    undecided = f"No lead decision for {README}: kept as consolidated."
    rejected = (
        f"Lead decision `merge` about {OVERFLOW} rejected: it is dropped; drop both if they "
        "make the same claim."
    )
    recon = md.split("**Reconciliation**", 1)[1].split("## Review Process Notes", 1)[0]
    assert f"- {undecided}\n" in recon
    assert f"- {rejected}\n" in recon
    note = run.out["lead"]["note"]
    assert f"no decision for {README}, kept as consolidated" in note
    # no other label of either finding anywhere in the report, the drop's own entry's included
    top = md.split("## Appendix", 1)[0]
    assert set(re.findall(r"I2 \([^)]*\)", top)) == {README}
    assert set(re.findall(r"Charlie C1 \([^)]*\)", top)) == {OVERFLOW}

    stored = run.report
    texts = [e["text"] for e in stored["retro"]["reconciliation"]]
    assert undecided in texts and rejected in texts
    cells = {s["seat"]: dict(s["cells"]) for s in stored["retro"]["seats"]}
    assert cells["alpha"]["Unique insights"] == README
    assert cells["charlie"]["False positives"] == f"1 ({OVERFLOW})"
    assert stored["lead"]["note"] == note

    html = Path(run.out["paths"]["html"]).read_text(encoding="utf-8")
    readme_html = "README does not document <code>sub</code>"
    overflow_html = "Integer overflow in <code>add</code> for large…"
    assert html.count("No lead decision for <a") == 1
    assert re.search(rf"No lead decision for <a [^>]*>I2</a> \({readme_html}\)", html)
    assert re.search(rf"Unique insights</th>.*?<a [^>]*>I2</a> \({readme_html}\)", html, re.S)
    assert f"Charlie C1 ({overflow_html})" in html.split("Reconciliation")[1]
    assert html.count(f"Charlie C1 ({overflow_html})") >= 2  # the cell and the rejected note
