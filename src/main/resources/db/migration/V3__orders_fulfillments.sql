-- Orders reserve stock until paid; paid orders split into one fulfilment per origin cooperative.

create table customer_order (
    id                uuid primary key,
    buyer_id          uuid        not null references app_user (id),
    sale_id           uuid references sale (id),
    status            text        not null check (status in ('RESERVED', 'PAID', 'CANCELLED', 'EXPIRED')),
    total_minor       bigint      not null check (total_minor >= 0),
    currency          char(3)     not null,
    shipping_address  jsonb       not null,
    reserved_until    timestamptz not null,
    created_at        timestamptz not null,
    paid_at           timestamptz,
    closed_at         timestamptz,
    payment_method    text,
    payment_reference text
);
create index customer_order_buyer_idx on customer_order (buyer_id, created_at desc);
create index customer_order_expiry_idx on customer_order (reserved_until) where status = 'RESERVED';

create table order_line (
    order_id         uuid    not null references customer_order (id),
    line_no          integer not null,
    product_id       uuid    not null references product (id),
    item_id          uuid references sale_item (id),
    cooperative_id   uuid    not null references cooperative (id),
    name             text    not null,
    quantity         integer not null check (quantity > 0),
    unit_price_minor bigint  not null check (unit_price_minor >= 0),
    primary key (order_id, line_no)
);

-- One row per (buyer, key): the primary key settles concurrent retries.
create table idempotency_key (
    buyer_id     uuid        not null references app_user (id),
    key          text        not null,
    request_hash text        not null,
    order_id     uuid        not null,
    created_at   timestamptz not null default now(),
    primary key (buyer_id, key)
);

-- Units of each sale item a buyer holds in RESERVED or PAID orders, for per-customer limits.
create table purchase_tally (
    buyer_id uuid    not null references app_user (id),
    item_id  uuid    not null references sale_item (id),
    quantity integer not null check (quantity >= 0),
    primary key (buyer_id, item_id)
);

create table fulfillment (
    id              uuid primary key,
    order_id        uuid        not null references customer_order (id),
    cooperative_id  uuid        not null references cooperative (id),
    status          text        not null check (status in ('NEW', 'ACCEPTED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    gross_minor     bigint      not null check (gross_minor >= 0),
    fee_minor       bigint      not null check (fee_minor >= 0),
    net_minor       bigint      not null,
    currency        char(3)     not null,
    carrier         text,
    tracking_number text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (order_id, cooperative_id),
    check (net_minor = gross_minor - fee_minor)
);
create index fulfillment_cooperative_idx on fulfillment (cooperative_id, status, created_at);
