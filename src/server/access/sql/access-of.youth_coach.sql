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
      and exists (
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
          and (
            "cases"."contact_person_id" = $9
            or "cases"."team_id" in (
              select
                "team_members"."team_id"
              from
                "team_members"
              where
                "team_members"."staff_id" = $10
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
          and "emergency_access"."staff_id" = $11
          and "emergency_access"."municipality_id" = $12
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $13
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $14
                and "units"."kaa" = $15
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
                  or "cases"."closed_at" > now() - make_interval(months => $16)
                )
                and (
                  "cases"."contact_person_id" = $17
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $18
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $19
            and exists (
              select
                1 as "one"
              from
                "cases"
              where
                "cases"."person_id" = "persons"."id"
                and (
                  "cases"."closed_at" is null
                  or "cases"."closed_at" > now() - make_interval(months => $20)
                )
                and (
                  "cases"."contact_person_id" = $21
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $22
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
            and "consent_recipients"."unit_id" = $23
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $24
            )
        )
      )
      or (
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
          and "emergency_access"."staff_id" = $31
          and "emergency_access"."municipality_id" = $32
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $33
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $34
                and "units"."kaa" = $35
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
                  or "cases"."closed_at" > now() - make_interval(months => $36)
                )
                and (
                  "cases"."contact_person_id" = $37
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $38
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $39
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
            and "consent_recipients"."unit_id" = $43
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $44
            )
        )
      )
      or (
        "persons"."municipality_id" = $45
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $46
            and "units"."kaa" = $47
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
              or "cases"."closed_at" > now() - make_interval(months => $48)
            )
            and (
              "cases"."contact_person_id" = $49
              or "cases"."team_id" in (
                select
                  "team_members"."team_id"
                from
                  "team_members"
                where
                  "team_members"."staff_id" = $50
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
          and "emergency_access"."staff_id" = $51
          and "emergency_access"."municipality_id" = $52
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
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
            and exists (
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
                and (
                  "cases"."contact_person_id" = $57
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $58
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $59
            and exists (
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
                and (
                  "cases"."contact_person_id" = $61
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $62
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
            and "consent_recipients"."unit_id" = $63
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $64
            )
        )
      )
    ),
    false
  ) as "sees_health_social",
  coalesce(
    (
      "persons"."municipality_id" = $65
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $66
          and "units"."kaa" = $67
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
            or "cases"."closed_at" > now() - make_interval(months => $68)
          )
          and (
            "cases"."contact_person_id" = $69
            or "cases"."team_id" in (
              select
                "team_members"."team_id"
              from
                "team_members"
              where
                "team_members"."staff_id" = $70
            )
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
-- $11 = "00000000-0000-4000-8000-0000000c0002"
-- $12 = "00000000-0000-4000-8000-00000000a001"
-- $13 = "00000000-0000-4000-8000-00000000a001"
-- $14 = "00000000-0000-4000-8000-00000000b001"
-- $15 = true
-- $16 = 13
-- $17 = "00000000-0000-4000-8000-0000000c0002"
-- $18 = "00000000-0000-4000-8000-0000000c0002"
-- $19 = "00000000-0000-4000-8000-00000000a001"
-- $20 = 13
-- $21 = "00000000-0000-4000-8000-0000000c0002"
-- $22 = "00000000-0000-4000-8000-0000000c0002"
-- $23 = "00000000-0000-4000-8000-00000000b001"
-- $24 = "contact_occupation"
-- $25 = "00000000-0000-4000-8000-00000000a001"
-- $26 = "00000000-0000-4000-8000-00000000b001"
-- $27 = true
-- $28 = 13
-- $29 = "00000000-0000-4000-8000-0000000c0002"
-- $30 = "00000000-0000-4000-8000-0000000c0002"
-- $31 = "00000000-0000-4000-8000-0000000c0002"
-- $32 = "00000000-0000-4000-8000-00000000a001"
-- $33 = "00000000-0000-4000-8000-00000000a001"
-- $34 = "00000000-0000-4000-8000-00000000b001"
-- $35 = true
-- $36 = 13
-- $37 = "00000000-0000-4000-8000-0000000c0002"
-- $38 = "00000000-0000-4000-8000-0000000c0002"
-- $39 = "00000000-0000-4000-8000-00000000a001"
-- $40 = 13
-- $41 = "00000000-0000-4000-8000-0000000c0002"
-- $42 = "00000000-0000-4000-8000-0000000c0002"
-- $43 = "00000000-0000-4000-8000-00000000b001"
-- $44 = "assessment_plan"
-- $45 = "00000000-0000-4000-8000-00000000a001"
-- $46 = "00000000-0000-4000-8000-00000000b001"
-- $47 = true
-- $48 = 13
-- $49 = "00000000-0000-4000-8000-0000000c0002"
-- $50 = "00000000-0000-4000-8000-0000000c0002"
-- $51 = "00000000-0000-4000-8000-0000000c0002"
-- $52 = "00000000-0000-4000-8000-00000000a001"
-- $53 = "00000000-0000-4000-8000-00000000a001"
-- $54 = "00000000-0000-4000-8000-00000000b001"
-- $55 = true
-- $56 = 13
-- $57 = "00000000-0000-4000-8000-0000000c0002"
-- $58 = "00000000-0000-4000-8000-0000000c0002"
-- $59 = "00000000-0000-4000-8000-00000000a001"
-- $60 = 13
-- $61 = "00000000-0000-4000-8000-0000000c0002"
-- $62 = "00000000-0000-4000-8000-0000000c0002"
-- $63 = "00000000-0000-4000-8000-00000000b001"
-- $64 = "health_social"
-- $65 = "00000000-0000-4000-8000-00000000a001"
-- $66 = "00000000-0000-4000-8000-00000000b001"
-- $67 = true
-- $68 = 13
-- $69 = "00000000-0000-4000-8000-0000000c0002"
-- $70 = "00000000-0000-4000-8000-0000000c0002"
