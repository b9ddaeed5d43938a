"""The review pipeline: choose seats, run them in parallel, consolidate, render, store."""
