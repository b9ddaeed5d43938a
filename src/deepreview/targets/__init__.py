"""Review targets: resolve what the user asked for into base/head SHAs, commits, files, diff."""
