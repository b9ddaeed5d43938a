import os

import requests

DEFAULT_HOST = "https://api.example.com"


def client_timeout():
    # seconds the HTTP client waits for the upstream
    return int(os.environ.get("UPSTREAM_TIMEOUT")) * 1000


def fetch(path):
    return requests.get(DEFAULT_HOST + path, timeout=client_timeout())
