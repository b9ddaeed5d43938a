select
    *,
    customer_segment as segment
from {{ ref('customers_snapshot') }}
-- every version the snapshot has recorded
