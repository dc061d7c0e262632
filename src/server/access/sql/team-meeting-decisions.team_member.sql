select
  id,
  kind,
  shown,
  decided_by,
  decided_at,
  case
    when shown then person_id
  end as person_id,
  case
    when shown then name
  end as name,
  case
    when shown then application_id
  end as application_id,
  case
    when shown then text
  end as text
from
  (
    select
      d.id,
      d.kind,
      d.application_id,
      d.text,
      d.decided_at,
      s.name as decided_by,
      persons.id as person_id,
      persons.given_name || ' ' || persons.family_name as name,
      coalesce(
        (
          case d.category
            when 'contact_occupation' then (
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
            )
            when 'assessment_plan' then (
              exists (
                select
                  1 as "one"
                from
                  "emergency_access"
                where
                  "emergency_access"."person_id" = "persons"."id"
                  and "emergency_access"."staff_id" = $24
                  and "emergency_access"."municipality_id" = $25
                  and "emergency_access"."ends_at" > now()
              )
              or (
                (
                  (
                    "persons"."municipality_id" = $26
                    and exists (
                      select
                        1 as "one"
                      from
                        "units"
                      where
                        "units"."id" = $27
                        and "units"."kaa" = $28
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
                            or "cases"."closed_at" > now() - make_interval(months => $29)
                          )
                          and "cases"."contact_person_id" = $30
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $31
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $32)
                          )
                      )
                    )
                  )
                  or (
                    "persons"."municipality_id" = $33
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
                            or "cases"."closed_at" > now() - make_interval(months => $34)
                          )
                          and "cases"."contact_person_id" = $35
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $36
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $37)
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
                    "consent_recipients"."unit_id" = $38
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
                        and "consent_categories"."category" = $39
                    )
                )
              )
              or (
                "persons"."municipality_id" = $40
                and exists (
                  select
                    1 as "one"
                  from
                    "units"
                  where
                    "units"."id" = $41
                    and "units"."kaa" = $42
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
                        or "cases"."closed_at" > now() - make_interval(months => $43)
                      )
                      and "cases"."contact_person_id" = $44
                  )
                  or exists (
                    select
                      1 as "one"
                    from
                      "team_members"
                      inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                    where
                      "team_members"."staff_id" = $45
                      and "cases"."person_id" = "persons"."id"
                      and (
                        "cases"."closed_at" is null
                        or "cases"."closed_at" > now() - make_interval(months => $46)
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
                  and "emergency_access"."staff_id" = $47
                  and "emergency_access"."municipality_id" = $48
                  and "emergency_access"."ends_at" > now()
              )
              or (
                (
                  (
                    "persons"."municipality_id" = $49
                    and exists (
                      select
                        1 as "one"
                      from
                        "units"
                      where
                        "units"."id" = $50
                        and "units"."kaa" = $51
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
                            or "cases"."closed_at" > now() - make_interval(months => $52)
                          )
                          and "cases"."contact_person_id" = $53
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $54
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $55)
                          )
                      )
                    )
                  )
                  or (
                    "persons"."municipality_id" = $56
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
                            or "cases"."closed_at" > now() - make_interval(months => $57)
                          )
                          and "cases"."contact_person_id" = $58
                      )
                      or exists (
                        select
                          1 as "one"
                        from
                          "team_members"
                          inner join "cases" on "cases"."team_id" = "team_members"."team_id"
                        where
                          "team_members"."staff_id" = $59
                          and "cases"."person_id" = "persons"."id"
                          and (
                            "cases"."closed_at" is null
                            or "cases"."closed_at" > now() - make_interval(months => $60)
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
                    "consent_recipients"."unit_id" = $61
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
                        and "consent_categories"."category" = $62
                    )
                )
              )
            )
            else false
          end
        ),
        false
      ) as shown
    from
      team_meeting_decisions d
      join persons on persons.id = d.person_id
      left join staff s on s.id = d.decided_by
    where
      d.meeting_id = $63
      and d.municipality_id = $64
  ) decisions
order by
  decided_at,
  id
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
-- $16 = "contact_occupation"
-- $17 = "00000000-0000-4000-8000-00000000a001"
-- $18 = "00000000-0000-4000-8000-00000000b001"
-- $19 = true
-- $20 = 13
-- $21 = "00000000-0000-4000-8000-0000000c0003"
-- $22 = "00000000-0000-4000-8000-0000000c0003"
-- $23 = 13
-- $24 = "00000000-0000-4000-8000-0000000c0003"
-- $25 = "00000000-0000-4000-8000-00000000a001"
-- $26 = "00000000-0000-4000-8000-00000000a001"
-- $27 = "00000000-0000-4000-8000-00000000b001"
-- $28 = true
-- $29 = 13
-- $30 = "00000000-0000-4000-8000-0000000c0003"
-- $31 = "00000000-0000-4000-8000-0000000c0003"
-- $32 = 13
-- $33 = "00000000-0000-4000-8000-00000000a001"
-- $34 = 13
-- $35 = "00000000-0000-4000-8000-0000000c0003"
-- $36 = "00000000-0000-4000-8000-0000000c0003"
-- $37 = 13
-- $38 = "00000000-0000-4000-8000-00000000b001"
-- $39 = "assessment_plan"
-- $40 = "00000000-0000-4000-8000-00000000a001"
-- $41 = "00000000-0000-4000-8000-00000000b001"
-- $42 = true
-- $43 = 13
-- $44 = "00000000-0000-4000-8000-0000000c0003"
-- $45 = "00000000-0000-4000-8000-0000000c0003"
-- $46 = 13
-- $47 = "00000000-0000-4000-8000-0000000c0003"
-- $48 = "00000000-0000-4000-8000-00000000a001"
-- $49 = "00000000-0000-4000-8000-00000000a001"
-- $50 = "00000000-0000-4000-8000-00000000b001"
-- $51 = true
-- $52 = 13
-- $53 = "00000000-0000-4000-8000-0000000c0003"
-- $54 = "00000000-0000-4000-8000-0000000c0003"
-- $55 = 13
-- $56 = "00000000-0000-4000-8000-00000000a001"
-- $57 = 13
-- $58 = "00000000-0000-4000-8000-0000000c0003"
-- $59 = "00000000-0000-4000-8000-0000000c0003"
-- $60 = 13
-- $61 = "00000000-0000-4000-8000-00000000b001"
-- $62 = "health_social"
-- $63 = "00000000-0000-4000-8000-00000000e001"
-- $64 = "00000000-0000-4000-8000-00000000a001"
