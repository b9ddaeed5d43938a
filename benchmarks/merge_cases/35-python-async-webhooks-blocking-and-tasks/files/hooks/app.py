"""HTTP front end: accepts events and fans them out to subscribers."""

import asyncio

from aiohttp import web

from hooks.deliver import deliver_once
from hooks.store import subscribers_for

routes = web.RouteTableDef()


@routes.post("/events")
async def receive(request: web.Request) -> web.Response:
    event = await request.json()
    for sub in await subscribers_for(event["topic"]):
        asyncio.create_task(deliver_once(event["id"], sub.url, event))
    return web.json_response({"accepted": True}, status=202)


def make_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app
