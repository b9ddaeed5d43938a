import json
from decimal import Decimal


def to_cents(amount):
    """Convert a price in euros to integer cents."""
    return int(amount * 100)


def line_total(item):
    qty = item["qty"]
    if qty < 0:
        raise ValueError("negative quantity")
    return item["price"] * qty


def checkout(cart, currency):
    total = 0
    for item in cart["items"]:
        total += line_total(item)
    # the payment API takes cents
    cents = to_cents(total)
    return {"amount": cents, "currency": currency}
