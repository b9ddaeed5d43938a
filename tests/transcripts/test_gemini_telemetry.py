"""Gemini CLI 0.61 streams an answer its output limit cut as complete; its telemetry log
(pretty-printed records, one after another) gives each API response's finish reasons. The last
response of the main model decides; a helper model's (router, next-speaker check) does not."""

from __future__ import annotations

import json

from deepreview.transcripts.gemini import telemetry_cut_off

CUT = "the output limit (finish reason: length)"


def _response(role: str | None, *reasons: str) -> dict[str, object]:
    attrs: dict[str, object] = {"event.name": "gemini_cli.api_response"}
    attrs["finish_reasons"] = list(reasons)
    if role is not None:
        attrs["role"] = role
    return {"attributes": attrs, "_body": "API response from gemini-2.5-pro."}


def _log(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r, indent=2) + "\n" for r in records)


def test_the_main_models_last_response_cut_by_the_limit_is_a_cut_answer() -> None:
    log = _log(
        _response("main", "stop"),
        _response("main", "stop", "length"),
        _response("utility_next_speaker", "stop"),  # a helper's call after it
        {"scopeMetrics": [], "resource": {}},
    )
    assert telemetry_cut_off(log) == CUT


def test_a_response_that_stopped_normally_is_no_cut() -> None:
    # an earlier turn ran into the limit, the last one did not: the answer is whole
    assert telemetry_cut_off(_log(_response("main", "length"), _response("main", "stop"))) is None
    assert telemetry_cut_off(_log(_response(None, "stop", "length"))) == CUT  # no role: main
    assert telemetry_cut_off(_log(_response("subagent", "length"))) is None


def test_a_log_cut_mid_record_or_missing_is_read_as_far_as_it_goes() -> None:
    whole = _log(_response("main", "stop", "length"))
    partial = _log(_response("main", "stop"))[:40]  # the CLI killed mid-write
    assert telemetry_cut_off(whole + partial) == CUT
    assert telemetry_cut_off("") is None
    assert telemetry_cut_off("not json\n{ broken") is None
    # the tail read from a long log starts mid-record: the next record is read
    assert telemetry_cut_off('  "x": 1\n}\n' + whole) == CUT
