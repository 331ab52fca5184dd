-- Telling buyers (contract v3, "Reminders, notifications and webhooks"): sale reminders and emails.

-- What notify knows of a buyer: the language their emails are written in (the one their last
-- request chose) and the address they confirmed (a confirmation counts only while it is still the
-- account's address).
create table notify_recipient (
    user_id         uuid        primary key references app_user (id),
    language        text        not null,
    confirmed_email text,
    confirmed_at    timestamptz,
    updated_at      timestamptz not null default now()
);

-- Addresses that asked for no more emails (by the link every email carries), lower case.
create table notify_unsubscribe (
    email           text        primary key check (email = lower(email)),
    unsubscribed_at timestamptz not null default now()
);

-- "Remind me": WAITING until the sale goes LIVE; the relay claims them page by page (REMINDED),
-- so each buyer is told once, whichever replica relays.
create table notify_reminder (
    sale_id     uuid        not null references sale (id),
    user_id     uuid        not null references app_user (id),
    status      text        not null check (status in ('WAITING', 'REMINDED')),
    created_at  timestamptz not null default now(),
    reminded_at timestamptz,
    primary key (sale_id, user_id)
);
create index notify_reminder_waiting_idx on notify_reminder (sale_id) where status = 'WAITING';

-- Every email: claimed (SENDING) before the SMTP server is called, so it is sent at most once.
-- RETRY rows wait for next_attempt_at and go back through the outbox. One email of a kind per
-- buyer and cause (sale, order, fulfilment); confirmations may repeat.
create table notify_email (
    id              uuid        primary key,
    user_id         uuid        not null references app_user (id),
    kind            text        not null check (kind in ('CONFIRM', 'REMINDER', 'ORDER_PAID', 'SHIPPED')),
    ref_id          uuid,
    address         text,
    language        text,
    status          text        not null check (status in ('QUEUED', 'SENDING', 'SENT', 'RETRY', 'FAILED', 'UNKNOWN', 'SKIPPED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index notify_email_once_idx on notify_email (user_id, kind, ref_id) where kind <> 'CONFIRM';
create index notify_email_user_idx on notify_email (user_id, created_at desc);
create index notify_email_retry_idx on notify_email (next_attempt_at) where status = 'RETRY';
