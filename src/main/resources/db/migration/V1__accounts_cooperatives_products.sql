-- Accounts, cooperatives and their products: the storefront half of Origin Live.

create table cooperative (
    id              uuid primary key,
    slug            text        not null unique check (slug ~ '^[a-z0-9-]{3,60}$'),
    name            text        not null,
    country         char(2)     not null,
    region          text        not null,
    story           text        not null,
    payout_currency char(3)     not null,
    created_at      timestamptz not null default now()
);

create table app_user (
    id             uuid primary key,
    email          text        not null,
    password_hash  text        not null,
    display_name   text        not null,
    role           text        not null check (role in ('CONSUMER', 'HOST', 'COOPERATIVE', 'ADMIN')),
    cooperative_id uuid references cooperative (id),
    organisation   text,
    created_at     timestamptz not null default now(),
    check ((role = 'COOPERATIVE') = (cooperative_id is not null))
);
-- Emails are compared case-insensitively; the index settles registration races.
create unique index app_user_email_key on app_user (lower(email));

create table product (
    id             uuid primary key,
    cooperative_id uuid        not null references cooperative (id),
    sku            text        not null,
    name           text        not null,
    description    text        not null,
    unit           text        not null,
    price_minor    bigint      not null check (price_minor >= 0),
    currency       char(3)     not null,
    stock          integer     not null check (stock >= 0),
    status         text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (cooperative_id, sku)
);
create index product_cooperative_idx on product (cooperative_id);
