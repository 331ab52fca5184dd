-- Timed live sales. Stock allocated to a sale leaves product.stock and lives in sale_item.remaining
-- until it is sold or the sale ends, when what is left returns to the product exactly once.

create table sale (
    id             uuid primary key,
    host_id        uuid        not null references app_user (id),
    title          text        not null,
    stream_url     text        not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    status         text        not null check (status in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    currency       char(3)     not null,
    pinned_item_id uuid,
    -- Grows with every announced change, so viewers can tell they missed one.
    seq            bigint      not null default 0,
    created_at     timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index sale_due_start_idx on sale (starts_at) where status = 'SCHEDULED';
create index sale_due_end_idx on sale (ends_at) where status = 'LIVE';
create index sale_status_idx on sale (status, starts_at);

create table sale_item (
    id                 uuid primary key,
    sale_id            uuid    not null references sale (id),
    position           integer not null,
    product_id         uuid    not null references product (id),
    cooperative_id     uuid    not null references cooperative (id),
    name               text    not null,
    sale_price_minor   bigint  not null check (sale_price_minor >= 0),
    currency           char(3) not null,
    quantity           integer not null check (quantity > 0),
    remaining          integer not null check (remaining >= 0 and remaining <= quantity),
    per_customer_limit integer not null check (per_customer_limit > 0),
    unique (sale_id, product_id),
    unique (sale_id, position)
);
create index sale_item_sale_idx on sale_item (sale_id);

alter table sale add constraint sale_pinned_item_fk foreign key (pinned_item_id) references sale_item (id);
