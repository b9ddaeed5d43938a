from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# scale_kit (canned reviews, clones, seat runs) and gha (the local Actions runner) are
# importable from here, and so is the lead tests' kit (canned seats, the fake lead).
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "lead"))
