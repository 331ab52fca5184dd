-- Pages: product photos, and the largest audience each sale has had (across replicas).

alter table product add column image_url text check (length(image_url) <= 2000);

create table sale_audience (
    sale_id      uuid primary key references sale (id),
    peak_viewers bigint not null check (peak_viewers >= 0)
);

-- The host console polls a sale's paid orders every few seconds.
create index customer_order_sale_paid_idx on customer_order (sale_id, paid_at) where paid_at is not null;
