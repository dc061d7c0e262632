select
  count(*)::int as "total"
from
  (
    select
      1 as "one"
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
        persons.id in (
          select
            cases.person_id
          from
            cases
          where
            cases.contact_person_id = $2
            and (
              cases.closed_at is null
              or cases.closed_at > now() - make_interval(months => $3)
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
          union
          select
            emergency_access.person_id
          from
            emergency_access
          where
            emergency_access.staff_id = $6
            and emergency_access.municipality_id = $7
            and emergency_access.ends_at > now()
        )
        and (
          (
            "persons"."municipality_id" = $8
            and (
              exists (
                select
                  1 as "one"
                from
                  "units"
                where
                  "units"."id" = $9
                  and "units"."kaa" = $10
              )
              or (
                exists (
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
                    and "consent_recipients"."unit_id" = $11
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
                        or "cases"."closed_at" > now() - make_interval(months => $12)
                      )
                      and "cases"."contact_person_id" = $13
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $14
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $15)
                      )
                  )
                )
              )
            )
          )
          or exists (
            select
              1 as "one"
            from
              "emergency_access"
            where
              "emergency_access"."person_id" = "persons"."id"
              and "emergency_access"."staff_id" = $16
              and "emergency_access"."municipality_id" = $17
              and "emergency_access"."ends_at" > now()
          )
        )
      )
      and (
        (
          "persons"."given_name" ilike $18
          or "persons"."family_name" ilike $19
        )
        and (
          exists (
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
          or (
            (
              (
                "persons"."municipality_id" = $22
                and exists (
                  select
                    1 as "one"
                  from
                    "units"
                  where
                    "units"."id" = $23
                    and "units"."kaa" = $24
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
                        or "cases"."closed_at" > now() - make_interval(months => $25)
                      )
                      and "cases"."contact_person_id" = $26
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $27
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $28)
                      )
                  )
                )
              )
              or (
                "persons"."municipality_id" = $29
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
                        or "cases"."closed_at" > now() - make_interval(months => $30)
                      )
                      and "cases"."contact_person_id" = $31
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $32
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $33)
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
                and "consent_recipients"."unit_id" = $34
                and exists (
                  select
                    1 as "one"
                  from
                    "consent_categories"
                  where
                    "consent_categories"."consent_id" = "consents"."id"
                    and "consent_categories"."category" = $35
                )
            )
          )
          or (
            "persons"."municipality_id" = $36
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $37
                and "units"."kaa" = $38
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
                    or "cases"."closed_at" > now() - make_interval(months => $39)
                  )
                  and "cases"."contact_person_id" = $40
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $41
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $42)
                  )
              )
            )
          )
        )
        and latest.status <> 'closed'
      )
    limit
      $43
  ) as "matching"
-- $1 = 1
-- $2 = "00000000-0000-4000-8000-0000000c0002"
-- $3 = 13
-- $4 = "00000000-0000-4000-8000-0000000c0002"
-- $5 = 13
-- $6 = "00000000-0000-4000-8000-0000000c0002"
-- $7 = "00000000-0000-4000-8000-00000000a001"
-- $8 = "00000000-0000-4000-8000-00000000a001"
-- $9 = "00000000-0000-4000-8000-00000000b001"
-- $10 = true
-- $11 = "00000000-0000-4000-8000-00000000b001"
-- $12 = 13
-- $13 = "00000000-0000-4000-8000-0000000c0002"
-- $14 = "00000000-0000-4000-8000-0000000c0002"
-- $15 = 13
-- $16 = "00000000-0000-4000-8000-0000000c0002"
-- $17 = "00000000-0000-4000-8000-00000000a001"
-- $18 = "%andersson%"
-- $19 = "%andersson%"
-- $20 = "00000000-0000-4000-8000-0000000c0002"
-- $21 = "00000000-0000-4000-8000-00000000a001"
-- $22 = "00000000-0000-4000-8000-00000000a001"
-- $23 = "00000000-0000-4000-8000-00000000b001"
-- $24 = true
-- $25 = 13
-- $26 = "00000000-0000-4000-8000-0000000c0002"
-- $27 = "00000000-0000-4000-8000-0000000c0002"
-- $28 = 13
-- $29 = "00000000-0000-4000-8000-00000000a001"
-- $30 = 13
-- $31 = "00000000-0000-4000-8000-0000000c0002"
-- $32 = "00000000-0000-4000-8000-0000000c0002"
-- $33 = 13
-- $34 = "00000000-0000-4000-8000-00000000b001"
-- $35 = "contact_occupation"
-- $36 = "00000000-0000-4000-8000-00000000a001"
-- $37 = "00000000-0000-4000-8000-00000000b001"
-- $38 = true
-- $39 = 13
-- $40 = "00000000-0000-4000-8000-0000000c0002"
-- $41 = "00000000-0000-4000-8000-0000000c0002"
-- $42 = 13
-- $43 = 10003
