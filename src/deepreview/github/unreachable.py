"""The one line said when GitHub's API cannot be reached at all (no HTTP answer): the host,
what failed in plain words, what to check. Never Python's `<urlopen error [Errno 111] …>`,
and never "log in": no credential helps a connection that was refused or a name that does
not resolve."""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.parse

from deepreview.runmodel import format_duration


def unreachable_message(url: str, what: str, exc: BaseException, timeout: float) -> str:
    """`could not reach HOST for WHAT: WHY; check …` for a request to `url` that failed with
    `exc` (a `URLError`; an `OSError` or http.client's `HTTPException` raised while reading;
    http.client's `ValueError` for a URL no request line can carry)."""
    host = urllib.parse.urlsplit(url).netloc or url
    return (
        f"could not reach {host} for {what}: {failure_words(exc, timeout)}; check the network, "
        "or set GITHUB_API_URL (--github-api) if your GitHub's API is elsewhere"
    )


def failure_words(exc: BaseException, timeout: float) -> str:
    """What went wrong, as a person says it."""
    reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, str):  # urllib's own words (e.g. "unknown url type")
        return _flat(reason)
    # most specific first: each of these is an OSError
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "the host name does not resolve"
    if isinstance(reason, TimeoutError):
        return f"timed out (no answer within {format_duration(timeout)})"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"its TLS certificate is not trusted ({_flat(reason.verify_message or '')})"
    if isinstance(reason, ssl.SSLError):
        return f"the TLS connection failed ({_flat(reason.reason or str(reason))})"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "it closed the connection without answering"
    if isinstance(reason, ConnectionResetError):
        return "the connection was reset"
    if isinstance(reason, http.client.IncompleteRead):
        return "its answer was cut off"
    if isinstance(reason, http.client.HTTPException):
        return f"its answer is not HTTP ({type(reason).__name__})"
    if isinstance(reason, OSError) and reason.strerror:
        return _flat(reason.strerror).lower()
    if isinstance(reason, ValueError):
        return f"the request URL is not valid ({_flat(str(reason))})"
    return _flat(str(reason)) or type(reason).__name__


def _flat(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


__all__ = ["failure_words", "unreachable_message"]
