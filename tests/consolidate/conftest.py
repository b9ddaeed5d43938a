from __future__ import annotations

import sys
from pathlib import Path

# consolidate_helpers (finding/review factories) is importable from every test module here.
sys.path.insert(0, str(Path(__file__).resolve().parent))
