-- Web Push (contract v3): a buyer's browsers (push subscriptions) and each notice to each of them.

-- A browser's subscription as PushSubscription.toJSON() gives it. An endpoint belongs to one
-- account at a time (the last to register it); the guard refusing it on delivery disables it.
create table push_subscription (
    id              uuid        primary key,
    user_id         uuid        not null references app_user (id) on delete cascade,
    endpoint        text        not null unique check (length(endpoint) <= 2048),
    p256dh          bytea       not null check (length(p256dh) = 65),
    auth            bytea       not null check (length(auth) = 16),
    expiration_time timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index push_subscription_user_idx on push_subscription (user_id);

-- One notice to one subscription: claimed (SENDING) before the push service is called; RETRY
-- rows wait for next_attempt_at and go back through the outbox (topic push). Gone with their
-- subscription (a 404/410 from the push service deletes it).
create table push_message (
    id              uuid        primary key,
    subscription_id uuid        not null references push_subscription (id) on delete cascade,
    payload         text        not null check (octet_length(payload) <= 3993),
    status          text        not null check (status in ('QUEUED', 'SENDING', 'SENT', 'RETRY', 'FAILED')),
    attempts        int         not null default 0,
    response_code   int,
    last_error      text,
    next_attempt_at timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index push_message_subscription_idx on push_message (subscription_id);
create index push_message_retry_idx on push_message (next_attempt_at) where status = 'RETRY';
