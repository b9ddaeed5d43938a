import os
import time
from collections import defaultdict

from flask import Flask, abort, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
UPLOAD_DIR = "/srv/app/uploads"
WINDOW = 60
LIMIT = 20
_hits: dict[str, list[float]] = defaultdict(list)


def client_ip() -> str:
    return request.headers.get("X-Forwarded-For", request.remote_addr)


@app.before_request
def rate_limit() -> None:
    now = time.time()
    hits = [t for t in _hits[client_ip()] if now - t < WINDOW]
    if len(hits) >= LIMIT:
        abort(429)
    hits.append(now)
    _hits[client_ip()] = hits


@app.post("/api/upload")
def upload():
    f = request.files["photo"]
    f.save(os.path.join(UPLOAD_DIR, f.filename))
    return {"ok": True}, 201
