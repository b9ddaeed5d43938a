from __future__ import annotations

import sys
from pathlib import Path

# stats_kit (this folder) and lead_kit (the fake `claude` lead) are importable from here.
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "lead"))
