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
        and exists (
          select
            1
          from
            units
          where
            units.id = $4
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
        join team_members on team_members.team_id = cases.team_id
      where
        team_members.staff_id = $5
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $6)
        )
        and exists (
          select
            1
          from
            units
          where
            units.id = $7
            and units.kaa = true
        )
      union
      select
        cases.person_id
      from
        cases
      where
        cases.contact_person_id = $8
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $9)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $10
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $11
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $12
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
        team_members.staff_id = $13
        and (
          cases.closed_at is null
          or cases.closed_at > now() - make_interval(months => $14)
        )
        and not exists (
          select
            1
          from
            units
          where
            units.id = $15
            and units.kaa = true
        )
        and (
          exists (
            select
              1
            from
              units
            where
              units.id = $16
              and units.kaa = true
          )
          or cases.person_id in (
            select
              "consents"."person_id"
            from
              "consents"
              inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
            where
              "consent_recipients"."unit_id" = $17
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
        emergency_access.staff_id = $18
        and emergency_access.municipality_id = $19
        and emergency_access.ends_at > now()
    )
    and (
      "persons"."municipality_id" = $20
      or exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $21
          and "emergency_access"."municipality_id" = $22
          and "emergency_access"."ends_at" > now()
      )
    )
  )
  and (
    (
      "persons"."given_name" ilike $23
      or "persons"."family_name" ilike $24
    )
    and (
      exists (
        select
          1 as "one"
        from
          "emergency_access"
        where
          "emergency_access"."person_id" = "persons"."id"
          and "emergency_access"."staff_id" = $25
          and "emergency_access"."municipality_id" = $26
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
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
          or (
            "persons"."municipality_id" = $34
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
                    or "cases"."closed_at" > now() - make_interval(months => $35)
                  )
                  and "cases"."contact_person_id" = $36
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $37
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $38)
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
            "consent_recipients"."unit_id" = $39
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
                and "consent_categories"."category" = $40
            )
        )
      )
      or (
        "persons"."municipality_id" = $41
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $42
            and "units"."kaa" = $43
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
                or "cases"."closed_at" > now() - make_interval(months => $44)
              )
              and "cases"."contact_person_id" = $45
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $46
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $47)
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
          and "emergency_access"."staff_id" = $48
          and "emergency_access"."municipality_id" = $49
          and "emergency_access"."ends_at" > now()
      )
      or (
        (
          (
            "persons"."municipality_id" = $50
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $51
                and "units"."kaa" = $52
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
                    or "cases"."closed_at" > now() - make_interval(months => $53)
                  )
                  and "cases"."contact_person_id" = $54
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $55
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $56)
                  )
              )
            )
          )
          or (
            "persons"."municipality_id" = $57
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
                    or "cases"."closed_at" > now() - make_interval(months => $58)
                  )
                  and "cases"."contact_person_id" = $59
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $60
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $61)
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
            "consent_recipients"."unit_id" = $62
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
                and "consent_categories"."category" = $63
            )
        )
      )
      or (
        "persons"."municipality_id" = $64
        and exists (
          select
            1 as "one"
          from
            "units"
          where
            "units"."id" = $65
            and "units"."kaa" = $66
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
                or "cases"."closed_at" > now() - make_interval(months => $67)
              )
              and "cases"."contact_person_id" = $68
          )
          or exists (
            select
              1 as "one"
            from
              "team_members"
              inner join "cases" on "cases"."team_id" = "team_members"."team_id"
            where
              "team_members"."staff_id" = $69
              and "cases"."person_id" = "persons"."id"
              and (
                "cases"."closed_at" is null
                or "cases"."closed_at" > now() - make_interval(months => $70)
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
  $71
offset
  $72
-- $1 = 1
-- $2 = "00000000-0000-4000-8000-0000000c0002"
-- $3 = 13
-- $4 = "00000000-0000-4000-8000-00000000b001"
-- $5 = "00000000-0000-4000-8000-0000000c0002"
-- $6 = 13
-- $7 = "00000000-0000-4000-8000-00000000b001"
-- $8 = "00000000-0000-4000-8000-0000000c0002"
-- $9 = 13
-- $10 = "00000000-0000-4000-8000-00000000b001"
-- $11 = "00000000-0000-4000-8000-00000000b001"
-- $12 = "00000000-0000-4000-8000-00000000b001"
-- $13 = "00000000-0000-4000-8000-0000000c0002"
-- $14 = 13
-- $15 = "00000000-0000-4000-8000-00000000b001"
-- $16 = "00000000-0000-4000-8000-00000000b001"
-- $17 = "00000000-0000-4000-8000-00000000b001"
-- $18 = "00000000-0000-4000-8000-0000000c0002"
-- $19 = "00000000-0000-4000-8000-00000000a001"
-- $20 = "00000000-0000-4000-8000-00000000a001"
-- $21 = "00000000-0000-4000-8000-0000000c0002"
-- $22 = "00000000-0000-4000-8000-00000000a001"
-- $23 = "%andersson%"
-- $24 = "%andersson%"
-- $25 = "00000000-0000-4000-8000-0000000c0002"
-- $26 = "00000000-0000-4000-8000-00000000a001"
-- $27 = "00000000-0000-4000-8000-00000000a001"
-- $28 = "00000000-0000-4000-8000-00000000b001"
-- $29 = true
-- $30 = 13
-- $31 = "00000000-0000-4000-8000-0000000c0002"
-- $32 = "00000000-0000-4000-8000-0000000c0002"
-- $33 = 13
-- $34 = "00000000-0000-4000-8000-00000000a001"
-- $35 = 13
-- $36 = "00000000-0000-4000-8000-0000000c0002"
-- $37 = "00000000-0000-4000-8000-0000000c0002"
-- $38 = 13
-- $39 = "00000000-0000-4000-8000-00000000b001"
-- $40 = "contact_occupation"
-- $41 = "00000000-0000-4000-8000-00000000a001"
-- $42 = "00000000-0000-4000-8000-00000000b001"
-- $43 = true
-- $44 = 13
-- $45 = "00000000-0000-4000-8000-0000000c0002"
-- $46 = "00000000-0000-4000-8000-0000000c0002"
-- $47 = 13
-- $48 = "00000000-0000-4000-8000-0000000c0002"
-- $49 = "00000000-0000-4000-8000-00000000a001"
-- $50 = "00000000-0000-4000-8000-00000000a001"
-- $51 = "00000000-0000-4000-8000-00000000b001"
-- $52 = true
-- $53 = 13
-- $54 = "00000000-0000-4000-8000-0000000c0002"
-- $55 = "00000000-0000-4000-8000-0000000c0002"
-- $56 = 13
-- $57 = "00000000-0000-4000-8000-00000000a001"
-- $58 = 13
-- $59 = "00000000-0000-4000-8000-0000000c0002"
-- $60 = "00000000-0000-4000-8000-0000000c0002"
-- $61 = 13
-- $62 = "00000000-0000-4000-8000-00000000b001"
-- $63 = "contact_occupation"
-- $64 = "00000000-0000-4000-8000-00000000a001"
-- $65 = "00000000-0000-4000-8000-00000000b001"
-- $66 = true
-- $67 = 13
-- $68 = "00000000-0000-4000-8000-0000000c0002"
-- $69 = "00000000-0000-4000-8000-0000000c0002"
-- $70 = 13
-- $71 = 2
-- $72 = 2
