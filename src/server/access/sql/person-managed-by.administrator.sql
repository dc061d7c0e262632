select
  "persons"."id"
from
  "persons"
where
  (
    false
    and false
  )

