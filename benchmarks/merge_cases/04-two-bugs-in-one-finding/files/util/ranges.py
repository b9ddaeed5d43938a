"""Parse page ranges such as "3-7" or "12"."""


def parse_range(text):
    text = text.strip()
    if "-" in text:
        lo, hi = text.split("-")
        return range(int(lo), int(hi))
    n = int(text)
    return range(n, n + 1)


def parse_ranges(spec):
    pages = []
    for part in spec.split(","):
        pages.extend(parse_range(part))
    return sorted(set(pages))
