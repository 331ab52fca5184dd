-- Every pin of a sale with its times (until now only the current pin was kept): the chapters and
-- highlights of a replay are cut from them. An open pin has no unpinned_at.
create table sale_pin (
    sale_id     uuid        not null references sale (id),
    item_id     uuid        not null references sale_item (id),
    pinned_at   timestamptz not null,
    unpinned_at timestamptz,
    primary key (sale_id, pinned_at, item_id)
);
create unique index sale_pin_open on sale_pin (sale_id) where unpinned_at is null;
