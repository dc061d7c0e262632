select
  "persons"."id"
from
  "persons"
where
  (
    exists (
      select
        1 as "one"
      from
        "emergency_access"
      where
        "emergency_access"."person_id" = "persons"."id"
        and "emergency_access"."staff_id" = $1
        and "emergency_access"."municipality_id" = $2
        and "emergency_access"."ends_at" > now()
    )
    or (
      (
        (
          "persons"."municipality_id" = $3
          and exists (
            select
              1 as "one"
            from
              "units"
            where
              "units"."id" = $4
              and "units"."kaa" = $5
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
                  or "cases"."closed_at" > now() - make_interval(months => $6)
                )
                and "cases"."contact_person_id" = $7
            )
            or exists (
              select
                1 as "one"
              from
                "team_members"
                inner join "cases" on "cases"."team_id" = "team_members"."team_id"
              where
                "team_members"."staff_id" = $8
                and "cases"."person_id" = "persons"."id"
                and (
                  "cases"."closed_at" is null
                  or "cases"."closed_at" > now() - make_interval(months => $9)
                )
            )
          )
        )
        or (
          "persons"."municipality_id" = $10
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
      and exists (
        select
          1 as "one"
        from
          "consents"
          inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
        where
          "consent_recipients"."unit_id" = $15
          and "consents"."withdrawn_at" is null
          and (
            "consents"."valid_until" is null
            or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
          )
          and "consents"."person_id" = "persons"."id"
          and exists (
            select
              1 as "one"
            from
              "consent_categories"
            where
              "consent_categories"."consent_id" = "consents"."id"
              and "consent_categories"."category" = $16
          )
      )
    )
  )
-- $1 = "00000000-0000-4000-8000-0000000c0002"
-- $2 = "00000000-0000-4000-8000-00000000a001"
-- $3 = "00000000-0000-4000-8000-00000000a001"
-- $4 = "00000000-0000-4000-8000-00000000b001"
-- $5 = true
-- $6 = 13
-- $7 = "00000000-0000-4000-8000-0000000c0002"
-- $8 = "00000000-0000-4000-8000-0000000c0002"
-- $9 = 13
-- $10 = "00000000-0000-4000-8000-00000000a001"
-- $11 = 13
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = "00000000-0000-4000-8000-0000000c0002"
-- $14 = 13
-- $15 = "00000000-0000-4000-8000-00000000b001"
-- $16 = "health_social"
