"""Deep Review: several coding agents review one change; one verified, consolidated report."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
