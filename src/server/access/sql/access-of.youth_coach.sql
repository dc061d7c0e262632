select
  case
    when exists (
      select
        1 as "one"
      from
        "emergency_access"
      where
        "emergency_access"."person_id" = "persons"."id"
        and "emergency_access"."staff_id" = $1
        and "emergency_access"."municipality_id" = $2
        and "emergency_access"."ends_at" > now()
    ) then 'emergency'
    when exists (
      select
        1 as "one"
      from
        "cases"
      where
        "cases"."person_id" = "persons"."id"
        and (
          "cases"."closed_at" is null
          or "cases"."closed_at" > now() - make_interval(months => $3)
        )
        and "cases"."contact_person_id" = $4
    ) then 'contact_person'
    when false then 'register'
    when (
      "persons"."municipality_id" = $5
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $6
          and "units"."kaa" = $7
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
              or "cases"."closed_at" > now() - make_interval(months => $8)
            )
            and "cases"."contact_person_id" = $9
        )
        or exists (
          select
            1 as "one"
          from
            "team_members"
            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
          where
            "team_members"."staff_id" = $10
            and "cases"."person_id" = "persons"."id"
            and (
              "cases"."closed_at" is null
              or "cases"."closed_at" > now() - make_interval(months => $11)
            )
        )
      )
    ) then 'team'
    else 'consent'
  end as "access_basis",
  coalesce(
    (
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
            "consent_recipients"."unit_id" = $26
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
                and "consent_categories"."category" = $27
            )
        )
      )
      or (
        "persons"."municipality_id" = $28
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $29
            and "units"."kaa" = $30
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
                or "cases"."closed_at" > now() - make_interval(months => $31)
              )
              and "cases"."contact_person_id" = $32
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $33
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $34)
              )
          )
        )
      )
    ),
    false
  ) as "sees_contact_occupation",
  coalesce(
    (
      exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $35
          and "emergency_access"."municipality_id" = $36
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
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
                    or "cases"."closed_at" > now() - make_interval(months => $40)
                  )
                  and "cases"."contact_person_id" = $41
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $42
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $43)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $44
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
                    or "cases"."closed_at" > now() - make_interval(months => $45)
                  )
                  and "cases"."contact_person_id" = $46
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $47
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $48)
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
            "consent_recipients"."unit_id" = $49
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
                and "consent_categories"."category" = $50
            )
        )
      )
      or (
        "persons"."municipality_id" = $51
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $52
            and "units"."kaa" = $53
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
                or "cases"."closed_at" > now() - make_interval(months => $54)
              )
              and "cases"."contact_person_id" = $55
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $56
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $57)
              )
          )
        )
      )
    ),
    false
  ) as "sees_assessment_plan",
  coalesce(
    (
      exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $58
          and "emergency_access"."municipality_id" = $59
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $60
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $61
                and "units"."kaa" = $62
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
                    or "cases"."closed_at" > now() - make_interval(months => $63)
                  )
                  and "cases"."contact_person_id" = $64
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $65
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $66)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $67
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
                    or "cases"."closed_at" > now() - make_interval(months => $68)
                  )
                  and "cases"."contact_person_id" = $69
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $70
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $71)
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
            "consent_recipients"."unit_id" = $72
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
                and "consent_categories"."category" = $73
            )
        )
      )
    ),
    false
  ) as "sees_health_social",
  coalesce(
    (
      "persons"."municipality_id" = $74
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $75
          and "units"."kaa" = $76
      )
      and persons.id in (
        select
          cases.person_id
        from
          cases
        where
          cases.contact_person_id = $77
          and (
            cases.closed_at is null
            or cases.closed_at > now() - make_interval(months => $78)
          )
        union
        select
          cases.person_id
        from
          cases
          join team_members on team_members.team_id = cases.team_id
        where
          team_members.staff_id = $79
          and (
            cases.closed_at is null
            or cases.closed_at > now() - make_interval(months => $80)
          )
      )
    ),
    false
  ) as "managed"
from
  "persons"
-- $1 = "00000000-0000-4000-8000-0000000c0002"
-- $2 = "00000000-0000-4000-8000-00000000a001"
-- $3 = 13
-- $4 = "00000000-0000-4000-8000-0000000c0002"
-- $5 = "00000000-0000-4000-8000-00000000a001"
-- $6 = "00000000-0000-4000-8000-00000000b001"
-- $7 = true
-- $8 = 13
-- $9 = "00000000-0000-4000-8000-0000000c0002"
-- $10 = "00000000-0000-4000-8000-0000000c0002"
-- $11 = 13
-- $12 = "00000000-0000-4000-8000-0000000c0002"
-- $13 = "00000000-0000-4000-8000-00000000a001"
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
-- $27 = "contact_occupation"
-- $28 = "00000000-0000-4000-8000-00000000a001"
-- $29 = "00000000-0000-4000-8000-00000000b001"
-- $30 = true
-- $31 = 13
-- $32 = "00000000-0000-4000-8000-0000000c0002"
-- $33 = "00000000-0000-4000-8000-0000000c0002"
-- $34 = 13
-- $35 = "00000000-0000-4000-8000-0000000c0002"
-- $36 = "00000000-0000-4000-8000-00000000a001"
-- $37 = "00000000-0000-4000-8000-00000000a001"
-- $38 = "00000000-0000-4000-8000-00000000b001"
-- $39 = true
-- $40 = 13
-- $41 = "00000000-0000-4000-8000-0000000c0002"
-- $42 = "00000000-0000-4000-8000-0000000c0002"
-- $43 = 13
-- $44 = "00000000-0000-4000-8000-00000000a001"
-- $45 = 13
-- $46 = "00000000-0000-4000-8000-0000000c0002"
-- $47 = "00000000-0000-4000-8000-0000000c0002"
-- $48 = 13
-- $49 = "00000000-0000-4000-8000-00000000b001"
-- $50 = "assessment_plan"
-- $51 = "00000000-0000-4000-8000-00000000a001"
-- $52 = "00000000-0000-4000-8000-00000000b001"
-- $53 = true
-- $54 = 13
-- $55 = "00000000-0000-4000-8000-0000000c0002"
-- $56 = "00000000-0000-4000-8000-0000000c0002"
-- $57 = 13
-- $58 = "00000000-0000-4000-8000-0000000c0002"
-- $59 = "00000000-0000-4000-8000-00000000a001"
-- $60 = "00000000-0000-4000-8000-00000000a001"
-- $61 = "00000000-0000-4000-8000-00000000b001"
-- $62 = true
-- $63 = 13
-- $64 = "00000000-0000-4000-8000-0000000c0002"
-- $65 = "00000000-0000-4000-8000-0000000c0002"
-- $66 = 13
-- $67 = "00000000-0000-4000-8000-00000000a001"
-- $68 = 13
-- $69 = "00000000-0000-4000-8000-0000000c0002"
-- $70 = "00000000-0000-4000-8000-0000000c0002"
-- $71 = 13
-- $72 = "00000000-0000-4000-8000-00000000b001"
-- $73 = "health_social"
-- $74 = "00000000-0000-4000-8000-00000000a001"
-- $75 = "00000000-0000-4000-8000-00000000b001"
-- $76 = true
-- $77 = "00000000-0000-4000-8000-0000000c0002"
-- $78 = 13
-- $79 = "00000000-0000-4000-8000-0000000c0002"
-- $80 = 13
