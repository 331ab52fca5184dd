-- v2: every order line has its own id (refunds and lots name lines by it).
alter table order_line add column id uuid;
update order_line set id = gen_random_uuid() where id is null;
alter table order_line alter column id set not null;
alter table order_line add constraint order_line_id_key unique (id);
