select
  "events"."id"
from
  "events"
where
  (
    events.type <> 'note'
    or coalesce(
      (
        select
          note_shares.shared
        from
          note_shares
        where
          note_shares.note_id = events.id
      ),
      events.payload -> 'sharedWithYoungPerson' = 'true'::jsonb
    )
  )

