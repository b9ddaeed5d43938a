"""The built-in `static` seat: detect-secrets, ruff and `git diff --check` on the added lines.

The seat is `agent.StaticAgent`. This file imports nothing: `secrets_worker` runs as
`python -m deepreview.agents.static.secrets_worker`, which imports this package first, and the
worker (started by every review with a static seat) needs none of the seat's modules.
"""
