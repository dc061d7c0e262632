select
  "persons"."id"
from
  "persons"
where
  (
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
      and exists (
        select
          1 as "one"
        from
          "cases"
        where
          "cases"."person_id" = "persons"."id"
          and (
            "cases"."closed_at" is null
            or "cases"."closed_at" > now() - make_interval(months => $4)
          )
          and (
            "cases"."contact_person_id" = $5
            or "cases"."team_id" in (
              select
                "team_members"."team_id"
              from
                "team_members"
              where
                "team_members"."staff_id" = $6
            )
          )
      )
    )
    or (
      (
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
          and exists (
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
              and (
                "cases"."contact_person_id" = $11
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $12
                )
              )
          )
        )
        or (
          "persons"."municipality_id" = $13
          and exists (
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
              and (
                "cases"."contact_person_id" = $15
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $16
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
          and "consent_recipients"."unit_id" = $17
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
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "00000000-0000-4000-8000-00000000b001"
-- $3 = true
-- $4 = 13
-- $5 = "00000000-0000-4000-8000-0000000c0003"
-- $6 = "00000000-0000-4000-8000-0000000c0003"
-- $7 = "00000000-0000-4000-8000-00000000a001"
-- $8 = "00000000-0000-4000-8000-00000000b001"
-- $9 = true
-- $10 = 13
-- $11 = "00000000-0000-4000-8000-0000000c0003"
-- $12 = "00000000-0000-4000-8000-0000000c0003"
-- $13 = "00000000-0000-4000-8000-00000000a001"
-- $14 = 13
-- $15 = "00000000-0000-4000-8000-0000000c0003"
-- $16 = "00000000-0000-4000-8000-0000000c0003"
-- $17 = "00000000-0000-4000-8000-00000000b001"
-- $18 = "00000000-0000-4000-8000-0000000c0003"
-- $19 = "00000000-0000-4000-8000-00000000a001"
