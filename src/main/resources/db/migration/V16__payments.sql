-- Payments in China (v3): one row per attempt to pay an order through a provider. The row is
-- written before the provider is called; only the provider's verified word settles it.
create table payment (
    id              uuid        primary key,
    order_id        uuid        not null references customer_order (id),
    buyer_id        uuid        not null,
    provider        text        not null check (provider in ('WECHAT_PAY', 'ALIPAY', 'SANDBOX')),
    channel         text        not null check (channel in ('NATIVE', 'H5', 'JSAPI', 'PAGE', 'WAP')),
    status          text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'CLOSED', 'REFUNDED')),
    amount_minor    bigint      not null check (amount_minor > 0),
    currency        text        not null,
    out_trade_no    text        not null unique,
    transaction_id  text,
    action          jsonb,
    expires_at      timestamptz not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    -- Reconciliation: when to ask the provider next, and how often it was asked.
    next_query_at   timestamptz,
    queries         integer     not null default 0,
    -- A success for an order that expired or was cancelled meanwhile is given back in full.
    late_refund     text        check (late_refund in ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (buyer_id, idempotency_key)
);
-- At most one PENDING payment per order: the schema settles two concurrent opens.
create unique index payment_one_pending on payment (order_id) where status = 'PENDING';
create index payment_of_order on payment (order_id, created_at desc);
create index payment_due on payment (next_query_at) where status = 'PENDING';
create index payment_late_refund on payment (updated_at) where late_refund in ('PENDING', 'FAILED', 'PROCESSING');

-- Refunds of provider-paid orders: the money's way back through the provider.
alter table refund add column provider_status text not null default 'NONE'
    check (provider_status in ('NONE', 'PROCESSING', 'SUCCEEDED', 'FAILED'));
alter table refund add column provider_checked_at timestamptz;
create index refund_provider_open on refund (provider_checked_at) where provider_status in ('PROCESSING', 'FAILED');
