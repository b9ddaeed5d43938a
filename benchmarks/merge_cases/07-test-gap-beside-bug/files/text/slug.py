import re

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(title, max_len=60):
    """URL slug for an article title."""
    slug = _NON_WORD.sub("-", title.lower()).strip("-")
    return slug[:max_len]
