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
        and exists (
          select
            1
          from
            units
          where
            units.id = $5
            and units.kaa = true
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
        and exists (
          select
            1
          from
            units
          where
            units.id = $8
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $9
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $10)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $11
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $12
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $13
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
        team_members.staff_id = $14
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $15)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $16
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $17
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $18
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
        emergency_access.staff_id = $19
        and emergency_access.municipality_id = $20
        and emergency_access.ends_at > now()
    )
    and (
      "persons"."municipality_id" = $21
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $22
          and "emergency_access"."municipality_id" = $23
          and "emergency_access"."ends_at" > now()
      )
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = ["00000000-0000-4000-8000-000000000001"]
-- $3 = "00000000-0000-4000-8000-0000000c0002"
-- $4 = 13
-- $5 = "00000000-0000-4000-8000-00000000b001"
-- $6 = "00000000-0000-4000-8000-0000000c0002"
-- $7 = 13
-- $8 = "00000000-0000-4000-8000-00000000b001"
-- $9 = "00000000-0000-4000-8000-0000000c0002"
-- $10 = 13
-- $11 = "00000000-0000-4000-8000-00000000b001"
-- $12 = "00000000-0000-4000-8000-00000000b001"
-- $13 = "00000000-0000-4000-8000-00000000b001"
-- $14 = "00000000-0000-4000-8000-0000000c0002"
-- $15 = 13
-- $16 = "00000000-0000-4000-8000-00000000b001"
-- $17 = "00000000-0000-4000-8000-00000000b001"
-- $18 = "00000000-0000-4000-8000-00000000b001"
-- $19 = "00000000-0000-4000-8000-0000000c0002"
-- $20 = "00000000-0000-4000-8000-00000000a001"
-- $21 = "00000000-0000-4000-8000-00000000a001"
-- $22 = "00000000-0000-4000-8000-0000000c0002"
-- $23 = "00000000-0000-4000-8000-00000000a001"
