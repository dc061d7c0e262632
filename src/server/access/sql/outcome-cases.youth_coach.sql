select
  "cases"."id" as "case_id",
  "cases"."outcome",
  "cases"."target_group",
  "persons"."id" as "person_id",
  "persons"."given_name",
  "persons"."family_name",
  "persons"."personal_identity_number",
  to_char(cases.closed_on, 'YYYY-MM-DD') as "closed_on_day"
from
  "cases"
  inner join "persons" on "persons"."id" = "cases"."person_id"
where
  "cases"."municipality_id" = $1
  and "cases"."closed_on" >= $2
  and "cases"."closed_on" <= $3
  and "cases"."outcome" is not null
  and (
    persons.id in (
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
      union
      select
        emergency_access.person_id
      from
        emergency_access
      where
        emergency_access.staff_id = $8
        and emergency_access.municipality_id = $9
        and emergency_access.ends_at > now()
    )
    and (
      (
        "persons"."municipality_id" = $10
        and (
          exists (
            select
              1 as "one"
            from
              "units"
            where
              "units"."id" = $11
              and "units"."kaa" = $12
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
                and "consent_recipients"."unit_id" = $13
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
                    or "cases"."closed_at" > now() - make_interval(months => $14)
                  )
                  and "cases"."contact_person_id" = $15
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $16
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $17)
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
          and "emergency_access"."staff_id" = $18
          and "emergency_access"."municipality_id" = $19
          and "emergency_access"."ends_at" > now()
      )
    )
  )
  and "cases"."outcome" = $20
  and "cases"."target_group" = $21
order by
  "cases"."closed_on",
  "persons"."family_name",
  "persons"."given_name",
  "cases"."id"
limit
  $22
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "2026-01-01"
-- $3 = "2026-06-30"
-- $4 = "00000000-0000-4000-8000-0000000c0002"
-- $5 = 13
-- $6 = "00000000-0000-4000-8000-0000000c0002"
-- $7 = 13
-- $8 = "00000000-0000-4000-8000-0000000c0002"
-- $9 = "00000000-0000-4000-8000-00000000a001"
-- $10 = "00000000-0000-4000-8000-00000000a001"
-- $11 = "00000000-0000-4000-8000-00000000b001"
-- $12 = true
-- $13 = "00000000-0000-4000-8000-00000000b001"
-- $14 = 13
-- $15 = "00000000-0000-4000-8000-0000000c0002"
-- $16 = "00000000-0000-4000-8000-0000000c0002"
-- $17 = 13
-- $18 = "00000000-0000-4000-8000-0000000c0002"
-- $19 = "00000000-0000-4000-8000-00000000a001"
-- $20 = "work"
-- $21 = "kaa"
-- $22 = 501
