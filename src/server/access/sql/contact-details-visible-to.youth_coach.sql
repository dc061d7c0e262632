select
  "persons"."id"
from
  "persons"
where
  (
    "persons"."protected_identity" = $1
    or exists (
      select
        1 as "one"
      from
        "protected_identity_grants"
      where
        "protected_identity_grants"."person_id" = "persons"."id"
        and "protected_identity_grants"."staff_id" = $2
    )
  )
-- $1 = false
-- $2 = "00000000-0000-4000-8000-0000000c0002"
