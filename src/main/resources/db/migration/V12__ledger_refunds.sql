-- Money (v2): a double-entry ledger, refunds, and the fulfilment dates that drive the hold.

-- Every movement of money is one transaction of entries that sum to zero per currency.
create table ledger_transaction (
    id         uuid primary key,
    type       text        not null,
    ref_type   text        not null,
    ref_id     uuid        not null,
    created_at timestamptz not null
);
create index ledger_transaction_ref_idx on ledger_transaction (ref_type, ref_id);

-- Signed amounts: positive grows the account (a cooperative's bucket, the platform's fees),
-- negative is money the platform holds for others (payment clearing).
create table ledger_entry (
    seq            bigint generated always as identity primary key,
    id             uuid        not null unique,
    transaction_id uuid        not null references ledger_transaction (id),
    account        text        not null check (account in
                       ('COOPERATIVE', 'PLATFORM_FEES', 'PAYMENT_CLEARING', 'PAYOUT_CLEARING', 'FX')),
    cooperative_id uuid references cooperative (id),
    bucket         text check (bucket in ('PENDING', 'AVAILABLE', 'IN_TRANSIT', 'PAID_OUT')),
    fulfillment_id uuid,
    currency       char(3)     not null,
    amount_minor   bigint      not null check (amount_minor <> 0),
    created_at     timestamptz not null,
    check ((account = 'COOPERATIVE') = (cooperative_id is not null and bucket is not null))
);
create index ledger_entry_transaction_idx on ledger_entry (transaction_id);
create index ledger_entry_cooperative_idx on ledger_entry (cooperative_id, seq desc) where cooperative_id is not null;
create index ledger_entry_fulfillment_idx on ledger_entry (fulfillment_id, bucket) where fulfillment_id is not null;

-- The ledger is append-only: the database refuses to change or remove what was written.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'OL001';
end
$$;
create trigger ledger_transaction_append_only before update or delete on ledger_transaction
    for each row execute function ledger_append_only();
create trigger ledger_transaction_no_truncate before truncate on ledger_transaction
    for each statement execute function ledger_append_only();
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_append_only();

-- Checked at commit, so a transaction's entries may arrive in any order but must balance.
create function ledger_balanced() returns trigger language plpgsql as $$
begin
    if exists (select 1 from ledger_entry where transaction_id = new.transaction_id
               group by currency having sum(amount_minor) <> 0) then
        raise exception 'ledger transaction % does not balance', new.transaction_id
            using errcode = 'OL002';
    end if;
    return null;
end
$$;
create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_balanced();

-- Orders can be refunded in part or in whole.
alter table customer_order drop constraint customer_order_status_check;
alter table customer_order add constraint customer_order_status_check check (status in
    ('RESERVED', 'PAID', 'CANCELLED', 'EXPIRED', 'PARTIALLY_REFUNDED', 'REFUNDED'));

alter table order_line add column refunded_quantity integer not null default 0;
alter table order_line add constraint order_line_refund_bounded
    check (refunded_quantity >= 0 and refunded_quantity <= quantity);

alter table fulfillment add column shipped_at timestamptz;
alter table fulfillment add column delivered_at timestamptz;
alter table fulfillment add column released_at timestamptz;
alter table fulfillment add column refunded_minor bigint not null default 0;
alter table fulfillment add column fee_reversed_minor bigint not null default 0;
alter table fulfillment add constraint fulfillment_refund_bounded
    check (refunded_minor between 0 and gross_minor and fee_reversed_minor between 0 and fee_minor);
update fulfillment set shipped_at = updated_at where status in ('SHIPPED', 'DELIVERED');
update fulfillment set delivered_at = updated_at where status = 'DELIVERED';
create index fulfillment_release_idx on fulfillment (delivered_at) where status = 'DELIVERED' and released_at is null;
create index fulfillment_auto_deliver_idx on fulfillment (shipped_at) where status = 'SHIPPED';

create table refund (
    id                 uuid primary key,
    order_id           uuid        not null references customer_order (id),
    fulfillment_id     uuid        not null references fulfillment (id),
    cooperative_id     uuid        not null references cooperative (id),
    buyer_id           uuid        not null references app_user (id),
    status             text        not null check (status in ('REQUESTED', 'SUCCEEDED', 'REJECTED')),
    amount_minor       bigint      not null check (amount_minor >= 0),
    fee_reversal_minor bigint      not null default 0 check (fee_reversal_minor >= 0),
    currency           char(3)     not null,
    reason             text        not null,
    decision_reason    text,
    idempotency_key    text,
    request_hash       text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (buyer_id, idempotency_key)
);
create index refund_order_idx on refund (order_id, created_at);
create index refund_cooperative_idx on refund (cooperative_id, status, created_at desc);

create table refund_line (
    refund_id uuid    not null references refund (id),
    line_id   uuid    not null references order_line (id),
    quantity  integer not null check (quantity > 0),
    primary key (refund_id, line_id)
);

-- Backfill: orders paid before the ledger existed get their payment transaction, so old data
-- balances too. Their DELIVERED fulfilments are released by the hold job like new ones.
insert into ledger_transaction (id, type, ref_type, ref_id, created_at)
select md5('payment:' || o.id::text)::uuid, 'PAYMENT', 'order', o.id, coalesce(o.paid_at, o.created_at)
from customer_order o
where o.status = 'PAID' and exists (select 1 from fulfillment f where f.order_id = o.id and f.status <> 'CANCELLED');

insert into ledger_entry (id, transaction_id, account, cooperative_id, bucket, fulfillment_id, currency, amount_minor, created_at)
select gen_random_uuid(), md5('payment:' || o.id::text)::uuid, e.account, e.cooperative_id, e.bucket, e.fulfillment_id,
       f.currency, e.amount, coalesce(o.paid_at, o.created_at)
from customer_order o
join fulfillment f on f.order_id = o.id and f.status <> 'CANCELLED'
cross join lateral (values
    ('COOPERATIVE', f.cooperative_id, 'PENDING', f.id, f.net_minor),
    ('PLATFORM_FEES', null::uuid, null, f.id, f.fee_minor),
    ('PAYMENT_CLEARING', null::uuid, null, f.id, -f.gross_minor)
) as e(account, cooperative_id, bucket, fulfillment_id, amount)
where o.status = 'PAID' and e.amount <> 0;
