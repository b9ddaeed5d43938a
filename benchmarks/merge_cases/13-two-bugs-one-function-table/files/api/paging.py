def paginate(items, page, size):
    """Return one page of `items`; `page` starts at 1, as in the query string."""
    size = int(size)
    start = page * size
    return items[start:start + size]


def page_count(items, size):
    return len(items) // size
