"""An analyzer's rule and a model's finding naming one failure at one line.

From merge cases 31 and 33 (development cases from round mg72c on; benchmarks/README.md,
"Development cases 31-35"): "By default new constraints require a table scan and block writes"
(an analyzer's rule) at the `CHECK` constraint's lines and "the constraint ... scans the whole
table while the exclusive lock is held" at one of them; "IAM policy document uses wildcarded
action" and "Export role gets `s3:*` on every resource" at the policy's line. The grading stance
(`stance.stance_bonus`) never speaks for an analyzer's finding, whose grade and wording are the
rule's, so nothing said the two titles name one failure there. The rule's message names its
failure as a model names it; when both titles name the same one (not only how it ends,
`claims.SYMPTOMS`) at lines that meet, that is what the stance gives two models.
"""

from __future__ import annotations

from deepreview.consolidate.claims import SYMPTOMS
from deepreview.consolidate.features import Features
from deepreview.consolidate.spans import meet_on_a_line

# What the stance gives two models' findings naming one failure at one line, less: a rule's
# message is stock, and the place and the claim already count
RULE_CLAIM_BONUS = 0.1


def rule_names_the_failure(x: Features, y: Features) -> bool:
    """Both titles name the same failure, beyond how it ends, at lines that meet."""
    return bool((x.claims & y.claims) - SYMPTOMS) and meet_on_a_line(x, y)
