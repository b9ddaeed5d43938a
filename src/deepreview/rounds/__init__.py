"""Rounds and memory: a series' previous round, its fix verdicts, and declined findings."""
