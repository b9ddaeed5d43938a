import asyncio
from unittest import mock

from hooks.deliver import post_event


def test_post_event_returns_status():
    fake = mock.Mock(status_code=200)
    with mock.patch("hooks.deliver.requests.post", return_value=fake):
        assert asyncio.run(post_event("https://example.test/hook", {"a": 1})) == 200
