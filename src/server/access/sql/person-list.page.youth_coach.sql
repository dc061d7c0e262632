select
  "persons"."id",
  "persons"."personal_identity_number",
  "persons"."given_name",
  "persons"."family_name",
  "persons"."birth_date",
  "latest"."status",
  "latest"."contact_id",
  "latest"."contact_name",
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
  exists (
    select
      1
    from
      register_periods rp
    where
      rp.person_id = persons.id
      and rp.left_on is null
  ) as "in_register",
  (
    select
      max(ca.at)
    from
      contact_attempts ca
    where
      ca.person_id = persons.id
  ) as "last_attempt_at"
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
      $31
  ) as "latest" on true
where
  (
    (
      "persons"."municipality_id" = $32
      and exists (
        select
          1 as "one"
        from
          "units"
        where
          "units"."id" = $33
          and "units"."kaa" = $34
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
            or "cases"."closed_at" > now() - make_interval(months => $35)
          )
          and (
            "cases"."contact_person_id" = $36
            or "cases"."team_id" in (
              select
                "team_members"."team_id"
              from
                "team_members"
              where
                "team_members"."staff_id" = $37
            )
          )
      )
    )
    or (
      (
        (
          "persons"."municipality_id" = $38
          and exists (
            select
              1 as "one"
            from
              "units"
            where
              "units"."id" = $39
              and "units"."kaa" = $40
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
                or "cases"."closed_at" > now() - make_interval(months => $41)
              )
              and (
                "cases"."contact_person_id" = $42
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $43
                )
              )
          )
        )
        or (
          "persons"."municipality_id" = $44
          and exists (
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
              and (
                "cases"."contact_person_id" = $46
                or "cases"."team_id" in (
                  select
                    "team_members"."team_id"
                  from
                    "team_members"
                  where
                    "team_members"."staff_id" = $47
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
          and "consent_recipients"."unit_id" = $48
      )
    )
    or exists (
      select
        1 as "one"
      from
        "emergency_access"
      where
        "emergency_access"."person_id" = "persons"."id"
        and "emergency_access"."staff_id" = $49
        and "emergency_access"."municipality_id" = $50
        and "emergency_access"."ends_at" > now()
    )
  )
  and (
    (
      "persons"."given_name" ilike $51
      or "persons"."family_name" ilike $52
    )
    and (
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
      or (
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
          and "emergency_access"."staff_id" = $73
          and "emergency_access"."municipality_id" = $74
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $75
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $76
                and "units"."kaa" = $77
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
                  or "cases"."closed_at" > now() - make_interval(months => $78)
                )
                and (
                  "cases"."contact_person_id" = $79
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $80
                  )
                )
            )
          )
          or (
            "persons"."municipality_id" = $81
            and exists (
              select
                1 as "one"
              from
                "cases"
              where
                "cases"."person_id" = "persons"."id"
                and (
                  "cases"."closed_at" is null
                  or "cases"."closed_at" > now() - make_interval(months => $82)
                )
                and (
                  "cases"."contact_person_id" = $83
                  or "cases"."team_id" in (
                    select
                      "team_members"."team_id"
                    from
                      "team_members"
                    where
                      "team_members"."staff_id" = $84
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
            and "consent_recipients"."unit_id" = $85
            and exists (
              select
                1 as "one"
              from
                "consent_categories"
              where
                "consent_categories"."consent_id" = "consents"."id"
                and "consent_categories"."category" = $86
            )
        )
      )
      or (
        "persons"."municipality_id" = $87
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $88
            and "units"."kaa" = $89
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
              or "cases"."closed_at" > now() - make_interval(months => $90)
            )
            and (
              "cases"."contact_person_id" = $91
              or "cases"."team_id" in (
                select
                  "team_members"."team_id"
                from
                  "team_members"
                where
                  "team_members"."staff_id" = $92
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
  end asc nulls last,
  "persons"."family_name" asc nulls last,
  "persons"."id"
limit
  $93
offset
  $94
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
-- $31 = 1
-- $32 = "00000000-0000-4000-8000-00000000a001"
-- $33 = "00000000-0000-4000-8000-00000000b001"
-- $34 = true
-- $35 = 13
-- $36 = "00000000-0000-4000-8000-0000000c0002"
-- $37 = "00000000-0000-4000-8000-0000000c0002"
-- $38 = "00000000-0000-4000-8000-00000000a001"
-- $39 = "00000000-0000-4000-8000-00000000b001"
-- $40 = true
-- $41 = 13
-- $42 = "00000000-0000-4000-8000-0000000c0002"
-- $43 = "00000000-0000-4000-8000-0000000c0002"
-- $44 = "00000000-0000-4000-8000-00000000a001"
-- $45 = 13
-- $46 = "00000000-0000-4000-8000-0000000c0002"
-- $47 = "00000000-0000-4000-8000-0000000c0002"
-- $48 = "00000000-0000-4000-8000-00000000b001"
-- $49 = "00000000-0000-4000-8000-0000000c0002"
-- $50 = "00000000-0000-4000-8000-00000000a001"
-- $51 = "%andersson%"
-- $52 = "%andersson%"
-- $53 = "00000000-0000-4000-8000-0000000c0002"
-- $54 = "00000000-0000-4000-8000-00000000a001"
-- $55 = "00000000-0000-4000-8000-00000000a001"
-- $56 = "00000000-0000-4000-8000-00000000b001"
-- $57 = true
-- $58 = 13
-- $59 = "00000000-0000-4000-8000-0000000c0002"
-- $60 = "00000000-0000-4000-8000-0000000c0002"
-- $61 = "00000000-0000-4000-8000-00000000a001"
-- $62 = 13
-- $63 = "00000000-0000-4000-8000-0000000c0002"
-- $64 = "00000000-0000-4000-8000-0000000c0002"
-- $65 = "00000000-0000-4000-8000-00000000b001"
-- $66 = "contact_occupation"
-- $67 = "00000000-0000-4000-8000-00000000a001"
-- $68 = "00000000-0000-4000-8000-00000000b001"
-- $69 = true
-- $70 = 13
-- $71 = "00000000-0000-4000-8000-0000000c0002"
-- $72 = "00000000-0000-4000-8000-0000000c0002"
-- $73 = "00000000-0000-4000-8000-0000000c0002"
-- $74 = "00000000-0000-4000-8000-00000000a001"
-- $75 = "00000000-0000-4000-8000-00000000a001"
-- $76 = "00000000-0000-4000-8000-00000000b001"
-- $77 = true
-- $78 = 13
-- $79 = "00000000-0000-4000-8000-0000000c0002"
-- $80 = "00000000-0000-4000-8000-0000000c0002"
-- $81 = "00000000-0000-4000-8000-00000000a001"
-- $82 = 13
-- $83 = "00000000-0000-4000-8000-0000000c0002"
-- $84 = "00000000-0000-4000-8000-0000000c0002"
-- $85 = "00000000-0000-4000-8000-00000000b001"
-- $86 = "contact_occupation"
-- $87 = "00000000-0000-4000-8000-00000000a001"
-- $88 = "00000000-0000-4000-8000-00000000b001"
-- $89 = true
-- $90 = 13
-- $91 = "00000000-0000-4000-8000-0000000c0002"
-- $92 = "00000000-0000-4000-8000-0000000c0002"
-- $93 = 25
-- $94 = 25
