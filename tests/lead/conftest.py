from __future__ import annotations

import sys
from pathlib import Path

# lead_kit (canned reviews, the scenario answer, the fake `claude`) is importable from here.
sys.path.insert(0, str(Path(__file__).resolve().parent))
