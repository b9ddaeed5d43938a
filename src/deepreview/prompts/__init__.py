"""Prompts (package-data Jinja templates) and the code that fills them."""
