select
  kind,
  shown,
  case
    when shown then item_id
  end as item_id,
  case
    when shown then person_id
  end as person_id,
  case
    when shown then name
  end as name,
  case
    when shown then day::text
  end as day,
  case
    when shown then text
  end as text,
  case
    when shown then added_by
  end as added_by
from
  (
    select
      'application' as kind,
      a.id as item_id,
      persons.id as person_id,
      persons.given_name || ' ' || persons.family_name as name,
      a.signed_on as day,
      null::text as text,
      null::text as added_by,
      coalesce(
        (
          exists (
            select
              1 as "one"
            from
              "emergency_access"
            where
              "emergency_access"."person_id" = "persons"."id"
              and "emergency_access"."staff_id" = $1
              and "emergency_access"."municipality_id" = $2
              and "emergency_access"."ends_at" > now()
          )
          or (
            (
              (
                "persons"."municipality_id" = $3
                and exists (
                  select
                    1 as "one"
                  from
                    "units"
                  where
                    "units"."id" = $4
                    and "units"."kaa" = $5
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
                        or "cases"."closed_at" > now() - make_interval(months => $6)
                      )
                      and "cases"."contact_person_id" = $7
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $8
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $9)
                      )
                  )
                )
              )
              or (
                "persons"."municipality_id" = $10
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
            )
            and exists (
              select
                1 as "one"
              from
                "consents"
                inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
              where
                "consent_recipients"."unit_id" = $15
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
                    and "consent_categories"."category" = $16
                )
            )
          )
          or (
            "persons"."municipality_id" = $17
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $18
                and "units"."kaa" = $19
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
                    or "cases"."closed_at" > now() - make_interval(months => $20)
                  )
                  and "cases"."contact_person_id" = $21
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $22
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $23)
                  )
              )
            )
          )
        ),
        false
      ) as shown
    from
      applications a
      join persons on persons.id = a.person_id
    where
      a.municipality_id = $24
      and a.team_id = $25
      and a.status in ('received', 'on_agenda', 'waiting_list')
    union all
    select
      'follow_up_due',
      cases.id,
      persons.id,
      persons.given_name || ' ' || persons.family_name,
      (
        select
          least(
            ap.follow_up_on,
            (
              select
                min(ps.follow_up_on)
              from
                plan_steps ps
              where
                ps.plan_id = ap.id
                and ps.status in ('planned', 'ongoing')
            )
          )
        from
          action_plans ap
        where
          ap.case_id = cases.id
      ),
      null,
      null,
      coalesce(
        (
          exists (
            select
              1 as "one"
            from
              "emergency_access"
            where
              "emergency_access"."person_id" = "persons"."id"
              and "emergency_access"."staff_id" = $26
              and "emergency_access"."municipality_id" = $27
              and "emergency_access"."ends_at" > now()
          )
          or (
            (
              (
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
              or (
                "persons"."municipality_id" = $35
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
                        or "cases"."closed_at" > now() - make_interval(months => $36)
                      )
                      and "cases"."contact_person_id" = $37
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $38
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $39)
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
                "consent_recipients"."unit_id" = $40
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
                    and "consent_categories"."category" = $41
                )
            )
          )
          or (
            "persons"."municipality_id" = $42
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $43
                and "units"."kaa" = $44
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
        ),
        false
      )
    from
      cases
      join persons on persons.id = cases.person_id
    where
      cases.municipality_id = $49
      and cases.closed_at is null
      and (
        cases.team_id = $50
        or cases.contact_person_id in (
          select
            tmm.staff_id
          from
            team_members tmm
          where
            tmm.team_id = $51
        )
      )
      and (
        select
          least(
            ap.follow_up_on,
            (
              select
                min(ps.follow_up_on)
              from
                plan_steps ps
              where
                ps.plan_id = ap.id
                and ps.status in ('planned', 'ongoing')
            )
          )
        from
          action_plans ap
        where
          ap.case_id = cases.id
      ) <= $52::date
    union all
    select
      'not_reached',
      rp.id,
      persons.id,
      persons.given_name || ' ' || persons.family_name,
      rp.entered_on,
      null,
      null,
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
              or (
                "persons"."municipality_id" = $62
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
            )
            and exists (
              select
                1 as "one"
              from
                "consents"
                inner join "consent_recipients" on "consent_recipients"."consent_id" = "consents"."id"
              where
                "consent_recipients"."unit_id" = $67
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
                    and "consent_categories"."category" = $68
                )
            )
          )
          or (
            "persons"."municipality_id" = $69
            and exists (
              select
                1 as "one"
              from
                "units"
              where
                "units"."id" = $70
                and "units"."kaa" = $71
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
                    or "cases"."closed_at" > now() - make_interval(months => $72)
                  )
                  and "cases"."contact_person_id" = $73
              )
              or exists (
                select
                  1 as "one"
                from
                  "team_members"
                  inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                where
                  "team_members"."staff_id" = $74
                  and "cases"."person_id" = "persons"."id"
                  and (
                    "cases"."closed_at" is null
                    or "cases"."closed_at" > now() - make_interval(months => $75)
                  )
              )
            )
          )
        ),
        false
      )
    from
      register_periods rp
      join persons on persons.id = rp.person_id
      join cases on cases.person_id = persons.id
    where
      rp.municipality_id = $76
      and rp.left_on is null
      and cases.closed_at is null
      and (
        cases.team_id = $77
        or cases.contact_person_id in (
          select
            tmm.staff_id
          from
            team_members tmm
          where
            tmm.team_id = $78
        )
      )
      and rp.entered_on <= $79::date
      and not exists (
        select
          1
        from
          contact_attempts ca
        where
          ca.period_id = rp.id
          and ca.outcome in ($80, $81, $82, $83, $84)
      )
    union all
    select
      'measure_ending',
      ms.id,
      persons.id,
      persons.given_name || ' ' || persons.family_name,
      ms.planned_end_on,
      o.name,
      null,
      coalesce(
        (
          case ms.category
            when 'contact_occupation' then (
              exists (
                select
                  1 as "one"
                from
                  "emergency_access"
                where
                  "emergency_access"."person_id" = "persons"."id"
                  and "emergency_access"."staff_id" = $85
                  and "emergency_access"."municipality_id" = $86
                  and "emergency_access"."ends_at" > now()
              )
              or (
                (
                  (
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
                            or "cases"."closed_at" > now() - make_interval(months => $90)
                          )
                          and "cases"."contact_person_id" = $91
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $92
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $93)
                          )
                      )
                    )
                  )
                  or (
                    "persons"."municipality_id" = $94
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
                            or "cases"."closed_at" > now() - make_interval(months => $95)
                          )
                          and "cases"."contact_person_id" = $96
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $97
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $98)
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
                    "consent_recipients"."unit_id" = $99
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
                        and "consent_categories"."category" = $100
                    )
                )
              )
              or (
                "persons"."municipality_id" = $101
                and exists (
                  select
                    1 as "one"
                  from
                    "units"
                  where
                    "units"."id" = $102
                    and "units"."kaa" = $103
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
                        or "cases"."closed_at" > now() - make_interval(months => $104)
                      )
                      and "cases"."contact_person_id" = $105
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $106
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $107)
                      )
                  )
                )
              )
            )
            when 'assessment_plan' then (
              exists (
                select
                  1 as "one"
                from
                  "emergency_access"
                where
                  "emergency_access"."person_id" = "persons"."id"
                  and "emergency_access"."staff_id" = $108
                  and "emergency_access"."municipality_id" = $109
                  and "emergency_access"."ends_at" > now()
              )
              or (
                (
                  (
                    "persons"."municipality_id" = $110
                    and exists (
                      select
                        1 as "one"
                      from
                        "units"
                      where
                        "units"."id" = $111
                        and "units"."kaa" = $112
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
                            or "cases"."closed_at" > now() - make_interval(months => $113)
                          )
                          and "cases"."contact_person_id" = $114
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $115
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $116)
                          )
                      )
                    )
                  )
                  or (
                    "persons"."municipality_id" = $117
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
                            or "cases"."closed_at" > now() - make_interval(months => $118)
                          )
                          and "cases"."contact_person_id" = $119
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $120
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $121)
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
                    "consent_recipients"."unit_id" = $122
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
                        and "consent_categories"."category" = $123
                    )
                )
              )
              or (
                "persons"."municipality_id" = $124
                and exists (
                  select
                    1 as "one"
                  from
                    "units"
                  where
                    "units"."id" = $125
                    and "units"."kaa" = $126
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
                        or "cases"."closed_at" > now() - make_interval(months => $127)
                      )
                      and "cases"."contact_person_id" = $128
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $129
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $130)
                      )
                  )
                )
              )
            )
            when 'health_social' then (
              exists (
                select
                  1 as "one"
                from
                  "emergency_access"
                where
                  "emergency_access"."person_id" = "persons"."id"
                  and "emergency_access"."staff_id" = $131
                  and "emergency_access"."municipality_id" = $132
                  and "emergency_access"."ends_at" > now()
              )
              or (
                (
                  (
                    "persons"."municipality_id" = $133
                    and exists (
                      select
                        1 as "one"
                      from
                        "units"
                      where
                        "units"."id" = $134
                        and "units"."kaa" = $135
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
                            or "cases"."closed_at" > now() - make_interval(months => $136)
                          )
                          and "cases"."contact_person_id" = $137
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $138
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $139)
                          )
                      )
                    )
                  )
                  or (
                    "persons"."municipality_id" = $140
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
                            or "cases"."closed_at" > now() - make_interval(months => $141)
                          )
                          and "cases"."contact_person_id" = $142
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $143
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $144)
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
                    "consent_recipients"."unit_id" = $145
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
                        and "consent_categories"."category" = $146
                    )
                )
              )
            )
            else false
          end
        ),
        false
      )
    from
      measures ms
      join offers o on o.id = ms.offer_id
      join persons on persons.id = ms.person_id
      join cases on cases.person_id = persons.id
    where
      ms.municipality_id = $147
      and ms.ended_on is null
      and cases.closed_at is null
      and (
        cases.team_id = $148
        or cases.contact_person_id in (
          select
            tmm.staff_id
          from
            team_members tmm
          where
            tmm.team_id = $149
        )
      )
      and ms.planned_end_on <= $150::date
    union all
    select
      i.kind,
      i.id,
      persons.id,
      persons.given_name || ' ' || persons.family_name,
      null::date,
      i.text,
      s.name,
      (
        i.person_id is null
        or coalesce(
          (
            case i.category
              when 'contact_occupation' then (
                exists (
                  select
                    1 as "one"
                  from
                    "emergency_access"
                  where
                    "emergency_access"."person_id" = "persons"."id"
                    and "emergency_access"."staff_id" = $151
                    and "emergency_access"."municipality_id" = $152
                    and "emergency_access"."ends_at" > now()
                )
                or (
                  (
                    (
                      "persons"."municipality_id" = $153
                      and exists (
                        select
                          1 as "one"
                        from
                          "units"
                        where
                          "units"."id" = $154
                          and "units"."kaa" = $155
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
                              or "cases"."closed_at" > now() - make_interval(months => $156)
                            )
                            and "cases"."contact_person_id" = $157
                        )
                        or exists (
                          select
                            1 as "one"
                          from
                            "team_members"
                            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                          where
                            "team_members"."staff_id" = $158
                            and "cases"."person_id" = "persons"."id"
                            and (
                              "cases"."closed_at" is null
                              or "cases"."closed_at" > now() - make_interval(months => $159)
                            )
                        )
                      )
                    )
                    or (
                      "persons"."municipality_id" = $160
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
                              or "cases"."closed_at" > now() - make_interval(months => $161)
                            )
                            and "cases"."contact_person_id" = $162
                        )
                        or exists (
                          select
                            1 as "one"
                          from
                            "team_members"
                            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                          where
                            "team_members"."staff_id" = $163
                            and "cases"."person_id" = "persons"."id"
                            and (
                              "cases"."closed_at" is null
                              or "cases"."closed_at" > now() - make_interval(months => $164)
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
                      "consent_recipients"."unit_id" = $165
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
                          and "consent_categories"."category" = $166
                      )
                  )
                )
                or (
                  "persons"."municipality_id" = $167
                  and exists (
                    select
                      1 as "one"
                    from
                      "units"
                    where
                      "units"."id" = $168
                      and "units"."kaa" = $169
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
                          or "cases"."closed_at" > now() - make_interval(months => $170)
                        )
                        and "cases"."contact_person_id" = $171
                    )
                    or exists (
                      select
                        1 as "one"
                      from
                        "team_members"
                        inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                      where
                        "team_members"."staff_id" = $172
                        and "cases"."person_id" = "persons"."id"
                        and (
                          "cases"."closed_at" is null
                          or "cases"."closed_at" > now() - make_interval(months => $173)
                        )
                    )
                  )
                )
              )
              when 'assessment_plan' then (
                exists (
                  select
                    1 as "one"
                  from
                    "emergency_access"
                  where
                    "emergency_access"."person_id" = "persons"."id"
                    and "emergency_access"."staff_id" = $174
                    and "emergency_access"."municipality_id" = $175
                    and "emergency_access"."ends_at" > now()
                )
                or (
                  (
                    (
                      "persons"."municipality_id" = $176
                      and exists (
                        select
                          1 as "one"
                        from
                          "units"
                        where
                          "units"."id" = $177
                          and "units"."kaa" = $178
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
                              or "cases"."closed_at" > now() - make_interval(months => $179)
                            )
                            and "cases"."contact_person_id" = $180
                        )
                        or exists (
                          select
                            1 as "one"
                          from
                            "team_members"
                            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                          where
                            "team_members"."staff_id" = $181
                            and "cases"."person_id" = "persons"."id"
                            and (
                              "cases"."closed_at" is null
                              or "cases"."closed_at" > now() - make_interval(months => $182)
                            )
                        )
                      )
                    )
                    or (
                      "persons"."municipality_id" = $183
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
                              or "cases"."closed_at" > now() - make_interval(months => $184)
                            )
                            and "cases"."contact_person_id" = $185
                        )
                        or exists (
                          select
                            1 as "one"
                          from
                            "team_members"
                            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                          where
                            "team_members"."staff_id" = $186
                            and "cases"."person_id" = "persons"."id"
                            and (
                              "cases"."closed_at" is null
                              or "cases"."closed_at" > now() - make_interval(months => $187)
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
                      "consent_recipients"."unit_id" = $188
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
                          and "consent_categories"."category" = $189
                      )
                  )
                )
                or (
                  "persons"."municipality_id" = $190
                  and exists (
                    select
                      1 as "one"
                    from
                      "units"
                    where
                      "units"."id" = $191
                      and "units"."kaa" = $192
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
                          or "cases"."closed_at" > now() - make_interval(months => $193)
                        )
                        and "cases"."contact_person_id" = $194
                    )
                    or exists (
                      select
                        1 as "one"
                      from
                        "team_members"
                        inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                      where
                        "team_members"."staff_id" = $195
                        and "cases"."person_id" = "persons"."id"
                        and (
                          "cases"."closed_at" is null
                          or "cases"."closed_at" > now() - make_interval(months => $196)
                        )
                    )
                  )
                )
              )
              when 'health_social' then (
                exists (
                  select
                    1 as "one"
                  from
                    "emergency_access"
                  where
                    "emergency_access"."person_id" = "persons"."id"
                    and "emergency_access"."staff_id" = $197
                    and "emergency_access"."municipality_id" = $198
                    and "emergency_access"."ends_at" > now()
                )
                or (
                  (
                    (
                      "persons"."municipality_id" = $199
                      and exists (
                        select
                          1 as "one"
                        from
                          "units"
                        where
                          "units"."id" = $200
                          and "units"."kaa" = $201
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
                              or "cases"."closed_at" > now() - make_interval(months => $202)
                            )
                            and "cases"."contact_person_id" = $203
                        )
                        or exists (
                          select
                            1 as "one"
                          from
                            "team_members"
                            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                          where
                            "team_members"."staff_id" = $204
                            and "cases"."person_id" = "persons"."id"
                            and (
                              "cases"."closed_at" is null
                              or "cases"."closed_at" > now() - make_interval(months => $205)
                            )
                        )
                      )
                    )
                    or (
                      "persons"."municipality_id" = $206
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
                              or "cases"."closed_at" > now() - make_interval(months => $207)
                            )
                            and "cases"."contact_person_id" = $208
                        )
                        or exists (
                          select
                            1 as "one"
                          from
                            "team_members"
                            inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                          where
                            "team_members"."staff_id" = $209
                            and "cases"."person_id" = "persons"."id"
                            and (
                              "cases"."closed_at" is null
                              or "cases"."closed_at" > now() - make_interval(months => $210)
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
                      "consent_recipients"."unit_id" = $211
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
                          and "consent_categories"."category" = $212
                      )
                  )
                )
              )
              else false
            end
          ),
          false
        )
      )
    from
      team_meeting_items i
      left join persons on persons.id = i.person_id
      left join staff s on s.id = i.added_by
    where
      i.meeting_id = $213
      and i.municipality_id = $214
  ) agenda
