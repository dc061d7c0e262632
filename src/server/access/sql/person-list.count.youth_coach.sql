select
  count(*)::int as "total"
from
  "persons"
  left join lateral (
    select
      "cases"."id" as "case_id",
      "cases"."status",
      "cases"."team_id",
      "contact"."id" as "contact_id",
      "contact"."name" as "contact_name"
    from
      "cases"
      left join "staff" as "contact" on "contact"."id" = "cases"."contact_person_id"
    where
      "cases"."person_id" = "persons"."id"
    order by
      "cases"."opened_at" desc
    limit
      $1
  ) as "latest" on true
where
  (
    (
      "persons"."municipality_id" = $2
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $3
          and "units"."kaa" = $4
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
            or "cases"."closed_at" > now() - make_interval(months => $5)
          )
          and (
            "cases"."contact_person_id" = $6
            or "cases"."team_id" in (
              select
                "team_members"."team_id"
              from
                "team_members"
              where
                "team_members"."staff_id" = $7
            )
          )
      )
    )
    or (
      (
        (
          "persons"."municipality_id" = $8
          and exists (
            select
              1 as "one"
            from
              "units"
            where
              "units"."id" = $9
              and "units"."kaa" = $10
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
                or "cases"."closed_at" > now() - make_interval(months => $11)
              )
              and (
                "cases"."contact_person_id" = $12
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $13
                )
              )
          )
        )
        or (
          "persons"."municipality_id" = $14
          and exists (
            select
              1 as "one"
            from
              "cases"
            where
              "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $15)
              )
              and (
                "cases"."contact_person_id" = $16
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $17
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
          and "consent_recipients"."unit_id" = $18
      )
    )
    or exists (
      select
        1 as "one"
      from
        "emergency_access"
      where
        "emergency_access"."person_id" = "persons"."id"
        and "emergency_access"."staff_id" = $19
        and "emergency_access"."municipality_id" = $20
        and "emergency_access"."ends_at" > now()
    )
  )
  and (
    (
      "persons"."given_name" ilike $21
      or "persons"."family_name" ilike $22
    )
    and (
      exists (
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
      or (
        (
          (
            "persons"."municipality_id" = $25
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $26
                and "units"."kaa" = $27
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
                  or "cases"."closed_at" > now() - make_interval(months => $28)
                )
                and (
                  "cases"."contact_person_id" = $29
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $30
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $31
            and exists (
              select
                1 as "one"
              from
                "cases"
              where
                "cases"."person_id" = "persons"."id"
                and (
                  "cases"."closed_at" is null
                  or "cases"."closed_at" > now() - make_interval(months => $32)
                )
                and (
                  "cases"."contact_person_id" = $33
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $34
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
            and "consent_recipients"."unit_id" = $35
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $36
            )
        )
      )
      or (
        "persons"."municipality_id" = $37
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $38
            and "units"."kaa" = $39
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
              or "cases"."closed_at" > now() - make_interval(months => $40)
            )
            and (
              "cases"."contact_person_id" = $41
              or "cases"."team_id" in (
                select
                  "team_members"."team_id"
                from
                  "team_members"
                where
                  "team_members"."staff_id" = $42
              )
            )
        )
      )
    )
    and latest.status <> 'closed'
  )
-- $1 = 1
-- $2 = "00000000-0000-4000-8000-00000000a001"
-- $3 = "00000000-0000-4000-8000-00000000b001"
-- $4 = true
-- $5 = 13
-- $6 = "00000000-0000-4000-8000-0000000c0002"
-- $7 = "00000000-0000-4000-8000-0000000c0002"
-- $8 = "00000000-0000-4000-8000-00000000a001"
-- $9 = "00000000-0000-4000-8000-00000000b001"
-- $10 = true
-- $11 = 13
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = "00000000-0000-4000-8000-0000000c0002"
-- $14 = "00000000-0000-4000-8000-00000000a001"
-- $15 = 13
-- $16 = "00000000-0000-4000-8000-0000000c0002"
-- $17 = "00000000-0000-4000-8000-0000000c0002"
-- $18 = "00000000-0000-4000-8000-00000000b001"
-- $19 = "00000000-0000-4000-8000-0000000c0002"
-- $20 = "00000000-0000-4000-8000-00000000a001"
-- $21 = "%andersson%"
-- $22 = "%andersson%"
-- $23 = "00000000-0000-4000-8000-0000000c0002"
-- $24 = "00000000-0000-4000-8000-00000000a001"
-- $25 = "00000000-0000-4000-8000-00000000a001"
-- $26 = "00000000-0000-4000-8000-00000000b001"
-- $27 = true
-- $28 = 13
-- $29 = "00000000-0000-4000-8000-0000000c0002"
-- $30 = "00000000-0000-4000-8000-0000000c0002"
-- $31 = "00000000-0000-4000-8000-00000000a001"
-- $32 = 13
-- $33 = "00000000-0000-4000-8000-0000000c0002"
-- $34 = "00000000-0000-4000-8000-0000000c0002"
-- $35 = "00000000-0000-4000-8000-00000000b001"
-- $36 = "contact_occupation"
-- $37 = "00000000-0000-4000-8000-00000000a001"
-- $38 = "00000000-0000-4000-8000-00000000b001"
-- $39 = true
-- $40 = 13
-- $41 = "00000000-0000-4000-8000-0000000c0002"
-- $42 = "00000000-0000-4000-8000-0000000c0002"
