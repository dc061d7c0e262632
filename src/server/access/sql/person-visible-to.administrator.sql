select
  "persons"."id"
from
  "persons"
where
  (
    false
    and (
      false
      or (
        false
        and exists (
          select
            1 as "one"
          from
            "consents"
            inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
          where
            "consent_recipients"."unit_id" = $1
            and "consents"."withdrawn_at" is null
            and (
              "consents"."valid_until" is null
              or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
            )
            and "consents"."person_id" = "persons"."id"
        )
      )
      or false
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000b001"
