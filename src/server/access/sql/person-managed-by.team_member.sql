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
    and persons.id in (
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $4
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $5)
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $6
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $7)
        )
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "00000000-0000-4000-8000-00000000b001"
-- $3 = true
-- $4 = "00000000-0000-4000-8000-0000000c0003"
-- $5 = 13
-- $6 = "00000000-0000-4000-8000-0000000c0003"
-- $7 = 13
