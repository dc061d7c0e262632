select
  "teams"."id"
from
  "teams"
where
  (
    "teams"."municipality_id" = $1
    and (
      exists (
        select
          1 as "one"
        from
          "team_members"
        where
          "team_members"."team_id" = "teams"."id"
          and "team_members"."staff_id" = $2
      )
      or "teams"."meeting_lead_id" = $3
    )
  )
-- $1 = "00000000-0000-4000-8000-00000000a001"
-- $2 = "00000000-0000-4000-8000-0000000c0003"
-- $3 = "00000000-0000-4000-8000-0000000c0003"
