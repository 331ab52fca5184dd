-- One outbox (DESIGN, "One outbox"): messages written in the transaction that makes them and
-- delivered after it commits. The first user is the scale-out bus: with ORIGINLIVE_BUS=nats,
-- a sale's events go here instead of NOTIFY, and a relay publishes them in order.
create table outbox (
    id         bigserial   primary key,
    -- What kind of message ("sale-events"), and the key that orders it (the sale): rows of one
    -- topic and key are delivered in id order, by one replica at a time.
    topic      text        not null check (length(topic) <= 60),
    key        text        not null check (length(key) <= 100),
    payload    text        not null,
    created_at timestamptz not null default now()
);
create index outbox_topic_key_idx on outbox (topic, key, id);
