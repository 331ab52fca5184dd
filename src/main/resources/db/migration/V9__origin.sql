-- Origin: cooperative members (producers), their plots as validated GeoJSON, lots made from
-- their harvests, and which lot each shipped order line came from.

create table producer (
    id             uuid primary key,
    cooperative_id uuid        not null references cooperative (id),
    member_code    text        not null,
    display_name   text        not null,
    public_consent boolean     not null,
    region         text        not null,
    created_at     timestamptz not null,
    -- Settles two cooperative desks registering the same member at once (409).
    unique (cooperative_id, member_code)
);
create index producer_cooperative_idx on producer (cooperative_id, member_code);

-- Geometry is checked in Java (JTS; no PostGIS here); area and bounds are kept beside it.
create table plot (
    id               uuid primary key,
    producer_id      uuid             not null references producer (id),
    area_ha          numeric(12, 4)   not null check (area_ha > 0),
    geometry         jsonb            not null,
    geometry_type    text             not null check (geometry_type in ('Point', 'Polygon')),
    computed_area_ha numeric(14, 4),
    min_lon          double precision not null check (min_lon between -180 and 180),
    min_lat          double precision not null check (min_lat between -90 and 90),
    max_lon          double precision not null check (max_lon between -180 and 180),
    max_lat          double precision not null check (max_lat between -90 and 90),
    created_at       timestamptz      not null,
    check ((geometry_type = 'Polygon') = (computed_area_ha is not null)),
    check (min_lon <= max_lon and min_lat <= max_lat),
    -- The EU deforestation rules: above 4 ha a plot is described by a polygon.
    check (geometry_type = 'Polygon' or area_ha <= 4)
);
create index plot_producer_idx on plot (producer_id, created_at);

create table lot (
    id             uuid primary key,
    cooperative_id uuid           not null references cooperative (id),
    product_id     uuid           not null references product (id),
    lot_code       text           not null,
    process        text,
    harvest_from   date           not null,
    harvest_to     date           not null,
    quantity_kg    numeric(12, 3) not null check (quantity_kg > 0),
    certifications text[]         not null,
    created_at     timestamptz    not null,
    unique (cooperative_id, lot_code),
    check (harvest_from <= harvest_to)
);
create index lot_cooperative_idx on lot (cooperative_id, created_at desc);

create table lot_input (
    lot_id              uuid           not null references lot (id),
    input_no            integer        not null,
    producer_id         uuid           not null references producer (id),
    plot_id             uuid references plot (id),
    kg                  numeric(12, 3) not null check (kg > 0),
    farmgate_paid_minor bigint         not null check (farmgate_paid_minor >= 0),
    currency            char(3)        not null,
    primary key (lot_id, input_no)
);
create index lot_input_producer_idx on lot_input (producer_id);

-- Which lot an order line came from; reassigning a line replaces its row.
create table lot_assignment (
    line_id        uuid        primary key references order_line (id),
    order_id       uuid        not null references customer_order (id),
    fulfillment_id uuid        not null references fulfillment (id),
    lot_id         uuid        not null references lot (id),
    assigned_at    timestamptz not null
);
create index lot_assignment_order_idx on lot_assignment (order_id);
create index lot_assignment_fulfillment_idx on lot_assignment (fulfillment_id);
create index lot_assignment_lot_idx on lot_assignment (lot_id);
