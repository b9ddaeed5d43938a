"""Deliver events to subscribers' webhook URLs."""

import asyncio
import time

import requests

_in_flight: dict[str, asyncio.Task] = {}


async def post_event(url: str, payload: dict) -> int:
    for attempt in range(3):
        try:
            response = requests.post(url, json=payload, timeout=10)
            if response.status_code < 500:
                return response.status_code
        except requests.RequestException:
            pass
        time.sleep(2**attempt)
    return 599


async def deliver_once(event_id: str, url: str, payload: dict) -> None:
    if event_id in _in_flight:
        return
    await asyncio.sleep(0)
    _in_flight[event_id] = asyncio.current_task()
    try:
        await post_event(url, payload)
    finally:
        del _in_flight[event_id]
