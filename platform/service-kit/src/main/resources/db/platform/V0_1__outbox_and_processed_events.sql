-- Platform tables every service has (from service-kit): the transactional outbox and the consumers' dedupe log.

create table outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    topic        text        not null,
    event_key    text,
    event_type   text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
-- the relay only ever reads what is still to publish
create index outbox_event_pending on outbox_event (seq) where published_at is null;

create table processed_event (
    event_id     uuid        not null,
    consumer     text        not null,
    event_type   text        not null,
    source       text        not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
