select
  "persons"."id"
from
  "persons"
where
  (
    "persons"."municipality_id" = $1
    and exists (
      select
        1 as "one"
      from
        "units"
      where
        "units"."id" = $2
        and "units"."kaa" = $3
    )
    and (
      exists (
        select
          1 as "one"
        from
          "cases"
        where
          "cases"."person_id" = "persons"."id"
          and (
            "cases"."closed_at" is null
            or "cases"."closed_at" > now() - make_interval(months => $4)
          )
          and "cases"."contact_person_id" = $5
      )
      or exists (
        select
          1 as "one"
        from
          "team_members"
          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
        where
          "team_members"."staff_id" = $6
          and "cases"."person_id" = "persons"."id"
          and (
            "cases"."closed_at" is null
            or "cases"."closed_at" > now() - make_interval(months => $7)
          )
      )
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "00000000-0000-4000-8000-00000000b001"
-- $3 = true
-- $4 = 13
-- $5 = "00000000-0000-4000-8000-0000000c0002"
-- $6 = "00000000-0000-4000-8000-0000000c0002"
-- $7 = 13
