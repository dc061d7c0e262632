select
  "persons"."id"
from
  "persons"
where
  false

