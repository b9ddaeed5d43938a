"""Issue 11 §4: a seat printing a page of random text fails as "unparseable review", also when
the noise has no punctuation at all. Such text ends on no full stop, so it looked like a review
cut off mid-sentence ("unfinished review", its ending quoted as if it were the review's last
words); it is no writing at all. A review that did stop mid-sentence keeps its reason."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, make_repo, run_cli


def _letters(n: int) -> str:
    rng = random.Random(5)
    alphabet = string.ascii_letters + string.digits + "      "
    return "".join(rng.choice(alphabet) for _ in range(n)) + "\n"


def _words(n: int) -> str:
    rng = random.Random(6)
    vocabulary = [
        "quorp",
        "venlo",
        "strab",
        "miskel",
        "trondu",
        "palvex",
        "oskim",
        "grel",
        "duvant",
        "shirrow",
    ]
    return " ".join(rng.choice(vocabulary) for _ in range(n)) + "\n"


CUT_PROSE = (
    "I read the change to calc.py and the tests that cover it, and the add function now "
    "returns the difference of its arguments when the second one is negative, which means the\n"
)
ANNOUNCED = "I looked at the diff. Let me now check `calc.py` for its callers.\n"


def test_noise_without_punctuation_is_no_review_but_cut_prose_is_unfinished(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    printing_seats(
        tmp_path,
        {
            "letters": _letters(3000),
            "words": _words(450),
            "cut": CUT_PROSE,
            "announced": ANNOUNCED,
            "good": NO_FINDINGS,
        },
    )
    res = run_cli(
        ["review", "--agents", "letters,words,cut,announced,good", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    reasons = {s["seat"]: (s["status"], s["reason"]) for s in out["seats"]}
    assert reasons["letters"] == ("failed", "unparseable review")
    assert reasons["words"] == ("failed", "unparseable review")
    assert reasons["cut"] == ("failed", "unfinished review")
    assert reasons["announced"] == ("failed", "unfinished review")
    assert reasons["good"][0] == "ok"
    run = json.loads((Path(out["review_dir"]) / "run.json").read_text())
    assert run["seats"]["letters"]["reason"] == "unparseable review"
