-- Payouts to cooperatives: where to pay, admin FX rates, and payout requests with their
-- provider state. Money itself moves only in the ledger; these rows say why and where.

create table payout_destination (
    cooperative_id uuid        primary key references cooperative (id),
    provider       text        not null check (provider in ('SANDBOX', 'MTN_MOMO', 'MPESA', 'BANK_MANUAL')),
    account_name   text        not null,
    account_number text        not null,
    currency       char(3)     not null,
    updated_at     timestamptz not null
);

create table fx_rate (
    from_currency char(3)       not null,
    to_currency   char(3)       not null,
    rate          numeric(20, 8) not null check (rate > 0),
    updated_at    timestamptz   not null,
    primary key (from_currency, to_currency)
);

create table payout (
    id                       uuid        primary key,
    cooperative_id           uuid        not null references cooperative (id),
    idempotency_key          text        not null,
    request_hash             text        not null,
    amount_minor             bigint      not null check (amount_minor > 0),
    currency                 char(3)     not null,
    destination_amount_minor bigint      not null check (destination_amount_minor >= 0),
    destination_currency     char(3)     not null,
    fx_rate                  numeric(20, 8),
    provider                 text        not null,
    account_name             text        not null,
    account_number           text        not null,
    status                   text        not null check (status in ('SUBMITTED', 'SUCCEEDED', 'FAILED')),
    -- NEW: not yet handed to the provider; ACCEPTED: the provider took it; UNKNOWN: a call timed out or failed.
    dispatch                 text        not null default 'NEW' check (dispatch in ('NEW', 'ACCEPTED', 'UNKNOWN')),
    provider_reference       text        not null,
    provider_transaction_id  text,
    failure_reason           text,
    attempts                 int         not null default 0,
    next_poll_at             timestamptz,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    unique (cooperative_id, idempotency_key)
);

create index payout_by_cooperative on payout (cooperative_id, created_at desc, id);
create index payout_to_poll on payout (next_poll_at) where status = 'SUBMITTED';
