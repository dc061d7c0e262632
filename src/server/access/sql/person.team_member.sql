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
          and "emergency_access"."staff_id" = $13
          and "emergency_access"."municipality_id" = $14
          and "emergency_access"."ends_at" > now()
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
            and exists (
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
                and (
                  "cases"."contact_person_id" = $19
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $20
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $21
            and exists (
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
                and (
                  "cases"."contact_person_id" = $23
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $24
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
            and "consent_recipients"."unit_id" = $25
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $26
            )
        )
      )
      or (
        "persons"."municipality_id" = $27
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $28
            and "units"."kaa" = $29
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
              or "cases"."closed_at" > now() - make_interval(months => $30)
            )
            and (
              "cases"."contact_person_id" = $31
              or "cases"."team_id" in (
                select
                  "team_members"."team_id"
                from
                  "team_members"
                where
                  "team_members"."staff_id" = $32
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
          and "emergency_access"."staff_id" = $33
          and "emergency_access"."municipality_id" = $34
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $35
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $36
                and "units"."kaa" = $37
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
                  or "cases"."closed_at" > now() - make_interval(months => $38)
                )
                and (
                  "cases"."contact_person_id" = $39
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $40
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $41
            and exists (
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
                and (
                  "cases"."contact_person_id" = $43
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $44
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
            and "consent_recipients"."unit_id" = $45
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $46
            )
        )
      )
      or (
        "persons"."municipality_id" = $47
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $48
            and "units"."kaa" = $49
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
              or "cases"."closed_at" > now() - make_interval(months => $50)
            )
            and (
              "cases"."contact_person_id" = $51
              or "cases"."team_id" in (
                select
                  "team_members"."team_id"
                from
                  "team_members"
                where
                  "team_members"."staff_id" = $52
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
          and "emergency_access"."staff_id" = $53
          and "emergency_access"."municipality_id" = $54
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $55
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $56
                and "units"."kaa" = $57
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
                  or "cases"."closed_at" > now() - make_interval(months => $58)
                )
                and (
                  "cases"."contact_person_id" = $59
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $60
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $61
            and exists (
              select
                1 as "one"
              from
                "cases"
              where
                "cases"."person_id" = "persons"."id"
                and (
                  "cases"."closed_at" is null
                  or "cases"."closed_at" > now() - make_interval(months => $62)
                )
                and (
                  "cases"."contact_person_id" = $63
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $64
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
            and "consent_recipients"."unit_id" = $65
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $66
            )
        )
      )
    ),
    false
  ) as "sees_health_social",
  coalesce(
    (
      "persons"."municipality_id" = $67
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $68
          and "units"."kaa" = $69
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
            or "cases"."closed_at" > now() - make_interval(months => $70)
          )
          and (
            "cases"."contact_person_id" = $71
            or "cases"."team_id" in (
              select
                "team_members"."team_id"
              from
                "team_members"
              where
                "team_members"."staff_id" = $72
            )
          )
      )
    ),
    false
  ) as "managed"
from
  "persons"
