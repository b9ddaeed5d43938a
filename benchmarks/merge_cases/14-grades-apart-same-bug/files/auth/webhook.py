import hashlib
import hmac

from auth.config import WEBHOOK_KEY


def verify(body: bytes, signature: str) -> bool:
    expected = hmac.new(WEBHOOK_KEY, body, hashlib.sha256).hexdigest()
    return expected == signature


def handle(request):
    if not verify(request.body, request.headers.get("X-Signature", "")):
        return 403
    return 200
