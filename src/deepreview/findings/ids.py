"""What a finding ID's number looks like, one pattern for every parser that reads IDs.

Three digits were once the limit: a generated review of 2000 findings had I1000 read as part of
I999's text. Five digits hold any review a model writes, while a longer run of digits after a
letter (`C20260101`, a hash) stays a word, not an ID.
"""

from __future__ import annotations

from typing import Final

ID_NUMBER: Final = r"\d{1,5}"
# `C2`, `I-12`: a level letter, an optional hyphen and the number.
FINDING_ID: Final = rf"[CIS]-?{ID_NUMBER}"
