from __future__ import annotations

import sys
from pathlib import Path

# scale_kit (canned reviews, clones, seat runs) is importable from here.
sys.path.insert(0, str(Path(__file__).resolve().parent))
