-- The relay deletes a row once Kafka has acknowledged it (OutboxRelay): a rewritten row per published event was as
-- much WAL as the event's own insert. Kafka keeps what was published; the outbox keeps what is still to publish.
delete from outbox_event where published_at is not null;
drop index outbox_event_pending;
alter table outbox_event drop column published_at;
