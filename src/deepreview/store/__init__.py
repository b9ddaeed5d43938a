"""The review store: one folder per repository with reports, raw material and a SQLite index."""
