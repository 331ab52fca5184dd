-- Replay orders (contract v3, "Replays and highlights"): "Buy" on an ENDED sale's replay is a
-- storefront order that remembers which sale's replay sold it and where in the replay, so the
-- sale's stats count it as a replay order. Such an order never has sale_id (that marks a live
-- order), so the live figures cannot count it.
alter table customer_order
    add column source_sale_id    uuid references sale (id),
    add column source_at_seconds numeric(12, 3) check (source_at_seconds >= 0),
    add constraint customer_order_source_whole check ((source_sale_id is null) = (source_at_seconds is null)),
    add constraint customer_order_source_not_live check (sale_id is null or source_sale_id is null);

-- The stats count a sale's replay orders by it; most orders have no source.
create index customer_order_source_sale_idx on customer_order (source_sale_id) where source_sale_id is not null;
