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
    "persons"."municipality_id" = $4
    and (
      "persons"."municipality_id" = $5
      or (
        "persons"."municipality_id" = $6
        and exists (
          select
            1 as "one"
          from
            "consents"
            inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
          where
            "consent_recipients"."unit_id" = $7
            and "consents"."withdrawn_at" is null
            and (
              "consents"."valid_until" is null
              or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
            )
            and "consents"."person_id" = "persons"."id"
        )
      )
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $8
          and "emergency_access"."municipality_id" = $9
          and "emergency_access"."ends_at" > now()
      )
    )
  )
  and (
    case
      when substr("persons"."personal_identity_number", 11, 1)::int % 2 = 1 then 'male'
      else 'female'
    end
  ) = $10
  and (cardinality(cases.documented_problems) > 0) = $11
  and (
    exists (
      select
        1 as "one"
      from
        "emergency_access"
      where
        "emergency_access"."person_id" = "persons"."id"
        and "emergency_access"."staff_id" = $12
        and "emergency_access"."municipality_id" = $13
        and "emergency_access"."ends_at" > now()
    )
    or (
      "persons"."municipality_id" = $14
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
order by
  "cases"."closed_on",
  "persons"."family_name",
  "persons"."given_name",
  "cases"."id"
limit
  $17
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "2026-01-01"
-- $3 = "2026-06-30"
-- $4 = "00000000-0000-4000-8000-00000000a001"
-- $5 = "00000000-0000-4000-8000-00000000a001"
-- $6 = "00000000-0000-4000-8000-00000000a001"
-- $7 = "00000000-0000-4000-8000-00000000b001"
-- $8 = "00000000-0000-4000-8000-0000000c0001"
-- $9 = "00000000-0000-4000-8000-00000000a001"
-- $10 = "female"
-- $11 = true
-- $12 = "00000000-0000-4000-8000-0000000c0001"
-- $13 = "00000000-0000-4000-8000-00000000a001"
-- $14 = "00000000-0000-4000-8000-00000000a001"
-- $15 = "00000000-0000-4000-8000-00000000b001"
-- $16 = "health_social"
-- $17 = 501
