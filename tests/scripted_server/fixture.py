"""pytest fixture: `scripted_server` is a factory; every server it makes is stopped afterwards.

Use it from a conftest with `from scripted_server.fixture import scripted_server  # noqa: F401`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from scripted_server.script import Step
from scripted_server.server import ScriptedServer

ServerFactory = Callable[..., ScriptedServer]


@pytest.fixture
def scripted_server() -> Iterator[ServerFactory]:
    started: list[ScriptedServer] = []

    def make(script: Sequence[Step] | None = None, **kwargs: Any) -> ScriptedServer:
        srv = ScriptedServer(script, **kwargs).start()
        started.append(srv)
        return srv

    yield make
    for srv in started:
        srv.stop()
