"""Price lookups with an in-process cache."""

from catalog import db

_cache = {}


def get_price(sku):
    if sku in _cache:
        return _cache[sku]
    price = db.fetch_price(sku)
    _cache[sku] = price
    return price


def set_price(sku, price):
    db.store_price(sku, price)


def clear():
    _cache.clear()
