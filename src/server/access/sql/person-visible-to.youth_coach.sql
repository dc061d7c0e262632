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
        and exists (
          select
            1
          from
            units
          where
            units.id = $3
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $4
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
      where
        cases.contact_person_id = $7
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $8)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $9
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $10
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $11
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
        team_members.staff_id = $12
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $13)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $14
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $15
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $16
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
        emergency_access.staff_id = $17
        and emergency_access.municipality_id = $18
        and emergency_access.ends_at > now()
    )
    and (
      "persons"."municipality_id" = $19
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $20
          and "emergency_access"."municipality_id" = $21
          and "emergency_access"."ends_at" > now()
      )
    )
  )
-- $1 = "00000000-0000-4000-8000-0000000c0002"
-- $2 = 13
-- $3 = "00000000-0000-4000-8000-00000000b001"
-- $4 = "00000000-0000-4000-8000-0000000c0002"
-- $5 = 13
-- $6 = "00000000-0000-4000-8000-00000000b001"
-- $7 = "00000000-0000-4000-8000-0000000c0002"
-- $8 = 13
-- $9 = "00000000-0000-4000-8000-00000000b001"
-- $10 = "00000000-0000-4000-8000-00000000b001"
-- $11 = "00000000-0000-4000-8000-00000000b001"
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = 13
-- $14 = "00000000-0000-4000-8000-00000000b001"
-- $15 = "00000000-0000-4000-8000-00000000b001"
-- $16 = "00000000-0000-4000-8000-00000000b001"
-- $17 = "00000000-0000-4000-8000-0000000c0002"
-- $18 = "00000000-0000-4000-8000-00000000a001"
-- $19 = "00000000-0000-4000-8000-00000000a001"
-- $20 = "00000000-0000-4000-8000-0000000c0002"
-- $21 = "00000000-0000-4000-8000-00000000a001"
