select
  "id",
  "given_name",
  "family_name",
  "personal_identity_number"
from
  "persons"
where
  "persons"."municipality_id" = $1
  and persons.id = any ($2::uuid[])
  and (
    persons.id in (
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $3
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $4)
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $5
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $6)
        )
      union
      select
        emergency_access.person_id
      from
        emergency_access
      where
        emergency_access.staff_id = $7
        and emergency_access.municipality_id = $8
        and emergency_access.ends_at > now()
    )
    and (
      (
        "persons"."municipality_id" = $9
        and (
          exists (
            select
              1 as "one"
            from
              "units"
            where
              "units"."id" = $10
              and "units"."kaa" = $11
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
                and "consent_recipients"."unit_id" = $12
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
                    or "cases"."closed_at" > now() - make_interval(months => $13)
                  )
                  and "cases"."contact_person_id" = $14
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $15
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $16)
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
          and "emergency_access"."staff_id" = $17
          and "emergency_access"."municipality_id" = $18
          and "emergency_access"."ends_at" > now()
      )
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = ["00000000-0000-4000-8000-000000000001"]
-- $3 = "00000000-0000-4000-8000-0000000c0002"
-- $4 = 13
-- $5 = "00000000-0000-4000-8000-0000000c0002"
-- $6 = 13
-- $7 = "00000000-0000-4000-8000-0000000c0002"
-- $8 = "00000000-0000-4000-8000-00000000a001"
-- $9 = "00000000-0000-4000-8000-00000000a001"
-- $10 = "00000000-0000-4000-8000-00000000b001"
-- $11 = true
-- $12 = "00000000-0000-4000-8000-00000000b001"
-- $13 = 13
-- $14 = "00000000-0000-4000-8000-0000000c0002"
-- $15 = "00000000-0000-4000-8000-0000000c0002"
-- $16 = 13
-- $17 = "00000000-0000-4000-8000-0000000c0002"
-- $18 = "00000000-0000-4000-8000-00000000a001"
