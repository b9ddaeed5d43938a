from datetime import datetime, timezone

from lib.dates import parse_stamp


def overdue(invoices, now=None):
    now = now or datetime.now(timezone.utc)
    late = []
    for inv in invoices:
        due = parse_stamp(inv["due"])
        if due < now:
            late.append(inv["id"])
    return late


def total_late(invoices):
    return sum(inv["amount"] for inv in invoices if inv["id"] in overdue(invoices))
