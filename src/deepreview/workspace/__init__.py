"""Per-seat git worktrees and isolated homes, as context managers that always clean up."""
