-- Signed webhooks for cooperatives' own systems (contract v3, issue 28).

-- An endpoint of a cooperative: its URL (checked against SSRF when registered and on every
-- delivery), the events it listens for, and its signing secret encrypted with AES-256-GCM under
-- ORIGINLIVE_WEBHOOKS_KEY_ENCRYPTION_KEY (the endpoint id is the associated data). After a
-- rotation the previous secret also signs until previous_until.
create table webhook_endpoint (
    id              uuid        primary key,
    cooperative_id  uuid        not null references cooperative (id),
    url             text        not null check (length(url) <= 2000),
    events          text[]      not null,
    secret          text        not null,
    previous_secret text,
    previous_until  timestamptz,
    created_at      timestamptz not null default now()
);
create index webhook_endpoint_listening_idx on webhook_endpoint (cooperative_id);

-- An event as it was at its cause's commit: the body every delivery of it sends, byte for byte.
create table webhook_event (
    id             uuid        primary key,
    cooperative_id uuid        not null references cooperative (id),
    type           text        not null,
    body           text        not null,
    created_at     timestamptz not null default now()
);

-- One delivery per (event, endpoint): QUEUED → SENDING (claimed for one attempt) → DELIVERED,
-- RETRY (waits for next_attempt_at, then QUEUED again through the outbox) or FAILED for good.
create table webhook_delivery (
    id              uuid        primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id        uuid        not null references webhook_event (id),
    status          text        not null check (status in ('QUEUED', 'SENDING', 'RETRY', 'DELIVERED', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (event_id, endpoint_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'RETRY';
create index webhook_delivery_sending_idx on webhook_delivery (updated_at) where status = 'SENDING';

-- Every attempt, for the delivery log.
create table webhook_attempt (
    id            uuid        primary key,
    delivery_id   uuid        not null references webhook_delivery (id) on delete cascade,
    endpoint_id   uuid        not null references webhook_endpoint (id) on delete cascade,
    attempt       int         not null,
    outcome       text        not null check (outcome in ('DELIVERED', 'FAILED')),
    response_code int,
    error         text,
    duration_ms   int         not null,
    at            timestamptz not null default now()
);
create index webhook_attempt_endpoint_idx on webhook_attempt (endpoint_id, at desc);
