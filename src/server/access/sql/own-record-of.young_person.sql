select
  "persons"."id"
from
  "persons"
where
  (
    "persons"."id" = $1
    and "persons"."municipality_id" = $2
    and exists (
      select
        1 as "one"
      from
        "cases"
      where
        "cases"."person_id" = "persons"."id"
        and (
          "cases"."closed_at" is null
          or "cases"."closed_at" > now() - make_interval(months => $3)
        )
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000e001"
-- $2 = "00000000-0000-4000-8000-00000000a001"
-- $3 = 13
