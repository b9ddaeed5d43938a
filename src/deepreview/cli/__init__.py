"""Command-line interface: the only layer that prints. Commands live in their own modules."""
