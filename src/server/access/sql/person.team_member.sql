select
  "persons".*,
  (
    "persons"."protected_identity" = $1
    or exists (
      select
        1 as "one"
      from
        "protected_identity_grants"
      where
        "protected_identity_grants"."person_id" = "persons"."id"
        and "protected_identity_grants"."staff_id" = $2
    )
  ) as "contact_visible",
  case
    when exists (
      select
        1 as "one"
      from
        "emergency_access"
      where
        "emergency_access"."person_id" = "persons"."id"
        and "emergency_access"."staff_id" = $3
        and "emergency_access"."municipality_id" = $4
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
          or "cases"."closed_at" > now() - make_interval(months => $5)
        )
        and "cases"."contact_person_id" = $6
    ) then 'contact_person'
    when false then 'register'
    when (
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
          and "emergency_access"."staff_id" = $14
          and "emergency_access"."municipality_id" = $15
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $16
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $17
                and "units"."kaa" = $18
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
                    or "cases"."closed_at" > now() - make_interval(months => $19)
                  )
                  and "cases"."contact_person_id" = $20
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $21
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $22)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $23
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
                    or "cases"."closed_at" > now() - make_interval(months => $24)
                  )
                  and "cases"."contact_person_id" = $25
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $26
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $27)
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
            "consent_recipients"."unit_id" = $28
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
                and "consent_categories"."category" = $29
            )
        )
      )
      or (
        "persons"."municipality_id" = $30
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $31
            and "units"."kaa" = $32
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
                or "cases"."closed_at" > now() - make_interval(months => $33)
              )
              and "cases"."contact_person_id" = $34
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $35
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $36)
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
          and "emergency_access"."staff_id" = $37
          and "emergency_access"."municipality_id" = $38
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $39
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $40
                and "units"."kaa" = $41
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
          or (
            "persons"."municipality_id" = $46
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
                    or "cases"."closed_at" > now() - make_interval(months => $47)
                  )
                  and "cases"."contact_person_id" = $48
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $49
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $50)
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
            "consent_recipients"."unit_id" = $51
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
                and "consent_categories"."category" = $52
            )
        )
      )
      or (
        "persons"."municipality_id" = $53
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $54
            and "units"."kaa" = $55
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
                or "cases"."closed_at" > now() - make_interval(months => $56)
              )
              and "cases"."contact_person_id" = $57
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $58
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $59)
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
          and "emergency_access"."staff_id" = $60
          and "emergency_access"."municipality_id" = $61
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $62
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $63
                and "units"."kaa" = $64
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
          or (
            "persons"."municipality_id" = $69
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
                    or "cases"."closed_at" > now() - make_interval(months => $70)
                  )
                  and "cases"."contact_person_id" = $71
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $72
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $73)
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
            "consent_recipients"."unit_id" = $74
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
                and "consent_categories"."category" = $75
            )
        )
      )
    ),
    false
  ) as "sees_health_social",
  coalesce(
    (
      "persons"."municipality_id" = $76
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $77
          and "units"."kaa" = $78
      )
      and persons.id in (
        select
          cases.person_id
        from
          cases
        where
          cases.contact_person_id = $79
          and (
            cases.closed_at is null
            or cases.closed_at > now() - make_interval(months => $80)
          )
        union
        select
          cases.person_id
        from
          cases
          join team_members on team_members.team_id = cases.team_id
        where
          team_members.staff_id = $81
          and (
            cases.closed_at is null
            or cases.closed_at > now() - make_interval(months => $82)
          )
      )
    ),
    false
  ) as "managed"
from
  "persons"
where
  "persons"."id" = $83
  and (
    persons.id in (
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $84
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $85)
        )
        and exists (
          select
            1
          from
            units
          where
            units.id = $86
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $87
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $88)
        )
        and exists (
          select
            1
          from
            units
          where
            units.id = $89
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $90
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $91)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $92
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $93
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $94
              and "consents"."withdrawn_at" is null
              and (
                "consents"."valid_until" is null
                or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
              )
          )
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $95
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $96)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $97
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $98
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $99
              and "consents"."withdrawn_at" is null
              and (
                "consents"."valid_until" is null
                or "consents"."valid_until" >= (now() at time zone 'Europe/Stockholm')::date
              )
          )
        )
      union
      select
        emergency_access.person_id
      from
        emergency_access
      where
        emergency_access.staff_id = $100
        and emergency_access.municipality_id = $101
        and emergency_access.ends_at > now()
    )
    and (
      "persons"."municipality_id" = $102
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $103
          and "emergency_access"."municipality_id" = $104
          and "emergency_access"."ends_at" > now()
      )
    )
  )
