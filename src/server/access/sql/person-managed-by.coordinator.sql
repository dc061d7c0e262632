select
  "persons"."id"
from
  "persons"
where
  (
    "persons"."municipality_id" = $1
    and "persons"."municipality_id" = $2
  )
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "00000000-0000-4000-8000-00000000a001"
