select
  "persons"."id"
from
  "persons"
where
  (
    "persons"."municipality_id" = $1
    and (
      "persons"."municipality_id" = $2
      or (
        "persons"."municipality_id" = $3
        and exists (
          select
            1 as "one"
          from
            "consents"
            inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
          where
            "consent_recipients"."unit_id" = $4
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
          and "emergency_access"."staff_id" = $5
          and "emergency_access"."municipality_id" = $6
          and "emergency_access"."ends_at" > now()
      )
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "00000000-0000-4000-8000-00000000a001"
-- $3 = "00000000-0000-4000-8000-00000000a001"
-- $4 = "00000000-0000-4000-8000-00000000b001"
-- $5 = "00000000-0000-4000-8000-0000000c0001"
-- $6 = "00000000-0000-4000-8000-00000000a001"
