select
  "persons"."id"
from
  "persons"
where
  (
    persons.id in (
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $1
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $2)
        )
      union all
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $3
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $4)
        )
      union all
      select
        emergency_access.person_id
      from
        emergency_access
      where
        emergency_access.staff_id = $5
        and emergency_access.municipality_id = $6
        and emergency_access.ends_at > now()
    )
    and (
      "persons"."municipality_id" = $7
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $8
          and "units"."kaa" = $9
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
              or "cases"."closed_at" > now() - make_interval(months => $10)
            )
            and "cases"."contact_person_id" = $11
        )
        or exists (
          select
            1 as "one"
          from
            "team_members"
            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
          where
            "team_members"."staff_id" = $12
            and "cases"."person_id" = "persons"."id"
            and (
              "cases"."closed_at" is null
              or "cases"."closed_at" > now() - make_interval(months => $13)
            )
        )
      )
    )
  )
-- $1 = "00000000-0000-4000-8000-0000000c0002"
-- $2 = 13
-- $3 = "00000000-0000-4000-8000-0000000c0002"
-- $4 = 13
-- $5 = "00000000-0000-4000-8000-0000000c0002"
-- $6 = "00000000-0000-4000-8000-00000000a001"
-- $7 = "00000000-0000-4000-8000-00000000a001"
-- $8 = "00000000-0000-4000-8000-00000000b001"
-- $9 = true
-- $10 = 13
-- $11 = "00000000-0000-4000-8000-0000000c0002"
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = 13
