from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter(
    "checkout_requests",
    "Checkout requests handled",
    ["user_id", "status"],
)
LATENCY = Histogram("checkout_latency_seconds", "Checkout latency", buckets=(0.1, 0.5, 1.0))
IN_FLIGHT = Gauge("checkout_in_flight", "Checkouts in progress")


def observe(user_id: str, status: int, seconds: float) -> None:
    REQUESTS.labels(user_id=user_id, status=str(status)).inc()
    LATENCY.observe(seconds)
