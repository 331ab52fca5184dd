-- Cooperatives on any phone (contract v3): short codes for fulfilments, alert phones, SMS and
-- the USSD menu's PINs.

-- A fulfilment's short code names it on small screens: 6 characters from an alphabet without
-- 0/O, 1/I/L. A global sequence through a bijection of [0, 31^6) makes codes unique by
-- construction (no collision to retry inside the payment's transaction) and not guessable in order.
create sequence fulfillment_short_code_seq;
create function fulfillment_short_code(n bigint) returns text language sql immutable as $$
    select string_agg(
               substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ',
                      (((((n % 887503681) * 387420489 + 123456789) % 887503681)
                        / power(31, i)::bigint) % 31)::int + 1, 1),
               '' order by i desc)
    from generate_series(0, 5) i
$$;
alter table fulfillment add column short_code text;
update fulfillment set short_code = fulfillment_short_code(nextval('fulfillment_short_code_seq'));
alter table fulfillment
    alter column short_code set default fulfillment_short_code(nextval('fulfillment_short_code_seq')),
    alter column short_code set not null;
create unique index fulfillment_short_code_idx on fulfillment (cooperative_id, short_code);
