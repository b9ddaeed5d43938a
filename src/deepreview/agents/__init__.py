"""Reviewer seats: the adapter contract (`base`), the registry, and one module per agent."""
