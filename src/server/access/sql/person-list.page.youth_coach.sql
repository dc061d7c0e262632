select
  "persons"."id"
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
      union all
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
      union all
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
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $9
            and "units"."kaa" = $10
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
      or (
        (
          (
            "persons"."municipality_id" = $15
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $16
                and "units"."kaa" = $17
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
                    or "cases"."closed_at" > now() - make_interval(months => $18)
                  )
                  and "cases"."contact_person_id" = $19
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $20
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $21)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $22
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
                    or "cases"."closed_at" > now() - make_interval(months => $23)
                  )
                  and "cases"."contact_person_id" = $24
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $25
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $26)
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
            and "consent_recipients"."unit_id" = $27
        )
      )
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $28
          and "emergency_access"."municipality_id" = $29
          and "emergency_access"."ends_at" > now()
      )
    )
  )
  and (
    (
      "persons"."given_name" ilike $30
      or "persons"."family_name" ilike $31
    )
    and (
      exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $32
          and "emergency_access"."municipality_id" = $33
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $34
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $35
                and "units"."kaa" = $36
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
                    or "cases"."closed_at" > now() - make_interval(months => $37)
                  )
                  and "cases"."contact_person_id" = $38
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $39
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $40)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $41
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
                    or "cases"."closed_at" > now() - make_interval(months => $42)
                  )
                  and "cases"."contact_person_id" = $43
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $44
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $45)
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
            and "consent_recipients"."unit_id" = $46
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $47
            )
        )
      )
      or (
        "persons"."municipality_id" = $48
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $49
            and "units"."kaa" = $50
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
                or "cases"."closed_at" > now() - make_interval(months => $51)
              )
              and "cases"."contact_person_id" = $52
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $53
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $54)
              )
          )
        )
      )
    )
    and latest.status <> 'closed'
  )
order by
  case
    when (
      exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $55
          and "emergency_access"."municipality_id" = $56
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $57
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $58
                and "units"."kaa" = $59
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
                    or "cases"."closed_at" > now() - make_interval(months => $60)
                  )
                  and "cases"."contact_person_id" = $61
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $62
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $63)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $64
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
                    or "cases"."closed_at" > now() - make_interval(months => $65)
                  )
                  and "cases"."contact_person_id" = $66
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $67
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $68)
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
            and "consent_recipients"."unit_id" = $69
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $70
            )
        )
      )
      or (
        "persons"."municipality_id" = $71
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $72
            and "units"."kaa" = $73
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
                or "cases"."closed_at" > now() - make_interval(months => $74)
              )
              and "cases"."contact_person_id" = $75
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $76
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $77)
              )
          )
        )
      )
    ) then (
      select
        max(ca.at)
      from
        contact_attempts ca
      where
        ca.person_id = persons.id
    )
  end asc,
  "persons"."family_name" asc,
  "persons"."id" asc
limit
  $78
offset
  $79
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
-- $11 = 13
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = "00000000-0000-4000-8000-0000000c0002"
-- $14 = 13
-- $15 = "00000000-0000-4000-8000-00000000a001"
-- $16 = "00000000-0000-4000-8000-00000000b001"
-- $17 = true
-- $18 = 13
-- $19 = "00000000-0000-4000-8000-0000000c0002"
-- $20 = "00000000-0000-4000-8000-0000000c0002"
-- $21 = 13
-- $22 = "00000000-0000-4000-8000-00000000a001"
-- $23 = 13
-- $24 = "00000000-0000-4000-8000-0000000c0002"
-- $25 = "00000000-0000-4000-8000-0000000c0002"
-- $26 = 13
-- $27 = "00000000-0000-4000-8000-00000000b001"
-- $28 = "00000000-0000-4000-8000-0000000c0002"
-- $29 = "00000000-0000-4000-8000-00000000a001"
-- $30 = "%andersson%"
-- $31 = "%andersson%"
-- $32 = "00000000-0000-4000-8000-0000000c0002"
-- $33 = "00000000-0000-4000-8000-00000000a001"
-- $34 = "00000000-0000-4000-8000-00000000a001"
-- $35 = "00000000-0000-4000-8000-00000000b001"
-- $36 = true
-- $37 = 13
-- $38 = "00000000-0000-4000-8000-0000000c0002"
-- $39 = "00000000-0000-4000-8000-0000000c0002"
-- $40 = 13
-- $41 = "00000000-0000-4000-8000-00000000a001"
-- $42 = 13
-- $43 = "00000000-0000-4000-8000-0000000c0002"
-- $44 = "00000000-0000-4000-8000-0000000c0002"
-- $45 = 13
-- $46 = "00000000-0000-4000-8000-00000000b001"
-- $47 = "contact_occupation"
-- $48 = "00000000-0000-4000-8000-00000000a001"
-- $49 = "00000000-0000-4000-8000-00000000b001"
-- $50 = true
-- $51 = 13
-- $52 = "00000000-0000-4000-8000-0000000c0002"
-- $53 = "00000000-0000-4000-8000-0000000c0002"
-- $54 = 13
-- $55 = "00000000-0000-4000-8000-0000000c0002"
-- $56 = "00000000-0000-4000-8000-00000000a001"
-- $57 = "00000000-0000-4000-8000-00000000a001"
-- $58 = "00000000-0000-4000-8000-00000000b001"
-- $59 = true
-- $60 = 13
-- $61 = "00000000-0000-4000-8000-0000000c0002"
-- $62 = "00000000-0000-4000-8000-0000000c0002"
-- $63 = 13
-- $64 = "00000000-0000-4000-8000-00000000a001"
-- $65 = 13
-- $66 = "00000000-0000-4000-8000-0000000c0002"
-- $67 = "00000000-0000-4000-8000-0000000c0002"
-- $68 = 13
-- $69 = "00000000-0000-4000-8000-00000000b001"
-- $70 = "contact_occupation"
-- $71 = "00000000-0000-4000-8000-00000000a001"
-- $72 = "00000000-0000-4000-8000-00000000b001"
-- $73 = true
-- $74 = 13
-- $75 = "00000000-0000-4000-8000-0000000c0002"
-- $76 = "00000000-0000-4000-8000-0000000c0002"
-- $77 = 13
-- $78 = 2
-- $79 = 2