order by
  array_position(
    array[$215, $216, $217, $218, $219, $220]::text[],
    kind
  ),
  shown desc,
  case
    when shown then day
  end nulls last,
  case
    when shown then name
  end
-- $1 = "00000000-0000-4000-8000-0000000c0003"
-- $2 = "00000000-0000-4000-8000-00000000a001"
-- $3 = "00000000-0000-4000-8000-00000000a001"
-- $4 = "00000000-0000-4000-8000-00000000b001"
-- $5 = true
-- $6 = 13
-- $7 = "00000000-0000-4000-8000-0000000c0003"
-- $8 = "00000000-0000-4000-8000-0000000c0003"
-- $9 = 13
-- $10 = "00000000-0000-4000-8000-00000000a001"
-- $11 = 13
-- $12 = "00000000-0000-4000-8000-0000000c0003"
-- $13 = "00000000-0000-4000-8000-0000000c0003"
-- $14 = 13
-- $15 = "00000000-0000-4000-8000-00000000b001"
-- $16 = "assessment_plan"
-- $17 = "00000000-0000-4000-8000-00000000a001"
-- $18 = "00000000-0000-4000-8000-00000000b001"
-- $19 = true
-- $20 = 13
-- $21 = "00000000-0000-4000-8000-0000000c0003"
-- $22 = "00000000-0000-4000-8000-0000000c0003"
-- $23 = 13
-- $24 = "00000000-0000-4000-8000-00000000a001"
-- $25 = "00000000-0000-4000-8000-00000000e002"
-- $26 = "00000000-0000-4000-8000-0000000c0003"
-- $27 = "00000000-0000-4000-8000-00000000a001"
-- $28 = "00000000-0000-4000-8000-00000000a001"
-- $29 = "00000000-0000-4000-8000-00000000b001"
-- $30 = true
-- $31 = 13
-- $32 = "00000000-0000-4000-8000-0000000c0003"
-- $33 = "00000000-0000-4000-8000-0000000c0003"
-- $34 = 13
-- $35 = "00000000-0000-4000-8000-00000000a001"
-- $36 = 13
-- $37 = "00000000-0000-4000-8000-0000000c0003"
-- $38 = "00000000-0000-4000-8000-0000000c0003"
-- $39 = 13
-- $40 = "00000000-0000-4000-8000-00000000b001"
-- $41 = "assessment_plan"
-- $42 = "00000000-0000-4000-8000-00000000a001"
-- $43 = "00000000-0000-4000-8000-00000000b001"
-- $44 = true
-- $45 = 13
-- $46 = "00000000-0000-4000-8000-0000000c0003"
-- $47 = "00000000-0000-4000-8000-0000000c0003"
-- $48 = 13
-- $49 = "00000000-0000-4000-8000-00000000a001"
-- $50 = "00000000-0000-4000-8000-00000000e002"
-- $51 = "00000000-0000-4000-8000-00000000e002"
-- $52 = "2026-12-08"
-- $53 = "00000000-0000-4000-8000-0000000c0003"
-- $54 = "00000000-0000-4000-8000-00000000a001"
-- $55 = "00000000-0000-4000-8000-00000000a001"
-- $56 = "00000000-0000-4000-8000-00000000b001"
-- $57 = true
-- $58 = 13
-- $59 = "00000000-0000-4000-8000-0000000c0003"
-- $60 = "00000000-0000-4000-8000-0000000c0003"
-- $61 = 13
-- $62 = "00000000-0000-4000-8000-00000000a001"
-- $63 = 13
-- $64 = "00000000-0000-4000-8000-0000000c0003"
-- $65 = "00000000-0000-4000-8000-0000000c0003"
-- $66 = 13
-- $67 = "00000000-0000-4000-8000-00000000b001"
-- $68 = "contact_occupation"
-- $69 = "00000000-0000-4000-8000-00000000a001"
-- $70 = "00000000-0000-4000-8000-00000000b001"
-- $71 = true
-- $72 = 13
-- $73 = "00000000-0000-4000-8000-0000000c0003"
-- $74 = "00000000-0000-4000-8000-0000000c0003"
-- $75 = 13
-- $76 = "00000000-0000-4000-8000-00000000a001"
-- $77 = "00000000-0000-4000-8000-00000000e002"
-- $78 = "00000000-0000-4000-8000-00000000e002"
-- $79 = "2026-11-08"
-- $80 = "reached"
-- $81 = "reached_guardian"
-- $82 = "met"
-- $83 = "met_guardian"
-- $84 = "declined"
-- $85 = "00000000-0000-4000-8000-0000000c0003"
-- $86 = "00000000-0000-4000-8000-00000000a001"
-- $87 = "00000000-0000-4000-8000-00000000a001"
-- $88 = "00000000-0000-4000-8000-00000000b001"
-- $89 = true
-- $90 = 13
-- $91 = "00000000-0000-4000-8000-0000000c0003"
-- $92 = "00000000-0000-4000-8000-0000000c0003"
-- $93 = 13
-- $94 = "00000000-0000-4000-8000-00000000a001"
-- $95 = 13
-- $96 = "00000000-0000-4000-8000-0000000c0003"
-- $97 = "00000000-0000-4000-8000-0000000c0003"
-- $98 = 13
-- $99 = "00000000-0000-4000-8000-00000000b001"
-- $100 = "contact_occupation"
-- $101 = "00000000-0000-4000-8000-00000000a001"
-- $102 = "00000000-0000-4000-8000-00000000b001"
-- $103 = true
-- $104 = 13
-- $105 = "00000000-0000-4000-8000-0000000c0003"
-- $106 = "00000000-0000-4000-8000-0000000c0003"
-- $107 = 13
-- $108 = "00000000-0000-4000-8000-0000000c0003"
-- $109 = "00000000-0000-4000-8000-00000000a001"
-- $110 = "00000000-0000-4000-8000-00000000a001"
-- $111 = "00000000-0000-4000-8000-00000000b001"
-- $112 = true
-- $113 = 13
-- $114 = "00000000-0000-4000-8000-0000000c0003"
-- $115 = "00000000-0000-4000-8000-0000000c0003"
-- $116 = 13
-- $117 = "00000000-0000-4000-8000-00000000a001"
-- $118 = 13
-- $119 = "00000000-0000-4000-8000-0000000c0003"
-- $120 = "00000000-0000-4000-8000-0000000c0003"
-- $121 = 13
-- $122 = "00000000-0000-4000-8000-00000000b001"
-- $123 = "assessment_plan"
-- $124 = "00000000-0000-4000-8000-00000000a001"
-- $125 = "00000000-0000-4000-8000-00000000b001"
-- $126 = true
-- $127 = 13
-- $128 = "00000000-0000-4000-8000-0000000c0003"
-- $129 = "00000000-0000-4000-8000-0000000c0003"
-- $130 = 13
-- $131 = "00000000-0000-4000-8000-0000000c0003"
-- $132 = "00000000-0000-4000-8000-00000000a001"
-- $133 = "00000000-0000-4000-8000-00000000a001"
-- $134 = "00000000-0000-4000-8000-00000000b001"
-- $135 = true
-- $136 = 13
-- $137 = "00000000-0000-4000-8000-0000000c0003"
-- $138 = "00000000-0000-4000-8000-0000000c0003"
-- $139 = 13
-- $140 = "00000000-0000-4000-8000-00000000a001"
-- $141 = 13
-- $142 = "00000000-0000-4000-8000-0000000c0003"
-- $143 = "00000000-0000-4000-8000-0000000c0003"
-- $144 = 13
-- $145 = "00000000-0000-4000-8000-00000000b001"
-- $146 = "health_social"
-- $147 = "00000000-0000-4000-8000-00000000a001"
-- $148 = "00000000-0000-4000-8000-00000000e002"
-- $149 = "00000000-0000-4000-8000-00000000e002"
-- $150 = "2026-12-22"
-- $151 = "00000000-0000-4000-8000-0000000c0003"
-- $152 = "00000000-0000-4000-8000-00000000a001"
-- $153 = "00000000-0000-4000-8000-00000000a001"
-- $154 = "00000000-0000-4000-8000-00000000b001"
-- $155 = true
-- $156 = 13
-- $157 = "00000000-0000-4000-8000-0000000c0003"
-- $158 = "00000000-0000-4000-8000-0000000c0003"
-- $159 = 13
-- $160 = "00000000-0000-4000-8000-00000000a001"
-- $161 = 13
-- $162 = "00000000-0000-4000-8000-0000000c0003"
-- $163 = "00000000-0000-4000-8000-0000000c0003"
-- $164 = 13
-- $165 = "00000000-0000-4000-8000-00000000b001"
-- $166 = "contact_occupation"
-- $167 = "00000000-0000-4000-8000-00000000a001"
-- $168 = "00000000-0000-4000-8000-00000000b001"
-- $169 = true
-- $170 = 13
-- $171 = "00000000-0000-4000-8000-0000000c0003"
-- $172 = "00000000-0000-4000-8000-0000000c0003"
-- $173 = 13
-- $174 = "00000000-0000-4000-8000-0000000c0003"
-- $175 = "00000000-0000-4000-8000-00000000a001"
-- $176 = "00000000-0000-4000-8000-00000000a001"
-- $177 = "00000000-0000-4000-8000-00000000b001"
-- $178 = true
-- $179 = 13
-- $180 = "00000000-0000-4000-8000-0000000c0003"
-- $181 = "00000000-0000-4000-8000-0000000c0003"
-- $182 = 13
-- $183 = "00000000-0000-4000-8000-00000000a001"
-- $184 = 13
-- $185 = "00000000-0000-4000-8000-0000000c0003"
-- $186 = "00000000-0000-4000-8000-0000000c0003"
-- $187 = 13
-- $188 = "00000000-0000-4000-8000-00000000b001"
-- $189 = "assessment_plan"
-- $190 = "00000000-0000-4000-8000-00000000a001"
-- $191 = "00000000-0000-4000-8000-00000000b001"
-- $192 = true
-- $193 = 13
-- $194 = "00000000-0000-4000-8000-0000000c0003"
-- $195 = "00000000-0000-4000-8000-0000000c0003"
-- $196 = 13
-- $197 = "00000000-0000-4000-8000-0000000c0003"
-- $198 = "00000000-0000-4000-8000-00000000a001"
-- $199 = "00000000-0000-4000-8000-00000000a001"
-- $200 = "00000000-0000-4000-8000-00000000b001"
-- $201 = true
-- $202 = 13
-- $203 = "00000000-0000-4000-8000-0000000c0003"
-- $204 = "00000000-0000-4000-8000-0000000c0003"
-- $205 = 13
-- $206 = "00000000-0000-4000-8000-00000000a001"
-- $207 = 13
-- $208 = "00000000-0000-4000-8000-0000000c0003"
-- $209 = "00000000-0000-4000-8000-0000000c0003"
-- $210 = 13
-- $211 = "00000000-0000-4000-8000-00000000b001"
-- $212 = "health_social"
-- $213 = "00000000-0000-4000-8000-00000000e001"
-- $214 = "00000000-0000-4000-8000-00000000a001"
-- $215 = "application"
-- $216 = "follow_up_due"
-- $217 = "not_reached"
-- $218 = "measure_ending"
-- $219 = "closing_proposed"
-- $220 = "other"
