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
      union
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
      union
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
      (
        "persons"."municipality_id" = $7
        and (
          exists (
            select
              1 as "one"
            from
              "units"
            where
              "units"."id" = $8
              and "units"."kaa" = $9
          )
          or (
            exists (
              select
                1 as "one"
              from
                "consents"
                inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
              where
                "consents"."person_id" = "persons"."id"
                and "consents"."withdrawn_at" is null
                and (
                  "consents"."valid_until" is null
                  or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
                )
                and "consent_recipients"."unit_id" = $10
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
                    or "cases"."closed_at" > now() - make_interval(months => $11)
                  )
                  and "cases"."contact_person_id" = $12
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $13
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $14)
                  )
              )
            )
          )
        )
      )
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $15
          and "emergency_access"."municipality_id" = $16
          and "emergency_access"."ends_at" > now()
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
-- $10 = "00000000-0000-4000-8000-00000000b001"
-- $11 = 13
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = "00000000-0000-4000-8000-0000000c0002"
-- $14 = 13
-- $15 = "00000000-0000-4000-8000-0000000c0002"
-- $16 = "00000000-0000-4000-8000-00000000a001"