-- $1 = false
-- $2 = "00000000-0000-4000-8000-0000000c0003"
-- $3 = "00000000-0000-4000-8000-0000000c0003"
-- $4 = "00000000-0000-4000-8000-00000000a001"
-- $5 = 13
-- $6 = "00000000-0000-4000-8000-0000000c0003"
-- $7 = "00000000-0000-4000-8000-00000000a001"
-- $8 = "00000000-0000-4000-8000-00000000b001"
-- $9 = true
-- $10 = 13
-- $11 = "00000000-0000-4000-8000-0000000c0003"
-- $12 = "00000000-0000-4000-8000-0000000c0003"
-- $13 = 13
-- $14 = "00000000-0000-4000-8000-0000000c0003"
-- $15 = "00000000-0000-4000-8000-00000000a001"
-- $16 = "00000000-0000-4000-8000-00000000a001"
-- $17 = "00000000-0000-4000-8000-00000000b001"
-- $18 = true
-- $19 = 13
-- $20 = "00000000-0000-4000-8000-0000000c0003"
-- $21 = "00000000-0000-4000-8000-0000000c0003"
-- $22 = 13
-- $23 = "00000000-0000-4000-8000-00000000a001"
-- $24 = 13
-- $25 = "00000000-0000-4000-8000-0000000c0003"
-- $26 = "00000000-0000-4000-8000-0000000c0003"
-- $27 = 13
-- $28 = "00000000-0000-4000-8000-00000000b001"
-- $29 = "contact_occupation"
-- $30 = "00000000-0000-4000-8000-00000000a001"
-- $31 = "00000000-0000-4000-8000-00000000b001"
-- $32 = true
-- $33 = 13
-- $34 = "00000000-0000-4000-8000-0000000c0003"
-- $35 = "00000000-0000-4000-8000-0000000c0003"
-- $36 = 13
-- $37 = "00000000-0000-4000-8000-0000000c0003"
-- $38 = "00000000-0000-4000-8000-00000000a001"
-- $39 = "00000000-0000-4000-8000-00000000a001"
-- $40 = "00000000-0000-4000-8000-00000000b001"
-- $41 = true
-- $42 = 13
-- $43 = "00000000-0000-4000-8000-0000000c0003"
-- $44 = "00000000-0000-4000-8000-0000000c0003"
-- $45 = 13
-- $46 = "00000000-0000-4000-8000-00000000a001"
-- $47 = 13
-- $48 = "00000000-0000-4000-8000-0000000c0003"
-- $49 = "00000000-0000-4000-8000-0000000c0003"
-- $50 = 13
-- $51 = "00000000-0000-4000-8000-00000000b001"
-- $52 = "assessment_plan"
-- $53 = "00000000-0000-4000-8000-00000000a001"
-- $54 = "00000000-0000-4000-8000-00000000b001"
-- $55 = true
-- $56 = 13
-- $57 = "00000000-0000-4000-8000-0000000c0003"
-- $58 = "00000000-0000-4000-8000-0000000c0003"
-- $59 = 13
-- $60 = "00000000-0000-4000-8000-0000000c0003"
-- $61 = "00000000-0000-4000-8000-00000000a001"
-- $62 = "00000000-0000-4000-8000-00000000a001"
-- $63 = "00000000-0000-4000-8000-00000000b001"
-- $64 = true
-- $65 = 13
-- $66 = "00000000-0000-4000-8000-0000000c0003"
-- $67 = "00000000-0000-4000-8000-0000000c0003"
-- $68 = 13
-- $69 = "00000000-0000-4000-8000-00000000a001"
-- $70 = 13
-- $71 = "00000000-0000-4000-8000-0000000c0003"
-- $72 = "00000000-0000-4000-8000-0000000c0003"
-- $73 = 13
-- $74 = "00000000-0000-4000-8000-00000000b001"
-- $75 = "health_social"
-- $76 = "00000000-0000-4000-8000-00000000a001"
-- $77 = "00000000-0000-4000-8000-00000000b001"
-- $78 = true
-- $79 = "00000000-0000-4000-8000-0000000c0003"
-- $80 = 13
-- $81 = "00000000-0000-4000-8000-0000000c0003"
-- $82 = 13
-- $83 = "00000000-0000-4000-8000-00000000d001"
-- $84 = "00000000-0000-4000-8000-0000000c0003"
-- $85 = 13
-- $86 = "00000000-0000-4000-8000-00000000b001"
-- $87 = "00000000-0000-4000-8000-0000000c0003"
-- $88 = 13
-- $89 = "00000000-0000-4000-8000-00000000b001"
-- $90 = "00000000-0000-4000-8000-0000000c0003"
-- $91 = 13
-- $92 = "00000000-0000-4000-8000-00000000b001"
-- $93 = "00000000-0000-4000-8000-00000000b001"
-- $94 = "00000000-0000-4000-8000-00000000b001"
-- $95 = "00000000-0000-4000-8000-0000000c0003"
-- $96 = 13
-- $97 = "00000000-0000-4000-8000-00000000b001"
-- $98 = "00000000-0000-4000-8000-00000000b001"
-- $99 = "00000000-0000-4000-8000-00000000b001"
-- $100 = "00000000-0000-4000-8000-0000000c0003"
-- $101 = "00000000-0000-4000-8000-00000000a001"
-- $102 = "00000000-0000-4000-8000-00000000a001"
-- $103 = "00000000-0000-4000-8000-0000000c0003"
-- $104 = "00000000-0000-4000-8000-00000000a001"
