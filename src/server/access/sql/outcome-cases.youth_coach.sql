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
        and exists (
          select
            1
          from
            units
          where
            units.id = $6
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $7
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $8)
        )
        and exists (
          select
            1
          from
            units
          where
            units.id = $9
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $10
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $11)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $12
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $13
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $14
              and "consents"."withdrawn_at" is null
              and (
                "consents"."valid_until" is null
                or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
              )
          )
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $15
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $16)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $17
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $18
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $19
              and "consents"."withdrawn_at" is null
              and (
                "consents"."valid_until" is null
                or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
              )
          )
        )
      union
      select
        emergency_access.person_id
      from
        emergency_access
      where
        emergency_access.staff_id = $20
        and emergency_access.municipality_id = $21
        and emergency_access.ends_at > now()
    )
    and (
      "persons"."municipality_id" = $22
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $23
          and "emergency_access"."municipality_id" = $24
          and "emergency_access"."ends_at" > now()
      )
    )
  )
  and "cases"."outcome" = $25
  and "cases"."target_group" = $26
order by
  "cases"."closed_on",
  "persons"."family_name",
  "persons"."given_name",
  "cases"."id"
limit
  $27
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "2026-01-01"
-- $3 = "2026-06-30"
-- $4 = "00000000-0000-4000-8000-0000000c0002"
-- $5 = 13
-- $6 = "00000000-0000-4000-8000-00000000b001"
-- $7 = "00000000-0000-4000-8000-0000000c0002"
-- $8 = 13
-- $9 = "00000000-0000-4000-8000-00000000b001"
-- $10 = "00000000-0000-4000-8000-0000000c0002"
-- $11 = 13
-- $12 = "00000000-0000-4000-8000-00000000b001"
-- $13 = "00000000-0000-4000-8000-00000000b001"
-- $14 = "00000000-0000-4000-8000-00000000b001"
-- $15 = "00000000-0000-4000-8000-0000000c0002"
-- $16 = 13
-- $17 = "00000000-0000-4000-8000-00000000b001"
-- $18 = "00000000-0000-4000-8000-00000000b001"
-- $19 = "00000000-0000-4000-8000-00000000b001"
-- $20 = "00000000-0000-4000-8000-0000000c0002"
-- $21 = "00000000-0000-4000-8000-00000000a001"
-- $22 = "00000000-0000-4000-8000-00000000a001"
-- $23 = "00000000-0000-4000-8000-0000000c0002"
-- $24 = "00000000-0000-4000-8000-00000000a001"
-- $25 = "work"
-- $26 = "kaa"
-- $27 = 501
