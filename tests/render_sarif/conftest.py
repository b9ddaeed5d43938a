from __future__ import annotations

import sys
from pathlib import Path

# sarif_kit (the schema check every SARIF test uses) is importable from this folder's tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))
