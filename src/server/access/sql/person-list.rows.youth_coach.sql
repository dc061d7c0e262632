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
      $35
  ) as "latest" on true
where
  "persons"."id" in ($36, $37)
  and (
    persons.id in (
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $38
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $39)
        )
        and exists (
          select
            1
          from
            units
          where
            units.id = $40
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $41
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $42)
        )
        and exists (
          select
            1
          from
            units
          where
            units.id = $43
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $44
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $45)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $46
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $47
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $48
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
        team_members.staff_id = $49
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $50)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $51
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $52
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $53
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
        emergency_access.staff_id = $54
        and emergency_access.municipality_id = $55
        and emergency_access.ends_at > now()
    )
    and (
      "persons"."municipality_id" = $56
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $57
          and "emergency_access"."municipality_id" = $58
          and "emergency_access"."ends_at" > now()
      )
    )
  )
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
-- $35 = 1
-- $36 = "00000000-0000-4000-8000-000000053250"
-- $37 = "00000000-0000-4000-8000-000000053251"
-- $38 = "00000000-0000-4000-8000-0000000c0002"
-- $39 = 13
-- $40 = "00000000-0000-4000-8000-00000000b001"
-- $41 = "00000000-0000-4000-8000-0000000c0002"
-- $42 = 13
-- $43 = "00000000-0000-4000-8000-00000000b001"
-- $44 = "00000000-0000-4000-8000-0000000c0002"
-- $45 = 13
-- $46 = "00000000-0000-4000-8000-00000000b001"
-- $47 = "00000000-0000-4000-8000-00000000b001"
-- $48 = "00000000-0000-4000-8000-00000000b001"
-- $49 = "00000000-0000-4000-8000-0000000c0002"
-- $50 = 13
-- $51 = "00000000-0000-4000-8000-00000000b001"
-- $52 = "00000000-0000-4000-8000-00000000b001"
-- $53 = "00000000-0000-4000-8000-00000000b001"
-- $54 = "00000000-0000-4000-8000-0000000c0002"
-- $55 = "00000000-0000-4000-8000-00000000a001"
-- $56 = "00000000-0000-4000-8000-00000000a001"
-- $57 = "00000000-0000-4000-8000-0000000c0002"
-- $58 = "00000000-0000-4000-8000-00000000a001"
