-- Cooperatives on any phone (contract v3): short codes for fulfilments, alert phones, SMS and
-- the USSD menu's PINs.

-- A fulfilment's short code names it on small screens: 6 characters from an alphabet without
-- 0/O, 1/I/L. A global sequence through a bijection of [0, 31^6) makes codes unique by
-- construction (no collision to retry inside the payment's transaction) and not guessable in order.
create sequence fulfillment_short_code_seq;
create function fulfillment_short_code(n bigint) returns text language sql immutable as $$
    select string_agg(
               substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ',
                      (((((n % 887503681) * 387420489 + 123456789) % 887503681)
                        / power(31, i)::bigint) % 31)::int + 1, 1),
               '' order by i desc)
    from generate_series(0, 5) i
$$;
alter table fulfillment add column short_code text;
update fulfillment set short_code = fulfillment_short_code(nextval('fulfillment_short_code_seq'));
alter table fulfillment
    alter column short_code set default fulfillment_short_code(nextval('fulfillment_short_code_seq')),
    alter column short_code set not null;
create unique index fulfillment_short_code_idx on fulfillment (cooperative_id, short_code);

-- A cooperative's alert language (the SMS and USSD texts').
create table phone_alert_settings (
    cooperative_id uuid        primary key references cooperative (id),
    language       text        not null check (language in ('en', 'fr', 'rw', 'am')),
    updated_at     timestamptz not null default now()
);

-- Alert phones: a phone counts once it echoed the code sent to it (confirmed_at). A number serves
-- one cooperative (USSD finds the cooperative by the caller's number). Codes and PINs are hashes.
create table phone_alert_phone (
    phone           text        primary key check (phone ~ '^\+[1-9][0-9]{7,14}$'),
    cooperative_id  uuid        not null references cooperative (id),
    confirmed_at    timestamptz,
    code_hash       text,
    code_expires_at timestamptz,
    code_attempts   int         not null default 0,
    pin_hash        text,
    pin_failures    int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);
create index phone_alert_phone_cooperative_idx on phone_alert_phone (cooperative_id);

-- Every SMS: at most one per (fulfilment, phone, kind); claimed (SENDING) before the provider is
-- called, so a crash or a second replica never sends it twice. RETRY rows wait for
-- next_attempt_at and go back through the outbox.
create table phone_sms (
    id                  uuid        primary key,
    cooperative_id      uuid        not null references cooperative (id),
    phone               text        not null,
    kind                text        not null check (kind in ('CODE', 'NEW_ORDER', 'REMINDER')),
    fulfillment_id      uuid        references fulfillment (id),
    message             text,
    status              text        not null check (status in ('QUEUED', 'SENDING', 'SENT', 'RETRY', 'FAILED', 'UNKNOWN')),
    attempts            int         not null default 0,
    next_attempt_at     timestamptz,
    last_error          text,
    provider_message_id text,
    cost                text,
    delivery_status     text,
    delivery_reason     text,
    reported_at         timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index phone_sms_once_idx on phone_sms (fulfillment_id, phone, kind) where fulfillment_id is not null;
create index phone_sms_cooperative_idx on phone_sms (cooperative_id, created_at desc);
create index phone_sms_retry_idx on phone_sms (next_attempt_at) where status = 'RETRY';
create index phone_sms_message_idx on phone_sms (provider_message_id);

-- Fulfilments still NEW past the reminder (24 h) and the admins' alert (48 h).
create table phone_overdue (
    fulfillment_id uuid        primary key references fulfillment (id),
    cooperative_id uuid        not null references cooperative (id),
    short_code     text        not null,
    opened_at      timestamptz not null,
    reminded_at    timestamptz,
    escalated_at   timestamptz
);
create index phone_overdue_escalated_idx on phone_overdue (escalated_at desc) where escalated_at is not null;
