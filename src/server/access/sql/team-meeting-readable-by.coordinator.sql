select
  "teams"."id"
from
  "teams"
where
  "teams"."municipality_id" = $1
-- $1 = "00000000-0000-4000-8000-00000000a001"