where
  "persons"."id" = $73
  and (
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
      and exists (
        select
          1 as "one"
        from
          "cases"
        where
          "cases"."person_id" = "persons"."id"
          and (
            "cases"."closed_at" is null
            or "cases"."closed_at" > now() - make_interval(months => $77)
          )
          and (
            "cases"."contact_person_id" = $78
            or "cases"."team_id" in (
              select
                "team_members"."team_id"
              from
                "team_members"
              where
                "team_members"."staff_id" = $79
            )
          )
      )
    )
    or (
      (
        (
          "persons"."municipality_id" = $80
          and exists (
            select
              1 as "one"
            from
              "units"
            where
              "units"."id" = $81
              and "units"."kaa" = $82
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
                or "cases"."closed_at" > now() - make_interval(months => $83)
              )
              and (
                "cases"."contact_person_id" = $84
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $85
                )
              )
          )
        )
        or (
          "persons"."municipality_id" = $86
          and exists (
            select
              1 as "one"
            from
              "cases"
            where
              "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $87)
              )
              and (
                "cases"."contact_person_id" = $88
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $89
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
          and "consent_recipients"."unit_id" = $90
      )
    )
    or exists (
      select
        1 as "one"
      from
        "emergency_access"
      where
        "emergency_access"."person_id" = "persons"."id"
        and "emergency_access"."staff_id" = $91
        and "emergency_access"."municipality_id" = $92
        and "emergency_access"."ends_at" > now()
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
-- $13 = "00000000-0000-4000-8000-0000000c0003"
-- $14 = "00000000-0000-4000-8000-00000000a001"
-- $15 = "00000000-0000-4000-8000-00000000a001"
-- $16 = "00000000-0000-4000-8000-00000000b001"
-- $17 = true
-- $18 = 13
-- $19 = "00000000-0000-4000-8000-0000000c0003"
-- $20 = "00000000-0000-4000-8000-0000000c0003"
-- $21 = "00000000-0000-4000-8000-00000000a001"
-- $22 = 13
-- $23 = "00000000-0000-4000-8000-0000000c0003"
-- $24 = "00000000-0000-4000-8000-0000000c0003"
-- $25 = "00000000-0000-4000-8000-00000000b001"
-- $26 = "contact_occupation"
-- $27 = "00000000-0000-4000-8000-00000000a001"
-- $28 = "00000000-0000-4000-8000-00000000b001"
-- $29 = true
-- $30 = 13
-- $31 = "00000000-0000-4000-8000-0000000c0003"
-- $32 = "00000000-0000-4000-8000-0000000c0003"
-- $33 = "00000000-0000-4000-8000-0000000c0003"
-- $34 = "00000000-0000-4000-8000-00000000a001"
-- $35 = "00000000-0000-4000-8000-00000000a001"
-- $36 = "00000000-0000-4000-8000-00000000b001"
-- $37 = true
-- $38 = 13
-- $39 = "00000000-0000-4000-8000-0000000c0003"
-- $40 = "00000000-0000-4000-8000-0000000c0003"
-- $41 = "00000000-0000-4000-8000-00000000a001"
-- $42 = 13
-- $43 = "00000000-0000-4000-8000-0000000c0003"
-- $44 = "00000000-0000-4000-8000-0000000c0003"
-- $45 = "00000000-0000-4000-8000-00000000b001"
-- $46 = "assessment_plan"
-- $47 = "00000000-0000-4000-8000-00000000a001"
-- $48 = "00000000-0000-4000-8000-00000000b001"
-- $49 = true
-- $50 = 13
-- $51 = "00000000-0000-4000-8000-0000000c0003"
-- $52 = "00000000-0000-4000-8000-0000000c0003"
-- $53 = "00000000-0000-4000-8000-0000000c0003"
-- $54 = "00000000-0000-4000-8000-00000000a001"
-- $55 = "00000000-0000-4000-8000-00000000a001"
-- $56 = "00000000-0000-4000-8000-00000000b001"
-- $57 = true
-- $58 = 13
-- $59 = "00000000-0000-4000-8000-0000000c0003"
-- $60 = "00000000-0000-4000-8000-0000000c0003"
-- $61 = "00000000-0000-4000-8000-00000000a001"
-- $62 = 13
-- $63 = "00000000-0000-4000-8000-0000000c0003"
-- $64 = "00000000-0000-4000-8000-0000000c0003"
-- $65 = "00000000-0000-4000-8000-00000000b001"
-- $66 = "health_social"
-- $67 = "00000000-0000-4000-8000-00000000a001"
-- $68 = "00000000-0000-4000-8000-00000000b001"
-- $69 = true
-- $70 = 13
-- $71 = "00000000-0000-4000-8000-0000000c0003"
-- $72 = "00000000-0000-4000-8000-0000000c0003"
-- $73 = "00000000-0000-4000-8000-00000000d001"
-- $74 = "00000000-0000-4000-8000-00000000a001"
-- $75 = "00000000-0000-4000-8000-00000000b001"
-- $76 = true
-- $77 = 13
-- $78 = "00000000-0000-4000-8000-0000000c0003"
-- $79 = "00000000-0000-4000-8000-0000000c0003"
-- $80 = "00000000-0000-4000-8000-00000000a001"
-- $81 = "00000000-0000-4000-8000-00000000b001"
-- $82 = true
-- $83 = 13
-- $84 = "00000000-0000-4000-8000-0000000c0003"
-- $85 = "00000000-0000-4000-8000-0000000c0003"
-- $86 = "00000000-0000-4000-8000-00000000a001"
-- $87 = 13
-- $88 = "00000000-0000-4000-8000-0000000c0003"
-- $89 = "00000000-0000-4000-8000-0000000c0003"
-- $90 = "00000000-0000-4000-8000-00000000b001"
-- $91 = "00000000-0000-4000-8000-0000000c0003"
-- $92 = "00000000-0000-4000-8000-00000000a001"
