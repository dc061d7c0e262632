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
      (
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
      or (
        (
          (
            "persons"."municipality_id" = $14
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $15
                and "units"."kaa" = $16
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
                    or "cases"."closed_at" > now() - make_interval(months => $17)
                  )
                  and "cases"."contact_person_id" = $18
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $19
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $20)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $21
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
                    or "cases"."closed_at" > now() - make_interval(months => $22)
                  )
                  and "cases"."contact_person_id" = $23
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $24
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $25)
                  )
              )
            )
          )
        )
        and exists (
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
            and "consent_recipients"."unit_id" = $26
        )
      )
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $27
          and "emergency_access"."municipality_id" = $28
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
-- $10 = 13
-- $11 = "00000000-0000-4000-8000-0000000c0002"
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = 13
-- $14 = "00000000-0000-4000-8000-00000000a001"
-- $15 = "00000000-0000-4000-8000-00000000b001"
-- $16 = true
-- $17 = 13
-- $18 = "00000000-0000-4000-8000-0000000c0002"
-- $19 = "00000000-0000-4000-8000-0000000c0002"
-- $20 = 13
-- $21 = "00000000-0000-4000-8000-00000000a001"
-- $22 = 13
-- $23 = "00000000-0000-4000-8000-0000000c0002"
-- $24 = "00000000-0000-4000-8000-0000000c0002"
-- $25 = 13
-- $26 = "00000000-0000-4000-8000-00000000b001"
-- $27 = "00000000-0000-4000-8000-0000000c0002"
-- $28 = "00000000-0000-4000-8000-00000000a001"
