select
  "events"."id"
from
  "events"
where
  (
    events.type <> 'note'
    or events.payload -> 'sharedWithYoungPerson' = 'true'::jsonb
  )

